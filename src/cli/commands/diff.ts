import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { JobError } from '../../domain/errors.js';

// Placeholder until its issue lands: registered so the command set is visible in --help.
export function diffCommand(_ctx: CliContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'diff',
    describe: '(diff: not built yet)',
    handler: async () => {
      throw new JobError('diff is not built yet.');
    },
  };
}
