import type { APIEmbed } from 'discord.js';
import type { SourceSummary } from '../src/scoop';
import { DISCORD_LIMITS, escapeAll, fitText, linkText, safeUrl } from './discordLimits';
import { buildEmbed } from './embedDraft';
import { MESSAGES, type Messages } from './messages';
import { EMBED_COLORS } from './renderAnswer';

const TITLE_SHOWN = 120;

function sourceLine(summary: SourceSummary, t: Messages): string {
  const title = fitText(summary.title.replace(/\s+/gu, ' ').trim() || summary.source, TITLE_SHOWN);
  const url = safeUrl(summary.url);
  const shown = url ? `[${linkText(title)}](${url})` : `**${escapeAll(title)}**`;
  return `• ${shown} · ${summary.published ?? t.undated} · ${t.languageNames[summary.language]}`;
}

/**
 * The embed of `/sources`: how many articles are indexed, then as many of them
 * (title, date, language) as fit, newest first, and how many were left out.
 */
export function renderSources(sources: SourceSummary[], t: Messages = MESSAGES.en): APIEmbed {
  const count = sources.length;
  const title = t.indexedArticles(count);
  if (count === 0) {
    return buildEmbed({ title, color: EMBED_COLORS.abstained, description: t.noArticleYet });
  }
  const lines: string[] = [];
  let used = 0;
  const room = DISCORD_LIMITS.embedDescription - 40;
  for (const summary of sources) {
    const line = sourceLine(summary, t);
    if (used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  if (lines.length < count) lines.push(t.andMore(count - lines.length));
  const passages = sources.reduce((sum, s) => sum + s.passages, 0);
  return buildEmbed({
    title,
    color: EMBED_COLORS.passages,
    description: lines.join('\n'),
    footer: t.passagesSearchable(passages),
  });
}
