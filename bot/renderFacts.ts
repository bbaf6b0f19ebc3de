import type { APIEmbed } from 'discord.js';
import { PARTNERSHIP_NATURE_WORDS } from '../src/facts/partnershipNatureWords';
import type { Citation } from '../src/passages/citation';
import type { PartnerMap, Timeline, TimelineEvent } from '../src/facts/factBook';
import { partnerTies, tieArrow } from '../src/facts/partnerTies';
import { DISCORD_LIMITS, escapeAll } from './discordLimits';
import { buildEmbed, type FieldDraft } from './embedDraft';
import { MESSAGES, type Messages } from './messages';
import { EMBED_COLORS } from './renderAnswer';
import { quotedSource, sourceTitle } from './renderSource';

/** Most facts listed in one embed: each needs a source field, and an embed holds 25 fields. */
export const MAX_LISTED_FACTS = 20;

const MAX_CITATIONS_PER_TIE = 3;


/** Numbers citations in order of first use, one number per distinct quote. */
class CitationNumbers {
  private readonly numbers = new Map<string, number>();
  readonly cited: Citation[] = [];

  numberOf(citation: Citation): number {
    const key = `${citation.articleId}:${citation.start}:${citation.end}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.cited.push(citation);
      n = this.cited.length;
      this.numbers.set(key, n);
    }
    return n;
  }

  fields(): FieldDraft[] {
    return this.cited.map((citation, i) => ({
      name: sourceTitle(citation.title, i + 1),
      value: quotedSource(citation.snippet, citation),
    }));
  }
}

function dateRange(event: TimelineEvent, t: Messages): string {
  if (!event.start) return '';
  const range = !event.end || event.end === event.start ? event.start : `${event.start} ${t.dateTo} ${event.end}`;
  return ` → ${range}${event.relative ? ` (${t.countedFromArticle})` : ''}`;
}

function eventLine(event: TimelineEvent, n: number, t: Messages): string {
  const when = event.superseded ? `~~“${escapeAll(event.when)}”~~` : `“${escapeAll(event.when)}”`;
  const status = event.superseded ? `${t.statuses[event.status]}, ${t.laterMoved}` : t.statuses[event.status];
  return `• **${escapeAll(event.subject)}** ${t.events[event.event]}: ${when}${dateRange(event, t)} · ${status} [${n}]`;
}

function moreLine(total: number, t: Messages): string[] {
  return total > MAX_LISTED_FACTS ? [t.andMore(total - MAX_LISTED_FACTS)] : [];
}

/**
 * The embed of a timeline: one line per dated claim, in order, struck through
 * where a later article moved the date, each with its cited snippet. Says
 * plainly when the articles date nothing about the subject.
 */
export function renderTimeline(timeline: Timeline, asked: string | null, t: Messages = MESSAGES.en): APIEmbed {
  const subject = timeline.subject ?? asked;
  const title = subject ? t.timelineTitle(subject) : t.recentEvents;
  if (timeline.events.length === 0) {
    return buildEmbed({
      title: escapeAll(title),
      color: EMBED_COLORS.abstained,
      description: subject ? t.nothingDated(escapeAll(subject)) : t.noDatedEvents,
    });
  }
  const numbers = new CitationNumbers();
  const lines = timeline.events
    .slice(0, MAX_LISTED_FACTS)
    .map((event) => eventLine(event, numbers.numberOf(event.citation), t));
  return buildEmbed({
    title: escapeAll(title),
    color: EMBED_COLORS.answered,
    description: [...lines, ...moreLine(timeline.events.length, t)].join('\n'),
    fields: numbers.fields(),
    footer: t.datedClaims(timeline.events.length),
  });
}

/**
 * The embed of a company's partners: one line per tie with its nature and
 * direction, cited by every snippet that states it. Says plainly when nothing is known.
 */
export function renderPartners(map: PartnerMap, asked: string, t: Messages = MESSAGES.en): APIEmbed {
  const company = map.company || asked;
  if (map.partners.length === 0) {
    return buildEmbed({
      title: escapeAll(t.partnersTitle(company)),
      color: EMBED_COLORS.abstained,
      description: t.nothingAboutPartners(escapeAll(company)),
    });
  }
  const numbers = new CitationNumbers();
  const ties = partnerTies(map).map((tie) => ({ tie, citations: tie.claims.map((claim) => claim.citation), markers: [] as number[] }));
  const listed = ties.slice(0, MAX_LISTED_FACTS);
  for (const tie of listed) tie.markers.push(numbers.numberOf(tie.citations[0]));
  for (const tie of listed) {
    for (const citation of tie.citations.slice(1, MAX_CITATIONS_PER_TIE)) {
      if (numbers.cited.length >= DISCORD_LIMITS.fields - 1) break;
      tie.markers.push(numbers.numberOf(citation));
    }
  }
  const lines = listed.map(({ tie, markers }) => {
    const cited = [...new Set(markers)].map((n) => `[${n}]`).join('');
    return `• ${tieArrow(tie, (name) => `**${escapeAll(name)}**`)}: ${PARTNERSHIP_NATURE_WORDS[t.locale][tie.nature]} ${cited}`;
  });
  return buildEmbed({
    title: escapeAll(t.partnersTitle(company)),
    color: EMBED_COLORS.answered,
    description: [...lines, ...moreLine(ties.length, t)].join('\n'),
    fields: numbers.fields(),
    footer: t.ties(map.partners.length),
  });
}
