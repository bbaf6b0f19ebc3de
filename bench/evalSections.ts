/**
 * The sections of `npm run eval`. Each one measures one thing, with Scoop and
 * its peer side by side, and returns its figures (for `--json`) and its tables
 * (for docs/benchmarks.md). A new section is a function returning an
 * `EvalSection`, added to the list in bench/eval.ts.
 */
import type { Answer } from '../src/answers/answer';
import type { CorpusReport } from '../src/evaluation/evaluationReport';
import { formatEvaluationReport } from '../src/evaluation/evaluationReport';
import {
  formatOrangesumReport,
  formatPiafReport,
  type DevAnswer,
  type OrangesumSetReport,
  type OrangesumSystemFigures,
  type PiafReport,
  type PiafSystemFigures,
} from '../src/evaluation/answerReports';
import { PEER_DESCRIPTIONS, type LangChainPeer, type PeerAnswer, type PeerRetrieverName } from '../src/evaluation/langChainPeer';
import { runOrangesumSet, summariseBySplit, type CitedShortAnswer } from '../src/evaluation/orangesumAnswers';
import { checkArticleReferences, loadOrangesumQuestions, type OrangesumQuestion } from '../src/evaluation/orangesumQuestions';
import { loadPiaf, runPiafAnswers, summarisePiaf, type PiafOutcome } from '../src/evaluation/piafAnswers';
import { evaluatePiaf, formatPiafReport as formatPiafRetrievalReport, loadPiafQuestions } from '../src/evaluation/piafRetrieval';
import type { EvaluatedCorpus } from '../src/evaluation/runEvaluation';
import { seededSample } from '../src/evaluation/seededSample';
import { splitSentences } from '../src/passages/splitSentences';
import { formatHeadlineReport, headlineOutcome, summariseHeadlines } from '../src/evaluation/headlineAnswers';

/** What every section can use: the shared corpus and its peer, both opened on first use and shared by the sections. */
export interface EvalContext {
  /** Scoop over the 10,000 OrangeSum articles (and PIAF's articles), through the composition root the CLI uses. */
  sharedCorpus: () => Promise<{ corpus: EvaluatedCorpus; report: CorpusReport }>;
  /** The LangChain peer built over the shared corpus's passages with the same embedder. */
  sharedPeer: () => Promise<LangChainPeer>;
  progress: (message: string) => void;
}

/** One section's result. */
export interface SectionResult {
  figures: unknown;
  text: string;
}

/** One measured part of `npm run eval`. */
export interface EvalSection {
  /** Key of the section's figures in the JSON report. */
  id: string;
  /** True when the section asks over the shared corpus (it is then opened before the first section runs, and timed apart). */
  usesSharedCorpus: boolean;
  run: (context: EvalContext) => Promise<SectionResult>;
}

/** The peer retriever whose top passage stands for the peer's answer, unless `--peer` picks another. */
export const DEFAULT_ANSWER_PEER: PeerRetrieverName = 'vector';

const SCOOP_DESCRIPTION = "Scoop's `ask` (PassageIndex hybrid search and the extractive answerer), in-process through openScoop";
function describePeer(retriever: PeerRetrieverName): string {
  return `plain LangChain pipeline: ${PEER_DESCRIPTIONS[retriever]}; its answer is its top passage, quoted whole, its short answer that passage's first sentence; it never declines`;
}

/** Scoop's answer as the scorers read it; `value` is used once the Answer contract has it. */
export function fromScoopAnswer(answer: Answer): CitedShortAnswer {
  const { value } = answer as Answer & { value?: string | null };
  return {
    answer: answer.answer,
    value: typeof value === 'string' ? value : null,
    abstained: answer.abstained,
    citedArticleIds: answer.citations.map((citation) => citation.articleId),
  };
}

/** The peer's answer as the scorers read it: its top passage, whose first sentence is the short answer. */
export function fromPeerAnswer(answer: PeerAnswer): CitedShortAnswer {
  const [first] = splitSentences(answer.text, 'fr');
  return {
    answer: answer.text,
    value: first ? answer.text.slice(first.start, first.end) : '',
    abstained: false,
    citedArticleIds: answer.citations.map((citation) => citation.articleId),
  };
}

