import { REST, Routes, type APIApplicationCommand, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { AppCommand } from './command';

/** Where to register the commands. */
export interface DeployTarget {
  applicationId: string;
  /** Register in this guild only (instant, for development); globally when absent. */
  guildId?: string;
}

/** What Discord has after a deploy, and whether this deploy had to change it. */
export interface DeployResult {
  commands: RESTPutAPIApplicationCommandsResult;
  changed: boolean;
}

/** Fields Discord adds to a registered command that a definition never carries. */
const SERVER_FIELDS = new Set(['id', 'application_id', 'version', 'guild_id']);

/** Values Discord fills in for fields a definition leaves out (its documented defaults). */
const DISCORD_DEFAULTS: Record<string, unknown> = { type: 1, dm_permission: true, integration_types: [0] };

function isDefault(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}

/**
 * True when `registered` says what `wanted` says: every field of the definition
 * has the same value, and anything else Discord holds is a default (false,
 * null, empty) or one of its own fields, so nothing would change on a PUT.
 */
function sameDefinition(wanted: unknown, registered: unknown): boolean {
  if (Array.isArray(wanted)) {
    return Array.isArray(registered) && wanted.length === registered.length && wanted.every((item, i) => sameDefinition(item, registered[i]));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (registered === null || typeof registered !== 'object') return false;
    const want = wanted as Record<string, unknown>;
    const have = registered as Record<string, unknown>;
    const keys = new Set([...Object.keys(want), ...Object.keys(have)]);
    return [...keys].every((key) => {
      if (!(key in want) || want[key] === undefined) {
        return SERVER_FIELDS.has(key) || isDefault(have[key]) || (key in DISCORD_DEFAULTS && sameDefinition(DISCORD_DEFAULTS[key], have[key]));
      }
      if (!(key in have)) return isDefault(want[key]);
      return sameDefinition(want[key], have[key]);
    });
  }
  return wanted === registered;
}

/**
 * A definition without `integration_types` and `contexts`: Discord applies
 * them to global commands only, so a guild deploy (for development) leaves
 * them out rather than register what has no effect there.
 */
export function withoutInstallReach<T extends { integration_types?: unknown; contexts?: unknown }>(definition: T): Omit<T, 'integration_types' | 'contexts'> {
  const { integration_types: _types, contexts: _contexts, ...rest } = definition;
  return rest;
}

/**
 * Registers the commands with Discord (globally with where each may be
 * installed and used; in one guild without, see `withoutInstallReach`),
 * replacing what was registered before (a bulk overwrite: commands no longer listed disappear), unless
 * Discord already holds exactly these definitions, in which case nothing is
 * written (repeated deploys cost no rate-limited writes and no client refresh).
 */
export async function deployCommands(
  rest: REST,
  { applicationId, guildId }: DeployTarget,
  commands: readonly AppCommand[],
): Promise<DeployResult> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const body = commands.map((command) => (guildId ? withoutInstallReach(command.data.toJSON()) : command.data.toJSON()));
  const current = (await rest.get(route)) as APIApplicationCommand[];
  const byName = new Map(current.map((command) => [command.name, command]));
  const unchanged = current.length === body.length && body.every((wanted) => sameDefinition(wanted, byName.get(wanted.name)));
  if (unchanged) return { commands: current, changed: false };
  return { commands: (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult, changed: true };
}
