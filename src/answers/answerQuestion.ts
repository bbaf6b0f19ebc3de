import type { FactBook } from '../facts/factBook';
import { foldForMatching } from '../text/foldForMatching';
import { UserFacingError } from '../errors';
import type { Logger } from '../logger';
import type { SearchHit } from '../retrieval/searchHit';
import { abstentionText } from './abstentionText';
import type { Answer, NumberedCitation } from './answer';
import { pickDateClaims, renderDateClaims } from './answerDate';
import { answerDateFromSentences } from './answerDateFromSentences';
import { answerCodeNameFromClaims, answerFactFromSentences } from './answerFact';
import { answerPartnershipFromClaims } from './answerPartnership';
import { analyzeQuestion, type QuestionAnalysis, type SubjectMention } from './analyzeQuestion';
import type { ChatAnswerer } from './chatAnswerer';
import { checkChatAnswer } from './checkChatAnswer';
import { CitationList } from './citationList';
import { meaningfulTerms } from './questionTerms';
import { supportingSentences, type CandidateSentence } from './supportingSentences';

/** The facts the answerer reads: what `/timeline` and `/partners` show, and the code names. */
export type AnswerFacts = Pick<FactBook, 'timeline' | 'partners' | 'knows' | 'aliases' | 'aliasesOf'>;

/** What `answerQuestion` needs: retrieval, the extracted facts and, optionally, a chat model. */
export interface AnswerDeps {
  search: (query: string, k: number, options?: { excludePassageIds?: string[] }) => Promise<SearchHit[]>;
  facts: AnswerFacts;
  chat?: ChatAnswerer;
  logger?: Pick<Logger, 'warn' | 'debug'>;
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
const RELATED_SHOWN = 3;

const CUE_WORDS =
  'code name names codename nom noms interne internal much many combien nombre number amount montant who qui where ou ceo chief executive pdg directeur which quel quelle model modele when quand date expected prevu attendu';

interface Draft {
  text: string;
  abstained: boolean;
  citations: NumberedCitation[];
}

function mainSubject(analysis: QuestionAnalysis): SubjectMention | null {
  return analysis.subjects.find((s) => s.kind === 'product') ?? analysis.subjects[0] ?? null;
}

function questionTerms(analysis: QuestionAnalysis): Set<string> {
  const terms = meaningfulTerms(analysis.searchQuery, analysis.language);
  const drop = meaningfulTerms(`${analysis.subjects.map((s) => `${s.text} ${s.canonical}`).join(' ')} ${CUE_WORDS}`, analysis.language);
  for (const term of drop) terms.delete(term);
  for (const term of [...terms]) if (/^\d+$/.test(term)) terms.delete(term);
  return terms;
}

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

/** True when the subject appears in the fact book or in a retrieved sentence. */
function isKnown(subject: SubjectMention, facts: AnswerFacts, candidates: CandidateSentence[]): boolean {
  if (facts.knows(subject.canonical)) return true;
  return candidates.some((c) => c.subjects.has(subject.canonical));
}

/** Why composing gave no answer: a subject the articles never name, or nothing that states the answer. */
type NoAnswer = { absent: string } | 'not-stated';

function compose(analysis: QuestionAnalysis, facts: AnswerFacts, candidates: CandidateSentence[], terms: Set<string>): Draft | NoAnswer {
  const citations = new CitationList();
  const subject = mainSubject(analysis);
  const unknownProduct = analysis.subjects.find((s) => s.kind === 'product' && !isKnown(s, facts, candidates));
  if (unknownProduct) return { absent: unknownProduct.canonical };
  if (subject && !analysis.subjects.some((s) => isKnown(s, facts, candidates))) return { absent: subject.canonical };
  let text: string | null = null;
  if (analysis.kind === 'date') {
    const picked = subject ? pickDateClaims(analysis, facts.timeline(subject.canonical).events) : null;
    if (!picked || picked.weak) text = answerDateFromSentences(analysis, candidates, terms, citations);
    if (!text && picked) text = renderDateClaims(analysis, subject!.canonical, picked, citations);
  } else if (analysis.kind === 'fact' && analysis.target === 'code-name' && subject) {
    text = answerCodeNameFromClaims(analysis, subject.canonical, facts.aliasesOf(subject.canonical), citations);
  } else if (analysis.kind === 'partnership') {
    const companies = [
      ...analysis.subjects.filter((s) => s.kind === 'company').map((s) => s.canonical),
      ...analysis.subjects.filter((s) => s.kind === 'product').flatMap((s) => [s.canonical, ...(s.company ? [s.company] : [])]),
    ];
    for (const company of new Set(companies)) {
      text = answerPartnershipFromClaims(analysis, company, facts.partners(company).partners, citations);
      if (text) break;
    }
  }
  if (!text && analysis.kind !== 'date') {
    text = answerFactFromSentences({ ...analysis, target: analysis.kind === 'fact' ? analysis.target : 'other' }, candidates, terms, citations);
  }
  if (!text) return 'not-stated';
  return { text, abstained: false, citations: citations.list() };
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
    const check = checkChatAnswer(written, draft.citations);
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
  if (asked === '') throw new UserFacingError('Ask a question, for example: "When is GPT-5 expected?"', 'empty_question');
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - mark) * 100) / 100;
    mark = now;
  };

  const aliases = foldedAliases(deps.facts);
  const analyzed = analyzeQuestion(asked, options.previousQuestion, { aliases });
  const analysis = options.language ? { ...analyzed, language: options.language } : analyzed;
  lap('analyze');
  const hits = await deps.search(analysis.searchQuery, PASSAGES_READ, { excludePassageIds: options.excludePassageIds });
  lap('search');
  const terms = questionTerms(analyzed);
  const candidates = supportingSentences(hits, analysis.subjects, terms, aliases);
  const composed = compose(analysis, deps.facts, candidates, terms);
  lap('compose');

  let draft: Draft;
  if (composed === 'not-stated') {
    draft = { text: abstentionText(analysis, mainSubject(analysis)?.canonical ?? null, 'not-stated'), abstained: true, citations: [] };
  } else if ('absent' in composed) {
    draft = { text: abstentionText(analysis, composed.absent, 'subject-absent'), abstained: true, citations: [] };
  } else {
    draft = composed;
  }
  if (deps.chat && !draft.abstained) {
    draft = await rewriteWithChat(deps.chat, analysis, draft, deps.logger);
    lap('chat');
  }
  timings.total = Object.values(timings).reduce((sum, ms) => sum + ms, 0);
  return {
    question: asked,
    standaloneQuestion: analysis.searchQuery,
    language: analysis.language,
    kind: analysis.kind,
    answer: draft.text,
    abstained: draft.abstained,
    citations: draft.citations,
    related: draft.abstained ? hits.slice(0, RELATED_SHOWN) : [],
    timings,
  };
}
