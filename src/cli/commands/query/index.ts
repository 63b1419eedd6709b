import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../../context.js';
import { queryRunsCommand } from './runs.js';
import { queryHistoryCommand } from './history.js';
import { queryConstituentsCommand } from './constituents.js';
import { querySouthboundCommand } from './southbound.js';
import { queryAccuracyCommand } from './accuracy.js';
import { queryFetchesCommand } from './fetches.js';

export type QueryFactory = (ctx: CliContext) => CommandModule<GlobalOptions, any>;

/** Every `query` sub-command; add one line per new sub-command file. */
export const querySubcommands: QueryFactory[] = [
  queryRunsCommand,
  queryHistoryCommand,
  queryConstituentsCommand,
  querySouthboundCommand,
  queryAccuracyCommand,
  queryFetchesCommand,
];
