import { UserFacingError } from '../errors';
import { hasVisibleText } from '../text/controlCharacters';
import type { AnswerType } from '../text/vocabulary';
import type { Logger } from '../logger';
import type { SearchHit } from '../retrieval/searchHit';
import { foldForMatching } from '../text/foldForMatching';
import { abstentionText } from './abstentionText';
import type { Answer } from './answer';
import type { AnswerFacts } from './answerFacts';
import { analyzeQuestion, type QuestionAnalysis } from './analyzeQuestion';
import type { ChatAnswerer } from './chatAnswerer';
import { checkChatAnswer } from './checkChatAnswer';
import { describedName } from './describeName';
import type { AnswerContext, Finding, Miss } from './finding';
import { MESSAGES } from './messages';
import { foldedArticle, namesFocusName, namesWord } from './namesFocus';
import { readQuestion, type QuestionReading, type TermShare } from './readQuestion';
import { ANSWER_STRATEGIES, READING_STRATEGIES } from './strategies';

export type { AnswerFacts } from './answerFacts';

/** What `answerQuestion` needs: retrieval, the extracted facts and, optionally, a chat model. */
export interface AnswerDeps {
  search: (query: string, k: number, options?: { excludePassageIds?: string[] }) => Promise<SearchHit[]>;
  facts: AnswerFacts;
  /** How common an analysed term is in the indexed passages (the share holding it): rare question words weigh more. */
  termShare?: TermShare;
  chat?: ChatAnswerer;
  logger?: Pick<Logger, 'warn' | 'debug'>;
  /**
   * Runs the CPU-bound part (analysis, search, reading, the draft) in a turn
   * shared with the process's other questions (an `AnsweringQueue`); the chat
   * rewrite runs after the turn. At once when absent.
   */
  takeTurn?: TakeTurn;
}

/** Options for one question. */
export interface AnswerOptions {
  /** The earlier question when this one is a follow-up ("and GPT-4.5?"). */
  previousQuestion?: string;
  /** Passages not to use (for "more sources"). */
  excludePassageIds?: string[];
  /** Write the answer in this language instead of the question's. */
  language?: 'fr' | 'en';
}

const PASSAGES_READ = 8;
/** Passages read for "who is NAME?": the few that say what the name is (« Carlos Ghosn, patron déchu de Renault, ») are rarely the ones that name it most. */
const DESCRIBED_PASSAGES_READ = 40;

/** Runs `work` in a turn of its own and resolves or rejects as it does (see the service's answering queue). */
export type TakeTurn = <T>(work: () => Promise<T>) => Promise<T>;

/** No queue: `work` runs at once (the CLI, which answers one question per process). */
export const withoutTurns: TakeTurn = (work) => work();

/** What a fact question's target asks for, when the question's first words left the type open ("What does the Polestar 2 cost?"). */
const ASKED_BY_TARGET: Partial<Record<QuestionAnalysis['target'], AnswerType>> = { amount: 'amount', count: 'count', place: 'place', person: 'person' };
const RELATED_SHOWN = 3;

const foldedAliasesByFacts = new WeakMap<AnswerFacts, Map<string, string>>();

/** Code names folded for matching, computed once per fact book (fact books do not change once built). */
function foldedAliases(facts: AnswerFacts): Map<string, string> {
  let aliases = foldedAliasesByFacts.get(facts);
  if (!aliases) {
    aliases = new Map();
    for (const { alias, subject } of facts.aliases()) aliases.set(foldForMatching(alias), subject);
    foldedAliasesByFacts.set(facts, aliases);
  }
  return aliases;
}

type Draft = Pick<Finding, 'text' | 'citations'> & { abstained: boolean };

/**
 * Tries the strategies in order; the first finding answers, else the most
 * telling miss explains. A text that asks nothing (a headline) is only read,
 * never given a typed value.
 */
function find(context: AnswerContext): Finding | Miss {
  let miss: Miss = { reason: 'not-stated' };
  for (const strategy of asksForValue(context) ? ANSWER_STRATEGIES : READING_STRATEGIES) {
    const found = strategy.find(context);
    if (!found) continue;
    if ('reason' in found) {
      if (found.reason === 'focus-absent') miss = found;
      continue;
    }
    const unnamed = unnamedFocus(found, context);
    if (unnamed) {
      miss = { reason: 'focus-absent', name: unnamed };
      continue;
    }
    return found;
  }
  return miss;
}

/**
 * The answer type the reader looks for: the question's own, unless its words
 * left it open and what it asks says more ("What does the Polestar 2 cost?" →
 * an amount), or it asks who is tied to something ("Qui héberge GPT-4.5 ?",
 * "avec quel spécialiste audio ?"): a partner is an organisation, not the
 * person a sentence also names nor a phrase; a date question whose words left
 * the type open ("…pour quelle année ?") asks for a date.
 */
