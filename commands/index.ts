import { ask } from './ask';
import type { Command } from './command';
import { help } from './help';
import { partners } from './partners';
import { search } from './search';
import { sources } from './sources';
import { timeline } from './timeline';

/** Every slash command Scoop has: what the bot routes and what `deploy-commands` registers. */
export const commands: readonly Command[] = [ask, search, timeline, partners, sources, help];

/** The commands by name, for routing interactions. */
export function commandsByName(list: readonly Command[] = commands): ReadonlyMap<string, Command> {
  return new Map(list.map((command) => [command.data.name, command]));
}
