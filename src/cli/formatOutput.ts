import type { Answer } from '../answers/answer';
import { PARTNERSHIP_NATURE_WORDS } from '../facts/partnershipNatureWords';
import type { SyncReport } from '../index/passageIndex';
import type { PartnerMap, Timeline } from '../facts/factBook';
import { partnerTies, tieArrow } from '../facts/partnerTies';
import type { FoundPassage } from '../scoop';
import { outletsOf } from '../storyGroups';
import { escapeControlCharacters, oneLine, stripControlCharacters } from '../text/controlCharacters';

/** `search --json`: one object per query; a result whose story ran in other outlets lists them in `alsoIn`. */
export function searchJson(query: string, hits: FoundPassage[]) {
  return {
    query,
    results: hits.map(({ passage, article, score, alsoIn }) => ({
      source: article.source,
      title: article.title,
      published: article.published,
      url: article.url,
      snippet: passage.text,
      start: passage.start,
      end: passage.end,
      score: Number(score.toFixed(6)),
      ...(alsoIn && { alsoIn: alsoIn.map(({ source, title, outlet, url, published }) => ({ source, title, outlet, url, published })) }),
    })),
  };
}

/** `ask --json`: one object per question. */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    language: answer.language,
    answer: answer.answer,
    value: answer.value,
    confidence: answer.confidence,
    abstained: answer.abstained,
    citations: answer.citations.map(({ n, source, title, published, url, snippet, start, end }) => ({
      n,
      source,
      title,
      published,
      url,
      snippet,
      start,
      end,
    })),
    timings: answer.timings,
  };
}

/** `timeline --json`. */
export function timelineJson(timeline: Timeline, asked: string | null) {
  return {
    subject: timeline.subject ?? asked,
    events: timeline.events.map((event) => ({
      subject: event.subject,
      event: event.event,
      when: event.when,
      start: event.start,
      end: event.end,
      status: event.status,
      superseded: event.superseded,
      source: event.citation.source,
      snippet: event.citation.snippet,
      published: event.citation.published,
    })),
  };
}

/** `partners --json`. */
export function partnersJson(map: PartnerMap) {
  return {
    company: map.company,
    partners: map.partners.map(({ a, b, nature, direction, citation }) => ({
      a,
      b,
      nature,
      direction,
      source: citation.source,
      snippet: citation.snippet,
    })),
  };
}

/** Article text on one line, without terminal escapes: titles, snippets, names from the articles. */
const quote = oneLine;

/** A source (a file name) on one line, its control characters written as escapes. */
const source = escapeControlCharacters;

function dated(published: string | null): string {
  return published ? `, ${published}` : '';
}

/** The words around an answer, in the answer's language. */
const ANSWER_CHROME = {
  en: { sources: 'Sources:', related: 'Related reading:', chars: 'chars' },
  fr: { sources: 'Sources :', related: 'À lire aussi :', chars: 'caractères' },
} as const;

/** A readable answer followed by its numbered sources, headed in the answer's language. */
export function answerText(answer: Answer): string {
  const words = ANSWER_CHROME[answer.language];
  const lines = [stripControlCharacters(answer.answer), ''];
  if (answer.citations.length > 0) {
    lines.push(words.sources);
    for (const c of answer.citations) {
      lines.push(`[${c.n}] ${quote(c.title)} (${source(c.source)}${dated(c.published)}, ${words.chars} ${c.start}-${c.end})`);
      lines.push(`    "${quote(c.snippet)}"`);
    }
  } else if (answer.related.length > 0) {
    lines.push(words.related);
    for (const { article, passage } of answer.related) {
      lines.push(`- ${quote(article.title)} (${source(article.source)}${dated(article.published)}): "${quote(passage.text).slice(0, 160)}…"`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Numbered passages with their article. */
export function searchText(query: string, hits: FoundPassage[]): string {
  if (hits.length === 0) return `No passage found for "${quote(query)}".\n`;
  const lines = hits.map(
    ({ passage, article, score, alsoIn }, i) =>
      `${i + 1}. ${quote(article.title)} (${source(article.source)}${dated(article.published)}, chars ${passage.start}-${passage.end}, score ${score.toFixed(3)})\n   "${quote(passage.text)}"` +
      (alsoIn ? `\n   also in ${outletsOf(alsoIn).map(quote).join(', ')}` : ''),
  );
  return lines.join('\n') + '\n';
}

/** A timeline, one dated claim a line, moved dates marked. */
export function timelineText(timeline: Timeline, asked: string | null): string {
  const named = timeline.subject ?? asked;
  const subject = named === null ? null : quote(named);
  if (timeline.events.length === 0) {
    return subject ? `Nothing in the indexed articles dates ${subject}.\n` : 'No dated events in the indexed articles.\n';
  }
  const lines = [subject ? `Timeline for ${subject}:` : 'Recent and upcoming events:'];
  for (const e of timeline.events) {
    const range = e.start ? ` → ${e.start === e.end || !e.end ? e.start : `${e.start} to ${e.end}`}` : '';
    lines.push(`- ${quote(e.subject)} ${quote(e.event)}: "${quote(e.when)}"${range} (${e.status}${e.superseded ? ', later moved' : ''})`);
    lines.push(`    "${quote(e.citation.snippet)}" (${source(e.citation.source)}${dated(e.citation.published)})`);
  }
  return lines.join('\n') + '\n';
}

/** Most quotes shown under one tie in the text output. */
const QUOTES_PER_TIE = 3;

/** A company's partners: one line per tie, with its nature and up to three of the quotes that state it. */
export function partnersText(map: PartnerMap): string {
  const company = quote(map.company);
  if (map.partners.length === 0) return `The indexed articles name no partner of ${company}.\n`;
  const lines = [`Partners of ${company}:`];
  for (const tie of partnerTies(map)) {
    lines.push(`- ${tieArrow(tie, quote)}: ${PARTNERSHIP_NATURE_WORDS.en[tie.nature]}`);
    for (const { citation } of tie.claims.slice(0, QUOTES_PER_TIE)) lines.push(`    "${quote(citation.snippet)}" (${source(citation.source)}${dated(citation.published)})`);
    if (tie.claims.length > QUOTES_PER_TIE) lines.push(`    (${tie.claims.length - QUOTES_PER_TIE} more in the articles; --json lists every one)`);
  }
  return lines.join('\n') + '\n';
}

/** The end-of-ingest summary line. */
export function syncSummaryText(report: SyncReport): string {
  return `Indexed ${report.articles} articles (${report.passages} passages): ${report.added} added, ${report.updated} updated, ${report.removed} removed, ${report.skipped} skipped, in ${report.ms} ms.\n`;
}
