import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandSubcommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { guildOnly, MANAGE_SERVER } from '../bot/commandReach';
import { DISCORD_LIMITS, escapeAll, fitText } from '../bot/discordLimits';
import type { FeedListing } from '../src/feeds/newsroom';
import { UserFacingError } from '../src/errors';
import type { FeedWords } from '../bot/messages';
import type { Command, CommandContext } from '../bot/command';

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

/** An ISO instant as the feed list shows it: `YYYY-MM-DD HH:MM` (UTC). */
const minuteOf = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function feedLine(feed: FeedListing, t: FeedWords): string {
  const title = escapeAll(fitText(feed.title ?? feed.url, 100));
  const state = feed.lastError
    ? t.failing(escapeAll(fitText(feed.lastError, 160)), feed.failures, feed.nextAttempt ? minuteOf(feed.nextAttempt) : null)
    : feed.lastFetched
      ? t.lastFetched(minuteOf(feed.lastFetched))
      : t.notPolledYet;
  return `• **${title}** <${feed.url}> · ${t.items(feed.items)} · ${state}`;
}

/** The feeds as one ephemeral message in the catalogue's language, cut to Discord's limit. */
export function feedListText(feeds: FeedListing[], t: FeedWords): string {
  if (feeds.length === 0) return t.noFeed;
  return fitText(`${t.feedCount(feeds.length)}\n${feeds.map((feed) => feedLine(feed, t)).join('\n')}`, DISCORD_LIMITS.content);
}

function deskOf(context: CommandContext) {
  if (!context.newsDesk) throw new UserFacingError(context.t.feeds.feedsOff, 'feeds_off');
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
      throw new UserFacingError(context.t.feeds.onlyManagersChangeFeeds, 'not_allowed');
    }
    const desk = deskOf(context);
    const t = context.t.feeds;
    const action = interaction.options.getSubcommand(true);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let content: string;
    if (action === 'list') content = feedListText(await desk.listFeeds(), t);
    else if (action === 'add') {
      const feed = await desk.addFeed(interaction.options.getString('url', true).trim());
      const title = escapeAll(feed.title ?? feed.url);
      content = feed.subscribed ? t.nowFollowing(title, feed.url) : t.alreadyFollowing(title, feed.url);
    } else {
      const url = interaction.options.getString('url', true).trim();
      content = (await desk.removeFeed(url)) ? t.stoppedFollowing(url) : t.notFollowed(url);
    }
    await interaction.editReply({ content: fitText(content, DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS });
  },
} satisfies Command;
