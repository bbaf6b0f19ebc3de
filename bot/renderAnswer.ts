import type { APIEmbed } from 'discord.js';
import type { Answer } from '../src/answers/answer';
import type { StatementCheck, StatementVerdict } from '../src/answers/checkStatement';
import type { SearchHit } from '../src/retrieval/searchHit';
import type { FoundPassage } from '../src/scoop';
import { outletsOf } from '../src/storyGroups';
import { escapeAll, fitText } from './discordLimits';
import { MESSAGES, type Messages } from './messages';
import { buildEmbed, type FieldDraft } from './embedDraft';
import { quotedSource, sourceTitle } from './renderSource';

/** Embed colours: an answer, an abstention, a list of passages. */
export const EMBED_COLORS = { answered: 0x3b82f6, abstained: 0x9ca3af, passages: 0x10b981 } as const;

/** Embed colours of a checked statement, by verdict: green, red, amber, grey. */
export const VERDICT_COLORS: Record<StatementVerdict, number> = {
  supported: 0x22c55e,
  contradicted: 0xef4444,
  mixed: 0xf59e0b,
  'not-said': EMBED_COLORS.abstained,
};

function colorOf(answer: Answer | StatementCheck): number {
  if ('verdict' in answer) return VERDICT_COLORS[answer.verdict];
  return answer.abstained ? EMBED_COLORS.abstained : EMBED_COLORS.answered;
}

const RELATED_SNIPPET = 300;

function articlesSearched(count: number, newest: string | null | undefined, t: Messages): string {
  return newest ? `${t.searched(count)} · ${t.newestFrom(newest)}` : t.searched(count);
}

function relatedField(hit: SearchHit, t: Messages): FieldDraft {
  return {
    name: `${t.relatedReading}: ${sourceTitle(hit.article.title)}`,
    value: quotedSource(hit.passage.text, hit.article, RELATED_SNIPPET),
  };
}

/**
 * The embed of one answer: the question as title, the answer with its [n]
 * markers, a field per cited source (`[n] title`, the snippet quoted, the
 * source linked and dated), how many articles were searched and how fresh
 * they are (the newest article's date). An abstention
 * is grey and lists related reading instead of sources. A checked statement
 * is coloured by its verdict (green, red, amber; grey when not said).
 */
export function renderAnswer(answer: Answer | StatementCheck, articleCount: number, t: Messages = MESSAGES.en, newest?: string | null): APIEmbed {
  const fields: FieldDraft[] = answer.abstained
    ? answer.related.map((hit) => relatedField(hit, t))
    : answer.citations.map((citation) => ({
        name: sourceTitle(citation.title, citation.n),
        value: quotedSource(citation.snippet, citation),
      }));
  return buildEmbed({
    title: escapeAll(answer.question.replace(/\s+/gu, ' ').trim()),
    color: colorOf(answer),
    description: escapeAll(answer.answer),
    fields,
    footer: answer.abstained ? `${articlesSearched(articleCount, newest, t)} · ${t.noAnswerInThem}` : articlesSearched(articleCount, newest, t),
    notShown: t.notShown,
  });
}

const OUTLETS_SHOWN = 200;

function alsoInNote(hit: FoundPassage, t: Messages): string | undefined {
  if (!hit.alsoIn || hit.alsoIn.length === 0) return undefined;
  const outlets = outletsOf(hit.alsoIn).join(', ');
  return t.alsoIn(escapeAll(fitText(outlets, OUTLETS_SHOWN)));
}

/**
 * The embed of a list of passages (`/search`, "More sources"): each passage
 * quoted under its article's title, with its source and the other outlets that
 * carried the same story ("also in …"). `empty` is said when there are none.
 */
export function renderPassages(title: string, hits: readonly FoundPassage[], empty: string, footer: string | undefined, t: Messages): APIEmbed {
  return buildEmbed({
    notShown: t.notShown,
    title: escapeAll(title),
    color: EMBED_COLORS.passages,
    ...(hits.length === 0 && { description: empty }),
    fields: hits.map((hit, i) => ({
      name: sourceTitle(hit.article.title, i + 1),
      value: quotedSource(hit.passage.text, hit.article, Infinity, alsoInNote(hit, t)),
    })),
    ...(footer !== undefined && { footer }),
  });
}
