import { ask } from './ask';
import { askScoop } from './askScoop';
import type { AppCommand } from '../bot/command';
import { feeds } from './feeds';
import { help } from './help';
import { ingest } from './ingest';
import { latest } from './latest';
import { partners } from './partners';
import { search } from './search';
import { settings } from './settings';
import { sources } from './sources';
import { timeline } from './timeline';

/** Every command Scoop has: what the bot routes and what `deploy-commands` registers. */
export const commands: readonly AppCommand[] = [ask, search, timeline, partners, sources, help, askScoop, settings, latest, feeds, ingest];
