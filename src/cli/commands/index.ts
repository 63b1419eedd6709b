import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { demoCommand } from './demo.js';
import { dbCommand } from './db.js';
import { ingestCommand } from './ingest.js';
import { screenCommand } from './screen.js';
import { explainCommand } from './explain.js';
import { eventsCommand } from './events.js';
import { diffCommand } from './diff.js';
import { queryCommand } from './query.js';
import { scheduleCommand } from './schedule.js';
import { fetchCommand } from './fetch.js';
import { calibrateCommand } from './calibrate.js';

/** A command is made from the context so handlers write through injected streams. */
export type CommandFactory = (ctx: CliContext) => CommandModule<GlobalOptions, any>;

export const commandModules: CommandFactory[] = [
  demoCommand, dbCommand, ingestCommand, screenCommand, explainCommand, eventsCommand, diffCommand, queryCommand,
  scheduleCommand, fetchCommand, calibrateCommand,
];
