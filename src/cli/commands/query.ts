import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { querySubcommands } from './query/index.js';

/** `hkconnect query <sub>`: ad hoc questions over the store; each sub-command in its own file under query/. */
export function queryCommand(ctx: CliContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'query <question>',
    describe: 'Ad hoc questions over the store (history, constituents, southbound, runs, ...)',
    builder: (y) => {
      let q = y;
      for (const make of querySubcommands) q = q.command(make(ctx) as never);
      return q.demandCommand(1, 'Name a query; see hkconnect query --help.') as never;
    },
    handler: () => undefined,
  };
}
