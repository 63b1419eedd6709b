import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { JobError } from '../../domain/errors.js';

// Placeholder until its issue lands: registered so the command set is visible in --help.
export function eventsCommand(_ctx: CliContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'events',
    describe: '(events: not built yet)',
    handler: async () => {
      throw new JobError('events is not built yet.');
    },
  };
}
