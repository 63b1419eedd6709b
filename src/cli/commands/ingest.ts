import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { JobError } from '../../domain/errors.js';

// Placeholder until its issue lands: registered so the command set is visible in --help.
export function ingestCommand(_ctx: CliContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'ingest',
    describe: '(ingest: not built yet)',
    handler: async () => {
      throw new JobError('ingest is not built yet.');
    },
  };
}
