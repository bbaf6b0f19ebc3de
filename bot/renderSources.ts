import type { APIEmbed } from 'discord.js';
import type { SourceSummary } from '../src/scoop';
import { DISCORD_LIMITS, escapeAll, fitText, linkText, safeUrl } from './discordLimits';
import { buildEmbed } from './embedDraft';
import { EMBED_COLORS } from './renderAnswer';

const LANGUAGE_NAMES: Record<SourceSummary['language'], string> = { fr: 'French', en: 'English', und: 'language unknown' };
const TITLE_SHOWN = 120;

function sourceLine(summary: SourceSummary): string {
  const title = fitText(summary.title.replace(/\s+/gu, ' ').trim() || summary.source, TITLE_SHOWN);
  const url = safeUrl(summary.url);
  const shown = url ? `[${linkText(title)}](${url})` : `**${escapeAll(title)}**`;
  return `• ${shown} · ${summary.published ?? 'undated'} · ${LANGUAGE_NAMES[summary.language]}`;
}

/**
 * The embed of `/sources`: how many articles are indexed, then as many of them
 * (title, date, language) as fit, newest first, and how many were left out.
 */
export function renderSources(sources: SourceSummary[]): APIEmbed {
  const count = sources.length;
  const title = `${count} indexed article${count === 1 ? '' : 's'}`;
  if (count === 0) {
    return buildEmbed({ title, color: EMBED_COLORS.abstained, description: 'No article is indexed yet.' });
  }
  const lines: string[] = [];
  let used = 0;
  const room = DISCORD_LIMITS.embedDescription - 40;
  for (const summary of sources) {
    const line = sourceLine(summary);
    if (used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  if (lines.length < count) lines.push(`…and ${count - lines.length} more`);
  const passages = sources.reduce((sum, s) => sum + s.passages, 0);
  return buildEmbed({
    title,
    color: EMBED_COLORS.passages,
    description: lines.join('\n'),
    footer: `${passages} passage${passages === 1 ? '' : 's'} searchable`,
  });
}
