import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import * as z from 'zod';
import type { Article } from '../articles/article';
import type { Passage } from '../passages/passage';
import { summariseRetrieval, type RetrievalOutcome, type RetrievalSummary, type SearchFunction } from './evaluateRetrieval';
import { breakDown } from './groupBreakdown';
import { summariseLatency, type LatencySummary } from './latency';
import { LangChainPeer, PEER_DESCRIPTIONS, PEER_RETRIEVERS } from './langChainPeer';
import { buildSearchPeer, SEARCH_PEER_DESCRIPTIONS, SEARCH_PEERS } from './searchPeers';
import { formatNumber, formatShare, renderTable } from './textTable';

/**
 * Retrieval on questions people wrote: PIAF dev (French questions over French
 * Wikipedia paragraphs, each with the human answer) with OrangeSum news
 * articles mixed in as noise, as a deployed bot would see them. A search hit
 * is a returned snippet that contains the human answer once both are folded
 * (case, accents, apostrophes, spacing), the reading `../shared/tools/piaf-quick`
 * gives through the CLI. Questions are split by article: those of
 * even-numbered PIAF articles are for tuning, those of odd-numbered ones for
 * checking, and both halves are reported.
 */

const piafSchema = z.object({
  articles: z.array(z.object({ id: z.string(), title: z.string(), paragraphs: z.array(z.string()) })),
  questions: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string(), article: z.string() })),
});

/** The half of PIAF dev a question belongs to, by its article's number. */
export type PiafHalf = 'even' | 'odd';

/** One PIAF question with its human answer. */
export interface PiafQuestion {
  id: string;
  question: string;
  answer: string;
  /** PIAF article id (`piaf-017`). */
  article: string;
  half: PiafHalf;
}

/** `even` for the questions of even-numbered articles (tuning), `odd` otherwise (checking). */
export function piafHalf(articleId: string): PiafHalf {
  const number = Number(/(\d+)$/.exec(articleId)?.[1] ?? Number.NaN);
  return number % 2 === 0 ? 'even' : 'odd';
}

async function readPiaf(path: string): Promise<z.infer<typeof piafSchema>> {
  const bytes = await readFile(path);
  const text = path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return piafSchema.parse(JSON.parse(text));
}

/** The questions of a PIAF file (`piaf-dev.json.gz`), each with its half. */
export async function loadPiafQuestions(path: string): Promise<PiafQuestion[]> {
  const data = await readPiaf(path);
  return data.questions.map(({ id, question, answer, article }) => ({ id, question, answer, article, half: piafHalf(article) }));
}

/** Lower case, accents and other combining marks removed, curly apostrophes straightened, spacing collapsed (as piaf-quick folds). */
export function foldForAnswerMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/’/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Recall and MRR over all PIAF questions and each half. */
export interface PiafSummary {
  all: RetrievalSummary;
  even: RetrievalSummary;
  odd: RetrievalSummary;
}

/**
 * Runs every question through one search: the rank of the first snippet (top
 * `k`) holding the human answer. `durations`, when given, receives each
 * search's wall time in milliseconds (the search alone, not the scoring).
 */
export async function runPiafRetrieval(
  questions: readonly PiafQuestion[],
  search: SearchFunction,
  k = 10,
  durations?: number[],
  now: () => number = () => performance.now(),
): Promise<RetrievalOutcome[]> {
  const outcomes: RetrievalOutcome[] = [];
  for (const question of questions) {
    const answer = foldForAnswerMatch(question.answer);
    const began = now();
    const hits = await search(question.question, k);
    durations?.push(now() - began);
    const index = hits.slice(0, k).findIndex((hit) => foldForAnswerMatch(hit.passage.text).includes(answer));
    outcomes.push({ id: question.id, language: 'fr', type: 'piaf', split: question.half, rank: index < 0 ? null : index + 1 });
  }
  return outcomes;
}

/** Summaries of outcomes over all questions and per half. */
export function summarisePiaf(outcomes: readonly RetrievalOutcome[]): PiafSummary {
  const { all, bySplit } = breakDown(outcomes, summariseRetrieval);
  const empty = summariseRetrieval([]);
  return { all, even: bySplit.even ?? empty, odd: bySplit.odd ?? empty };
}

/** One system's PIAF figures, over every question or a sample. */
export interface PiafSystemResult {
  name: string;
  description: string;
  /** Questions asked: all of them, or every n-th (`sampled`). */
  questions: number;
  sampled?: string;
  summary: PiafSummary;
  /** Wall time of each search, in-process, one question at a time (after the warm-up questions). */
  search: LatencySummary;
}

/** What the PIAF section of `npm run eval` reports. */
export interface PiafReport {
  corpus: { path: string; articles: number; passages: number; piafArticles: number; newsArticles: number };
  questions: number;
  systems: PiafSystemResult[];
  notes: string[];
}

function cell(summary: RetrievalSummary): string {
  if (summary.questions === 0) return 'n/a';
  return `${formatShare(summary.recallAt1)} / ${formatShare(summary.recallAt5)} / ${formatShare(summary.recallAt10)} / ${formatNumber(summary.mrr, 3)}`;
}