/** Wraps an answer function to report every `every` questions answered, so a long run shows it is moving. */
function counted<Q, A>(label: string, total: number, progress: (message: string) => void, answer: (question: Q) => Promise<A>, every = 100) {
  let done = 0;
  return async (question: Q): Promise<A> => {
    try {
      return await answer(question);
    } finally {
      done += 1;
      if (done % every === 0 && done < total) progress(`${label}: ${done} of ${total}`);
    }
  };
}

function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const began = performance.now();
  return run().then((value) => [value, performance.now() - began]);
}

/** What the PIAF section asks. */
export interface PiafSectionOptions {
  piafFile: string;
  /** Questions Scoop is asked (a fixed sample); null for all of them. */
  scoopSample: number | null;
  /** Questions the peer is asked (a fixed sample: it is slower); 0 to skip the peer. */
  peerSample: number;
  /** The peer retriever whose top passage is the peer's answer. */
  peer: PeerRetrieverName;
  seed: number;
}

/**
 * PIAF dev amid the OrangeSum articles: SQuAD-style short-answer F1 and exact
 * match, the human answer in the first line, and the share declined, for
 * Scoop over all (or a fixed sample of) the questions and, on a smaller fixed
 * sample, Scoop and the peer side by side.
 */
export function piafSection(options: PiafSectionOptions): EvalSection {
  return {
    id: 'piaf',
    usesSharedCorpus: true,
    run: async (context) => {
      const began = performance.now();
      const piaf = await loadPiaf(options.piafFile);
      const { corpus, report: corpusReport } = await context.sharedCorpus();
      const asked = options.scoopSample === null ? piaf.questions : seededSample(piaf.questions, options.scoopSample, options.seed);
      const peerQuestions = seededSample(piaf.questions, options.peerSample, options.seed);
      const onError = (question: { id: string }, error: unknown) => context.progress(`${question.id} failed: ${(error as Error).message}`);

      context.progress(`PIAF: Scoop answers ${asked.length} questions`);
      const askScoop = counted('PIAF, Scoop', asked.length, context.progress, async (q: string) => fromScoopAnswer(await corpus.ask(q)), 500);
      const [scoopOutcomes, scoopMs] = await timed(() => runPiafAnswers(asked, askScoop, onError));
      const systems: PiafSystemFigures[] = [
        { name: 'Scoop', description: `${SCOOP_DESCRIPTION}; ${(scoopMs / asked.length).toFixed(1)} ms a question`, summary: summarisePiaf(scoopOutcomes) },
      ];
      if (peerQuestions.length > 0) {
        const sampled = new Set(peerQuestions.map((question) => question.id));
        const scoopOnSample: PiafOutcome[] = scoopOutcomes.filter((outcome) => sampled.has(outcome.id));
        const scoopSampleOutcomes = scoopOnSample.length === peerQuestions.length
          ? scoopOnSample
          : await runPiafAnswers(peerQuestions, async (q) => fromScoopAnswer(await corpus.ask(q)), onError);
        const peer = await context.sharedPeer();
        context.progress(`PIAF: the peer answers ${peerQuestions.length} questions`);
        const [peerOutcomes, peerMs] = await timed(() =>
          runPiafAnswers(peerQuestions, counted('PIAF, peer', peerQuestions.length, context.progress, async (q: string) => fromPeerAnswer(await peer.answer(options.peer, q)), 25), onError),
        );
        systems.push(
          { name: 'Scoop, peer sample', description: 'the same answers, on the questions the peer is asked', summary: summarisePiaf(scoopSampleOutcomes) },
          { name: `peer ${options.peer}, peer sample`, description: `${describePeer(options.peer)}; ${(peerMs / peerQuestions.length).toFixed(0)} ms a question`, summary: summarisePiaf(peerOutcomes) },
        );
      }
      const report: PiafReport = {
        dataset: options.piafFile,
        corpus: corpusReport,
        questions: piaf.questions.length,
        sampleSeed: options.seed,
        systems,
        notes: [
          `Scoop is asked ${asked.length === piaf.questions.length ? 'every question' : `a fixed sample of ${asked.length} (seed ${options.seed})`}; the peer ${peerQuestions.length === piaf.questions.length ? 'every question' : `a fixed sample of ${peerQuestions.length} (seed ${options.seed}), and Scoop's figures on that sample are shown beside it`}.`,
          "The short answer is the answer's `value` when it has one, else its first line (as ../shared/tools/piaf-quick scores it); case, accents, punctuation and articles are folded; a declined question scores 0.",
          "Target (issue 10): F1 >= 0.35.",
        ],
        ms: performance.now() - began,
      };
      return { figures: report, text: formatPiafReport(report) };
    },
  };
}

