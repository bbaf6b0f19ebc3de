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
  const outlets = (summary.alsoReported ?? []).map((also) => also.outlet ?? also.source);
  const outlet = summary.outlet ? ` · ${escapeAll(summary.outlet)}` : '';
  const group = outlets.length > 0 ? ` · also in ${escapeAll(fitText([...new Set(outlets)].join(', '), 200))}` : '';
  return `• ${shown} · ${summary.published ?? 'undated'} · ${LANGUAGE_NAMES[summary.language]}${outlet}${group}`;
}

/**
 * The embed of `/sources`: how many articles are indexed, then one line per
 * story (title, date, language, outlet, and the other outlets that carried
 * it) as fit, newest first, how many were left out, and the newest article's date.
 */
export function renderSources(sources: SourceSummary[]): APIEmbed {
  const count = sources.reduce((sum, s) => sum + 1 + (s.alsoReported?.length ?? 0), 0);
  const title = `${count} indexed article${count === 1 ? '' : 's'}${count > sources.length ? ` (${sources.length} stor${sources.length === 1 ? 'y' : 'ies'})` : ''}`;
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
  if (lines.length < sources.length) lines.push(`…and ${sources.length - lines.length} more`);
  const passages = sources.reduce((sum, s) => sum + s.passages, 0);
  const newest = sources.reduce<string | null>((max, s) => (s.published !== null && (max === null || s.published > max) ? s.published : max), null);
  return buildEmbed({
    title,
    color: EMBED_COLORS.passages,
    description: lines.join('\n'),
    footer: `${passages} passage${passages === 1 ? '' : 's'} searchable${newest ? ` · newest article from ${newest}` : ''}`,
  });
}