/** The PIAF section as text: one row per system, cells recall@1 / @5 / @10 / MRR@10 for all, even (tuning) and odd (checking) halves. */
export function formatPiafReport(report: PiafReport): string {
  const { corpus } = report;
  const lines = [
    `PIAF retrieval: ${report.questions} questions over ${corpus.piafArticles} PIAF articles amid ${corpus.newsArticles} OrangeSum articles (${corpus.articles} articles, ${corpus.passages} passages)`,
    '',
    renderTable(
      ['system', 'questions', 'all', 'even half (tuning)', 'odd half (checking)', 'search p50 / p99 (ms)'],
      report.systems.map((system) => [
        system.name,
        system.sampled ? `${system.questions} (${system.sampled})` : String(system.questions),
        cell(system.summary.all),
        cell(system.summary.even),
        cell(system.summary.odd),
        `${formatNumber(system.search.p50, 2)} / ${formatNumber(system.search.p99, 2)}`,
      ]),
    ),
    'Cells: recall@1 / recall@5 / recall@10 / MRR@10. Search times are in-process wall times of each query, one at a time, after warming up on the first questions.',
    '',
    ...report.systems.map((system) => `  ${system.name}: ${system.description}`),
    '',
    ...report.notes.map((note) => `- ${note}`),
  ];
  return lines.join('\n');
}

/** Questions each system is asked once, untimed, before its timed run (so its code and caches are warm, as in a running bot). */
const WARM_UP_QUESTIONS = 10;

/** What {@link evaluatePiaf} runs over: the PIAF corpus as Scoop indexed it, and Scoop's search. */
export interface PiafEvaluationInputs {
  corpusPath: string;
  articles: readonly Article[];
  passages: readonly Passage[];
  questions: readonly PiafQuestion[];
  search: SearchFunction;
  /** Scoop's embedder, for the LangChain peer's vector store. */
  embeddings: EmbeddingsInterface;
  /** The LangChain peer scores every passage per query: it is asked every n-th question only. Default 20; 0 leaves it out. */
  langChainEvery?: number;
  /** Ask every n-th question only (every system the same ones), for a quicker reading. Default 1: all of them. */
  every?: number;
  /** False measures Scoop alone (the peers do not depend on Scoop's ranking; they take long). Default true. */
  withPeers?: boolean;
  onProgress?: (message: string) => void;
}

/**
 * Scoop and its peers on PIAF: MiniSearch and Orama over the same passages,
 * MiniSearch over whole articles, and the LangChain pipeline (on every n-th
 * question, beside Scoop on the same sample), all built and asked in this run.
 */
export async function evaluatePiaf(inputs: PiafEvaluationInputs): Promise<PiafReport> {
  const { articles, passages } = inputs;
  const questions = inputs.questions.filter((_, i) => i % Math.max(1, inputs.every ?? 1) === 0);
  const progress = inputs.onProgress ?? (() => undefined);
  const systems: PiafSystemResult[] = [];
  const measure = async (name: string, description: string, search: SearchFunction, asked = questions, sampled?: string) => {
    progress(`piaf: ${name} (${asked.length} questions)`);
    for (const question of asked.slice(0, WARM_UP_QUESTIONS)) await search(question.question, 10);
    const durations: number[] = [];
    const summary = summarisePiaf(await runPiafRetrieval(asked, search, 10, durations));
    const latency = summariseLatency(durations);
    systems.push({ name, description, questions: asked.length, sampled, summary, search: latency });
    progress(`piaf: ${name}: ${cell(summary.all)} (even ${cell(summary.even)}, odd ${cell(summary.odd)}; search p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms)`);
  };
  await measure('Scoop', 'Scoop\'s search as the CLI and the bot run it (the options that ship)', inputs.search);
  const withPeers = inputs.withPeers ?? true;
  for (const name of withPeers ? SEARCH_PEERS : []) {
    progress(`piaf: building ${name}`);
    const peer = await buildSearchPeer(name, { articles, passages });
    await measure(name, SEARCH_PEER_DESCRIPTIONS[name], (query, k) => peer.search(query, k));
  }
  const every = inputs.langChainEvery ?? 20;
  if (withPeers && every > 0) {
    const sample = questions.filter((_, i) => i % every === 0);
    const sampled = `every ${every}th`;
    progress(`piaf: building the LangChain peer over ${passages.length} passages`);
    const peer = await LangChainPeer.build({ articles, passages, embeddings: inputs.embeddings });
    await measure('Scoop (same sample)', 'Scoop on the questions the LangChain peer is asked', inputs.search, sample, sampled);
    for (const retriever of PEER_RETRIEVERS) {
      await measure(`langchain ${retriever}`, PEER_DESCRIPTIONS[retriever], (query, k) => peer.search(retriever, query, k), sample, sampled);
    }
  }
  const piafArticles = new Set(questions.map((question) => question.article)).size;
  return {
    corpus: { path: inputs.corpusPath, articles: articles.length, passages: passages.length, piafArticles, newsArticles: articles.length - piafArticles },
    questions: questions.length,
    systems,
    notes: [
      'A hit is a returned snippet (top 10) that contains the human answer, both folded (case, accents, apostrophes, spacing), as ../shared/tools/piaf-quick counts it.',
      'Halves: questions of even-numbered PIAF articles are the tuning half, those of odd-numbered ones the checking half; a set held apart by the CEO checks the figures.',
      'minisearch-articles returns whole articles, so an answer anywhere in the article counts: an easier task than finding the passage.',
    ],
  };
}