function askedType(read: QuestionReading, analysis: QuestionAnalysis): QuestionReading {
  if ((read.expected === 'other' || read.expected === 'yes-no') && analysis.kind === 'fact' && ASKED_BY_TARGET[analysis.target]) {
    return { ...read, expected: ASKED_BY_TARGET[analysis.target]! };
  }
  if (analysis.kind === 'partnership' && (read.expected === 'person' || read.expected === 'other' || read.expected === 'name')) return { ...read, expected: 'organisation' };
  if (analysis.kind === 'date' && read.expected === 'other') return { ...read, expected: 'date' };
  return read;
}

/**
 * False for a text that asks nothing (a headline), and for a yes/no question
 * about a tie or about no date or typed fact ("François de Rugy a-t-il
 * démissionné pour rien ?", "Microsoft a-t-il refusé d'héberger GPT-4.5 ?"):
 * what answers it is what the articles say, quoted, not a word pulled from a
 * sentence or a partner named for a tie nobody asked about. A yes/no question
 * about a date ("GPT-5 a-t-il été reporté ?") still gets its dated answer
 * ("début 2025").
 */
function asksForValue({ analysis, reading }: AnswerContext): boolean {
  if (!analysis.asks) return false;
  if (reading.expected !== 'yes-no') return true;
  return !(analysis.kind === 'partnership' || (analysis.kind === 'fact' && analysis.target === 'other'));
}

/**
 * The first name or year the question is about that neither the finding's
 * quotes nor their articles name ("Does Microsoft host GPT-6?" answered with
 * a Microsoft tie about OpenAI, "the 2022 marathon" with the 2020 one); null
 * when every one is there.
 */
function unnamedFocus(finding: Finding, context: AnswerContext): string | null {
  const quoted = foldForMatching(finding.citations.map((c) => `${c.title}\n${c.snippet}`).join('\n'));
  const cited = new Set(finding.citations.map((c) => c.articleId));
  const articles = context.hits.filter((h) => cited.has(h.article.id)).map((h) => foldedArticle(h.article));
  for (const name of context.reading.names) {
    if (name.place) continue;
    if (namesFocusName(quoted, name) || articles.some((text) => namesFocusName(text, name))) continue;
    return name.text;
  }
  const published = context.hits.filter((h) => cited.has(h.article.id)).map((h) => h.article.published ?? '');
  for (const year of context.reading.years) {
    if (quoted.includes(year) || articles.some((text) => text.includes(year)) || published.some((date) => date.startsWith(year))) continue;
    return year;
  }
  return null;
}

/**
 * The decline of a date, partnership or code-name question: in the question's own words when the reply is in its
 * language; else from what was read ("when GPT-6 will be released"), unless that would name an event the question
 * did not (a date question whose verb was not recognised), when the question is quoted as asked.
 */
function structuredDecline(analysis: QuestionAnalysis, context: AnswerContext, subject: string | null): string {
  const messages = MESSAGES[context.replyLanguage];
  const sameLanguage = context.replyLanguage === analysis.language;
  const inOwnWords = sameLanguage ? messages.notAnswered(analysis.searchQuery) : null;
  if (inOwnWords) return inOwnWords;
  if (sameLanguage && analysis.kind === 'date' && analysis.event === null) return messages.notAnsweredQuoted(analysis.searchQuery);
  return abstentionText({ ...analysis, language: context.replyLanguage }, subject, 'not-stated');
}

/** The hits in rank order, each article's best passage only: related reading lists articles, not the same one twice. */
function bestPassagePerArticle(hits: readonly SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => !seen.has(hit.article.id) && seen.add(hit.article.id));
}

/** The decline, in the question's language: what was not found and, when no article names it, the name. */
function declineText(analysis: QuestionAnalysis, context: AnswerContext, miss: Miss): string {
  const { reading } = context;
  const messages = MESSAGES[context.replyLanguage];
  const focus = reading.names.filter((n) => !n.place).map((n) => n.text);
  const structured = analysis.kind === 'date' || analysis.kind === 'partnership' || (analysis.kind === 'fact' && analysis.target === 'code-name');
  const subject = analysis.subjects.find((s) => s.kind === 'product')?.canonical ?? analysis.subjects[0]?.canonical ?? focus[0] ?? null;
  const base = !analysis.asks
    ? messages.notSaid(focus.length > 0 ? focus.join(' ') : null)
    : structured
    ? structuredDecline(analysis, context, subject)
    : messages.notStated(analysis.searchQuery, reading.expected, focus.length > 0 ? focus.join(' ') : null);
  if (miss.reason !== 'focus-absent' || !miss.name) return base;
  const known = context.facts.knows(miss.name) || closestArticlesShareAWordOf(miss.name, context);
  return known ? base : `${base} ${messages.notMentioned([miss.name])}`;
}

