import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, type BaseInteraction } from 'discord.js';

/** Builders that carry where a command may be installed and used (slash and context-menu builders alike). */
interface ReachBuilder {
  setIntegrationTypes(...types: ApplicationIntegrationType[]): this;
  setContexts(...contexts: InteractionContextType[]): this;
}

/** Where a reader's command works: installed on a server or by a user; in servers, the bot's DMs and private channels. */
export const EVERYWHERE = {
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
} as const;

/** Where a server-management command works: in servers that installed Scoop, nowhere else. */
export const GUILD_ONLY = {
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} as const;

/** The permission server-management commands ask for by default: Manage Server. */
export const MANAGE_SERVER = PermissionFlagsBits.ManageGuild;

/** Makes a reader's command installable by servers and users, usable in servers, the bot's DMs and private channels. */
export function everywhere<T extends ReachBuilder>(builder: T): T {
  return builder.setIntegrationTypes(...EVERYWHERE.integrationTypes).setContexts(...EVERYWHERE.contexts);
}

/** Makes a command server-only: guild install, guild context (never user-installable). */
export function guildOnly<T extends ReachBuilder>(builder: T): T {
  return builder.setIntegrationTypes(...GUILD_ONLY.integrationTypes).setContexts(...GUILD_ONLY.contexts);
}

/**
 * True when Scoop itself is where the interaction happened and may post there
 * (open a thread, send a channel message, read its cache): in a server that
 * installed it and whose guild it has received, or in its own DMs. False for
 * a user install used in a server the bot is not a member of, or in a private
 * channel: there it answers through the interaction reply alone.
 */
export function botIsPresent(interaction: BaseInteraction): boolean {
  if (interaction.context === InteractionContextType.PrivateChannel) return false;
  if (interaction.context === InteractionContextType.BotDM || interaction.guildId === null) return true;
  const installedBy = interaction.authorizingIntegrationOwners.guildId;
  return interaction.inCachedGuild() && (installedBy === null || installedBy === interaction.guildId);
}
