import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Command } from '../commands/command';

/** Where to register the commands. */
export interface DeployTarget {
  applicationId: string;
  /** Register in this guild only (instant, for development); globally when absent. */
  guildId?: string;
}

/**
 * Registers the slash commands with Discord, replacing what was registered
 * before (a bulk overwrite: commands no longer listed disappear). Returns what
 * Discord now has.
 */
export async function deployCommands(
  rest: REST,
  { applicationId, guildId }: DeployTarget,
  commands: readonly Command[],
): Promise<RESTPutAPIApplicationCommandsResult> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const body = commands.map((command) => command.data.toJSON());
  return (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
}