/** What the OrangeSum set section asks. */
export interface OrangesumSectionOptions {
  /** The question files (dev.jsonl, heldout.jsonl). */
  files: string[];
  /** The name of the OrangeSum file in the corpus, which question lines refer to. */
  corpusFileName: string;
  /** The peer retriever whose top passage is the peer's answer; null to leave the peer out. */
  peer: PeerRetrieverName | null;
}

/**
 * The OrangeSum question set amid the 10,000 articles, dev and held-out apart:
 * share right, share of declines justified, answers citing an article that
 * does not name the focus; by type and by language; Scoop and the peer.
 */
export function orangesumSection(options: OrangesumSectionOptions): EvalSection {
  return {
    id: 'orangesum',
    usesSharedCorpus: true,
    run: async (context) => {
      const began = performance.now();
      const loaded = await Promise.all(options.files.map((file) => loadOrangesumQuestions(file)));
      const { corpus, report: corpusReport } = await context.sharedCorpus();
      const bySource = new Map(corpus.articles.map((article) => [article.source, article]));
      const problems = loaded.flatMap((set) => set.problems);
      const questions: OrangesumQuestion[] = [];
      for (const question of loaded.flatMap((set) => set.questions)) {
        const misplaced = checkArticleReferences([question], bySource, options.corpusFileName);
        if (misplaced.length > 0) problems.push(...misplaced);
        else questions.push(question);
      }
      const onError = (question: OrangesumQuestion, error: unknown) => context.progress(`${question.id} failed: ${(error as Error).message}`);

      context.progress(`OrangeSum set: Scoop answers ${questions.length} questions`);
      const scoopOutcomes = await runOrangesumSet(questions, async (q) => fromScoopAnswer(await corpus.ask(q)), corpus.articles, onError);
      const systems: OrangesumSystemFigures[] = [{ name: 'Scoop', description: SCOOP_DESCRIPTION, bySplit: summariseBySplit(scoopOutcomes) }];
      if (options.peer) {
        const retriever = options.peer;
        const peer = await context.sharedPeer();
        context.progress(`OrangeSum set: the peer answers ${questions.length} questions`);
        const askPeer = counted('OrangeSum set, peer', questions.length, context.progress, async (q: string) => fromPeerAnswer(await peer.answer(retriever, q)), 25);
        const peerOutcomes = await runOrangesumSet(questions, askPeer, corpus.articles, onError);
        systems.push({ name: `peer ${retriever}`, description: describePeer(retriever), bySplit: summariseBySplit(peerOutcomes) });
      }
      const devAnswers: DevAnswer[] = scoopOutcomes
        .filter((outcome) => outcome.split === 'dev')
        .map(({ id, right, declined, value, citesUnfocusedArticle }) => ({ id, right, declined, value, citesUnfocusedArticle }));
      const report: OrangesumSetReport = {
        files: options.files,
        corpus: corpusReport,
        questions: questions.length,
        problems,
        systems,
        devAnswers,
        notes: [
          "Right: an answerable question answered (not declined) with a short answer (`value`, else the first line) containing one of the expected forms as whole words (case, accents, punctuation, thousands separators and currency words folded; dates must carry the year); an unanswerable one declined.",
          'Declines justified: declined questions that are unanswerable, over all declines. An answer citing an article that does not name every focus name of the question is counted apart (the target is 0).',
          'Targets (issue 10), on the held-out half: >= 85% right, >= 95% of declines justified, no answer citing an article without the focus.',
          "Every English question is about a French article (cross-language). Scoop's per-question answers are in the JSON for the dev half only.",
        ],
        ms: performance.now() - began,
      };
      return { figures: report, text: formatOrangesumReport(report) };
    },
  };
}

