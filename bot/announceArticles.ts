import { MessageFlags, Routes, type Client } from 'discord.js';
import type { PolledArticle } from '../src/feeds/newsroom';
import type { Logger } from '../src/logger';
import { DISCORD_LIMITS, escapeAll, fitText, linkText, safeUrl } from './discordLimits';

const TITLE_SHOWN = 150;

function line(article: PolledArticle): string {
  const title = fitText((article.title ?? article.url).replace(/\s+/gu, ' ').trim(), TITLE_SHOWN);
  const url = safeUrl(article.url);
  const shown = url ? `[${linkText(title)}](<${url}>)` : escapeAll(title);
  const outlet = article.outlet ?? article.feedTitle;
  return `• ${shown}${outlet ? ` · ${escapeAll(outlet)}` : ''}${article.published ? ` · ${escapeAll(article.published.slice(0, 10))}` : ''}`;
}

/** The messages that announce `articles`: a heading, one line per article, split to fit Discord's message limit. */
export function announcementMessages(articles: PolledArticle[]): string[] {
  const heading = `📰 ${articles.length} new article${articles.length === 1 ? '' : 's'} — ask me about ${articles.length === 1 ? 'it' : 'them'}:`;
  const messages: string[] = [];
  let current = heading;
  for (const article of articles) {
    const next = line(article);
    if (current.length + next.length + 1 > DISCORD_LIMITS.content) {
      messages.push(current);
      current = next;
    } else current = `${current}\n${next}`;
  }
  messages.push(current);
  return messages;
}

/**
 * Posts the titles of newly fetched articles to ANNOUNCE_CHANNEL_ID: links
 * without previews, no mention ever parsed, sent silently (no notification).
 * A failure is logged, never thrown.
 */
export function announcer(client: Client, channelId: string, logger: Logger): (articles: PolledArticle[]) => Promise<void> {
  return async (articles) => {
    try {
      for (const content of announcementMessages(articles)) {
        await client.rest.post(Routes.channelMessages(channelId), {
          body: { content, allowed_mentions: { parse: [] }, flags: MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications },
        });
      }
    } catch (error) {
      logger.warn({ err: error, channel: channelId }, 'could not announce new articles');
    }
  };
}