/**
 * True when an article of the closest passages writes one of the name's words ("Eiffel" of "Eiffel Tower" in « la
 * Tour Eiffel »): then the articles may well mention it in other words, and saying they don't would be false.
 */
function closestArticlesShareAWordOf(name: string, context: AnswerContext): boolean {
  const focus = context.reading.names.find((n) => n.text === name);
  const words = focus?.words ?? [];
  if (words.length === 0) return false;
  const articles = context.hits.map((hit) => foldedArticle(hit.article));
  return words.some((word) => articles.some((text) => namesWord(text, word)));
}

async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function rewriteWithChat(chat: ChatAnswerer, analysis: QuestionAnalysis, draft: Draft, logger?: AnswerDeps['logger']): Promise<Draft> {
  const request = {
    question: analysis.question,
    language: analysis.language,
    draft: draft.text,
    snippets: draft.citations.map((c) => ({ n: c.n, title: c.title, published: c.published, text: c.snippet })),
  };
  try {
    const written = await withTimeout((signal) => chat.write(request, signal), chat.timeoutMs);
    const check = checkChatAnswer(written, draft.citations, { draft: draft.text, question: analysis.question });
    if (check.ok) return { text: check.answer, abstained: false, citations: check.citations };
    logger?.warn({ answerer: chat.name, reason: check.reason }, 'chat answer rejected; using the extractive answer');
  } catch (error) {
    logger?.warn({ answerer: chat.name, reason: (error as Error).message }, 'chat answerer failed; using the extractive answer');
  }
  return draft;
}

/**
 * Answers a question about the indexed articles, in its language, short
 * answer first, with `[n]` citations that are verbatim slices of the
 * articles. Dates and partnerships come from the extracted facts (so `/ask`
 * agrees with `/timeline` and `/partners`); other facts are pulled from the
 * best supporting sentences of the retrieved passages. When the articles do
 * not answer, it says so (`abstained`), cites nothing and lists the closest
 * passages. With a chat answerer, the model may rewrite the answer from the
 * same snippets; anything it writes that fails the citation check, an error
 * or a timeout falls back to the extractive answer.
 */
export async function answerQuestion(question: string, deps: AnswerDeps, options: AnswerOptions = {}): Promise<Answer> {
  const asked = question.trim();
  if (!hasVisibleText(asked)) throw new UserFacingError('Ask a question, for example: "When is GPT-5 expected?"', 'empty_question');
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - mark) * 100) / 100;
    mark = now;
  };

  const { analysis, replyLanguage, hits, finding, extracted } = await (deps.takeTurn ?? withoutTurns)(async () => {
    mark = performance.now();
    const aliases = foldedAliases(deps.facts);
    const analysis = analyzeQuestion(asked, options.previousQuestion, { aliases, findNames: (text) => deps.facts.findNames(text) });
    const replyLanguage = options.language ?? analysis.language;
    lap('analyze');
    const read = readQuestion(analysis.searchQuery, analysis.language, { termShare: deps.termShare });
    const reading = askedType(read, analysis);
    const passages = describedName(reading) ? DESCRIBED_PASSAGES_READ : PASSAGES_READ;
    const hits = await deps.search(analysis.searchQuery, passages, { excludePassageIds: options.excludePassageIds });
    lap('search');
    const context: AnswerContext = { analysis, reading, replyLanguage, hits, facts: deps.facts, aliases };
    const found = find(context);
    lap('compose');
    if ('reason' in found) return { analysis, replyLanguage, hits, finding: null, extracted: { text: declineText(analysis, context, found), abstained: true, citations: [] } satisfies Draft };
    return { analysis, replyLanguage, hits, finding: found, extracted: { text: found.text, abstained: false, citations: found.citations } satisfies Draft };
  });

  let draft: Draft = extracted;
  if (deps.chat && !draft.abstained) {
    draft = await rewriteWithChat(deps.chat, { ...analysis, language: replyLanguage }, draft, deps.logger);
    lap('chat');
  }
  timings.total = Object.values(timings).reduce((sum, ms) => sum + ms, 0);
  return {
    question: asked,
    standaloneQuestion: analysis.searchQuery,
    language: replyLanguage,
    kind: analysis.kind,
    answer: draft.text,
    abstained: draft.abstained,
    citations: draft.citations,
    related: draft.abstained ? bestPassagePerArticle(hits).slice(0, RELATED_SHOWN) : [],
    value: draft.abstained || !finding ? null : finding.value,
    confidence: draft.abstained || !finding ? 0 : finding.confidence,
    timings,
  };
}