/** The regression guards: the fixture sets the answerer and the search were developed against. */
export function regressionSection(run: (progress: (message: string) => void) => Promise<Parameters<typeof formatEvaluationReport>[0]>): EvalSection {
  return {
    id: 'regression',
    usesSharedCorpus: false,
    run: async (context) => {
      const report = await run(context.progress);
      return {
        figures: report,
        text: [
          'Regression guards (the fixture sets in test/fixtures, over the articles the answerer and the search were developed on: not claims)',
          '',
          formatEvaluationReport(report),
        ].join('\n'),
      };
    },
  };
}

/** Options of the PIAF retrieval section. */
export interface PiafRetrievalSectionOptions {
  piafFile: string;
  /** The LangChain peer scores every passage per query: it is asked every n-th question only; 0 leaves it out. */
  langChainEvery: number;
  /** Ask every n-th question only (every system the same ones). */
  every: number;
  /** False measures Scoop alone. */
  withPeers: boolean;
}

/**
 * PIAF dev questions searched amid the shared corpus by Scoop and the search
 * peers (MiniSearch, Orama, LangChain) over the same passages: recall@1/5/10
 * and MRR, on both halves of PIAF's articles (see src/evaluation/piafRetrieval.ts).
 */
export function piafRetrievalSection(options: PiafRetrievalSectionOptions): EvalSection {
  return {
    id: 'piafRetrieval',
    usesSharedCorpus: true,
    run: async (context) => {
      const { corpus, report: corpusReport } = await context.sharedCorpus();
      const report = await evaluatePiaf({
        corpusPath: corpusReport.path,
        articles: corpus.articles,
        passages: corpus.passages,
        questions: await loadPiafQuestions(options.piafFile),
        search: corpus.search,
        embeddings: corpus.embeddings,
        langChainEvery: options.langChainEvery,
        every: options.every,
        withPeers: options.withPeers,
        onProgress: context.progress,
      });
      return { figures: report, text: formatPiafRetrievalReport(report) };
    },
  };
}

/** What the headline section asks. */
export interface HeadlineSectionOptions {
  /** Titles asked (a fixed sample of the OrangeSum articles). */
  sample: number;
  seed: number;
  /** The name of the OrangeSum file in the corpus: only its articles' titles are asked. */
  corpusFileName: string;
}

/**
 * OrangeSum titles asked as they are, as users paste a headline: how many get
 * a typed short answer (wrong for a statement, which asks nothing), are
 * declined, or cite their own article.
 */
export function headlineSection(options: HeadlineSectionOptions): EvalSection {
  return {
    id: 'headlines',
    usesSharedCorpus: true,
    run: async (context) => {
      const { corpus, report: corpusReport } = await context.sharedCorpus();
      const titled = corpus.articles.filter((article) => article.source.startsWith(`${options.corpusFileName}#`) && article.title.trim() !== '');
      const asked = seededSample(titled, options.sample, options.seed);
      context.progress(`headlines: Scoop reads ${asked.length} titles`);
      const outcomes = [];
      for (const article of asked) outcomes.push(headlineOutcome(article, await corpus.ask(article.title)));
      const report = summariseHeadlines(outcomes, options.seed);
      return { figures: report, text: formatHeadlineReport(report, `${corpusReport.path} (${corpusReport.articles.toLocaleString('en-US')} articles)`) };
    },
  };
}
