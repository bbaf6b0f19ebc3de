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
  const outlets = (summary.alsoReported ?? []).map((also) => also.outlet ?? also.source);
  const outlet = summary.outlet ? ` · ${escapeAll(summary.outlet)}` : '';
  const group = outlets.length > 0 ? ` · ${t.alsoIn(escapeAll(fitText([...new Set(outlets)].join(', '), 200)))}` : '';
  return `• ${shown} · ${summary.published ?? t.undated} · ${t.languageNames[summary.language]}${outlet}${group}`;
}

/**
 * The embed of `/sources`: how many articles are indexed, then one line per
 * story (title, date, language, outlet, and the other outlets that carried
 * it) as fit, newest first, how many were left out, and the newest article's date.
 */
export function renderSources(sources: SourceSummary[], t: Messages = MESSAGES.en): APIEmbed {
  const count = sources.reduce((sum, s) => sum + 1 + (s.alsoReported?.length ?? 0), 0);
  const title = `${t.indexedArticles(count)}${count > sources.length ? ` (${t.stories(sources.length)})` : ''}`;
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
  if (lines.length < sources.length) lines.push(t.andMore(sources.length - lines.length));
  const passages = sources.reduce((sum, s) => sum + s.passages, 0);
  const newest = sources.reduce<string | null>((max, s) => (s.published !== null && (max === null || s.published > max) ? s.published : max), null);
  return buildEmbed({
    title,
    color: EMBED_COLORS.passages,
    description: lines.join('\n'),
    footer: newest ? `${t.passagesSearchable(passages)} · ${t.newestFrom(newest)}` : t.passagesSearchable(passages),
  });
}
