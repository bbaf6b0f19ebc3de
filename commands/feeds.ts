import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandSubcommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { guildOnly, MANAGE_SERVER } from '../bot/commandReach';
import { DISCORD_LIMITS, escapeAll, fitText } from '../bot/discordLimits';
import type { FeedListing } from '../src/feeds/newsroom';
import { UserFacingError } from '../src/errors';
import type { Command, CommandContext } from './command';

function urlOption(builder: SlashCommandSubcommandBuilder, description: string): SlashCommandSubcommandBuilder {
  return builder.addStringOption((option) =>
    option
      .setName('url')
      .setNameLocalization('fr', 'adresse')
      .setDescription(description)
      .setDescriptionLocalization('fr', 'L’adresse du flux')
      .setRequired(true)
      .setMaxLength(2000),
  );
}

function feedLine(feed: FeedListing): string {
  const title = escapeAll(fitText(feed.title ?? feed.url, 100));
  const state = feed.lastError
    ? `failing: ${escapeAll(fitText(feed.lastError, 160))} (${feed.failures} in a row${feed.nextAttempt ? `, next try ${feed.nextAttempt.slice(0, 16).replace('T', ' ')} UTC` : ''})`
    : feed.lastFetched
      ? `last fetched ${feed.lastFetched.slice(0, 16).replace('T', ' ')} UTC`
      : 'not polled yet';
  return `• **${title}** <${feed.url}> · ${feed.items} item${feed.items === 1 ? '' : 's'} · ${state}`;
}

/** The feeds as one ephemeral message, cut to Discord's limit. */
export function feedListText(feeds: FeedListing[]): string {
  if (feeds.length === 0) return 'No feed is subscribed. Add one with `/feeds add url:`.';
  return fitText(`${feeds.length} feed${feeds.length === 1 ? '' : 's'}:\n${feeds.map(feedLine).join('\n')}`, DISCORD_LIMITS.content);
}

function deskOf(context: CommandContext) {
  if (!context.newsDesk) throw new UserFacingError('Feeds are not enabled on this bot.', 'feeds_off');
  return context.newsDesk;
}

/**
 * `/feeds add url:`, `/feeds remove url:`, `/feeds list`: the server's news
 * feeds. For server managers only (Manage Server by default, checked again
 * here), answered ephemerally.
 */
export const feeds = {
  data: guildOnly(
    new SlashCommandBuilder()
      .setName('feeds')
      .setNameLocalization('fr', 'flux')
      .setDescription('The news feeds Scoop follows (server managers)')
      .setDescriptionLocalization('fr', 'Les flux d’actualité que Scoop suit (gestion du serveur)')
      .setDefaultMemberPermissions(MANAGE_SERVER)
      .addSubcommand((sub) =>
        urlOption(
          sub.setName('add').setNameLocalization('fr', 'ajouter').setDescription('Follow an RSS, Atom or JSON feed').setDescriptionLocalization('fr', 'Suivre un flux RSS, Atom ou JSON'),
          'The feed’s address, e.g. https://example.com/rss.xml',
        ),
      )
      .addSubcommand((sub) =>
        urlOption(
          sub.setName('remove').setNameLocalization('fr', 'retirer').setDescription('Stop following a feed').setDescriptionLocalization('fr', 'Ne plus suivre un flux'),
          'The feed’s address, as /feeds list shows it',
        ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('list')
          .setNameLocalization('fr', 'liste')
          .setDescription('The feeds followed, when each was fetched and how it fails')
          .setDescriptionLocalization('fr', 'Les flux suivis, leur dernière lecture et leurs erreurs'),
      ),
  ),
  async execute(interaction, context) {
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserFacingError('Only members who can manage this server can change its feeds.', 'not_allowed');
    }
    const desk = deskOf(context);
    const action = interaction.options.getSubcommand(true);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let content: string;
    if (action === 'list') content = feedListText(await desk.listFeeds());
    else if (action === 'add') {
      const feed = await desk.addFeed(interaction.options.getString('url', true).trim());
      const title = escapeAll(feed.title ?? feed.url);
      content = feed.subscribed
        ? `Now following **${title}** <${feed.url}>. Its current articles are being fetched; new ones are picked up every poll.`
        : `Already following **${title}** <${feed.url}>.`;
    } else {
      const url = interaction.options.getString('url', true).trim();
      content = (await desk.removeFeed(url))
        ? `Stopped following <${url}>. The articles already fetched stay searchable.`
        : `<${url}> is not followed (see \`/feeds list\`).`;
    }
    await interaction.editReply({ content: fitText(content, DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS });
  },
} satisfies Command;
