/**
 * `npm run eval`: Scoop's answer quality on real data, with a plain LangChain
 * pipeline (the peer) measured in the same run over the same passages.
 *
 *   npm run eval -- [--json] [--sections piafRetrieval,piaf,orangesum,headlines,regression] [--piaf-langchain-every N] [--piaf-every N] [--piaf-no-peers] [--piaf-sample N|all]
 *                   [--headline-sample N]
 *                   [--peer-sample N] [--peer vector|hybrid|bm25] [--no-peer]
 *                   [--piaf FILE] [--orangesum FILE] [--questions DIR] [--cache DIR | --no-cache] [--seed N]
 *                   [--corpus DIR] [--answers FILE] [--retrieval FILE] [--seeds DIR] [--noise N]
 *
 * Sections (bench/evalSections.ts), in order:
 * - piafRetrieval: PIAF dev questions searched amid the same corpus by Scoop, MiniSearch, Orama and LangChain (recall, MRR);
 * - piaf: PIAF dev questions amid the 10,000 OrangeSum articles (short-answer F1, exact match, declined);
 * - orangesum: the OrangeSum question set (test/fixtures/orangesum-questions), dev and held-out apart;
 * - headlines: a fixed sample of OrangeSum titles asked as they are (typed values given to statements, declines, own article cited);
 * - regression: the fixture sets of test/fixtures (answers over --corpus, retrieval over the seeds plus the
 *   first --noise OrangeSum articles), regression guards rather than claims.
 * The first two share one corpus (OrangeSum + PIAF's articles), indexed through the composition root the CLI
 * uses and cached under --cache (default: the system temp folder) keyed by the code's revision, so a rerun on
 * the same code only reopens it. Progress goes to stderr; the tables (or, with --json, one JSON object) to stdout.
 *
 * Runtime, measured at 2c78bcc on the shared 2-core machine with a load average of about 20 (other sessions
 * running; an idle machine is several times faster, the process used 3.6 min of CPU): `--sections
 * piaf,orangesum,regression` took 12.4 min, of which building the shared index 2.5 min (a cached rerun reopens it
 * in about 13 s), the peer's vector store 1.1 min, PIAF 5.8 min (Scoop's 3,429 questions at 41 ms each, the peer's
 * 300 at 480 ms), the OrangeSum set 1.2 min, the regression guards 2.9 min. The piafRetrieval section with
 * `--piaf-every 10` (343 questions for Scoop, MiniSearch, Orama and MiniSearch over articles, 18 for LangChain) took
 * 5.3 min at 783e14f with a load average of about 4 (each system's search times per query are in the section's
 * table, docs/benchmarks.md); without --piaf-every, every system is asked ten times as many questions. The whole
 * `npm run eval -- --piaf-every 10` took about 9 min at f0858da (load average 3-4, shared index built in 23 s).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openScoop } from '../src/app';
import { parseConfig } from '../src/config';
import { UserFacingError } from '../src/errors';
import type { CorpusReport } from '../src/evaluation/evaluationReport';
import { LangChainPeer, PEER_RETRIEVERS, type PeerRetrieverName } from '../src/evaluation/langChainPeer';
import { loadAnswerQuestions, loadRetrievalQuestions } from '../src/evaluation/questionSets';
import { runEvaluation, type EvaluatedCorpus } from '../src/evaluation/runEvaluation';
import { createEmbeddings } from '../src/index/createEmbeddings';
import { createLogger } from '../src/logger';
import { describeMachine, type MachineInfo } from './benchReport';
import { currentRevision, openSharedCorpus, type SharedCorpus } from './evalCorpus';
import { DEFAULT_ANSWER_PEER, headlineSection, orangesumSection, piafRetrievalSection, piafSection, regressionSection, type EvalContext, type EvalSection } from './evalSections';

const DEFAULTS = {
  piaf: '../shared/corpora/piaf-dev.json.gz',
  orangesum: '../shared/corpora/orangesum-10k.jsonl.gz',
  questions: 'test/fixtures/orangesum-questions',
  peerSample: '300',
  piafLangChainEvery: '20',
  seed: '7',
  corpus: 'test/fixtures/news',
  seeds: 'seeds',
  noise: '2000',
  retrieval: 'test/fixtures/retrieval/questions.jsonl',
  answers: 'test/fixtures/questions/answers.jsonl',
};

class UsageError extends Error {}

/** Everything `npm run eval` measured, as `--json` prints it. */
export interface EvalRunReport {
  command: string;
  revision: string;
  machine: MachineInfo;
  /** The corpus the real-data sections share, and how it was opened. */
  sharedCorpus: (CorpusReport & { folder: string; reusedIndex: boolean; openMs: number }) | null;
  /** Each section's figures, by section id. */
  sections: Record<string, unknown>;
  notes: string[];
  /** Milliseconds per step: opening the corpus, building the peer, each section. */
  timings: Record<string, number>;
  ms: number;
}

function positiveInteger(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new UsageError(`--${option} takes a whole number (got "${value}")`);
  return parsed;
}

/**
 * The regression set's retrieval corpus, as its questions name their sources:
 * the seeds plus the first `noise` OrangeSum articles, written under the same
 * file name so that `NAME.jsonl.gz#LINE` sources match. Without OrangeSum, only the seeds.
 */
async function writeRetrievalCorpus(dir: string, seeds: string, orangesum: string, noise: number): Promise<string | null> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(seeds)) await copyFile(join(seeds, name), join(dir, name));
  if (!existsSync(orangesum)) return null;
  const lines = gunzipSync(await readFile(orangesum)).toString('utf8').split('\n').slice(0, noise);
  await writeFile(join(dir, basename(orangesum)), gzipSync(`${lines.join('\n')}\n`));
  return `${seeds} + the first ${noise} articles of ${orangesum}`;
}

async function openSmallCorpus(corpusDir: string, indexDir: string, label: string, progress: (message: string) => void): Promise<EvaluatedCorpus> {
  const config = parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: 'warn' });
  progress(`indexing ${label}`);
  const { scoop, index } = await openScoop(config, { logger: createLogger(config.LOG_LEVEL, 'plain') });
  const { embeddings } = await createEmbeddings(config);
  const articles = index.articles();
  return {
    path: label,
    articles,
    passages: articles.flatMap((article) => index.passagesOf(article.id)),
    search: (query, k) => scoop.search(query, k),
    ask: (question) => scoop.ask(question),
    embeddings,
  };
}

function formatHeader(report: EvalRunReport): string {
  const { machine } = report;
  const corpus = report.sharedCorpus;
  return [
    `Command: ${report.command}`,
    `Commit: ${report.revision}`,
    `Machine: ${machine.cpuModel}, ${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}); load average ${machine.loadAverage?.start.toFixed(1)} at start, ${machine.loadAverage?.end.toFixed(1)} at end`,
    ...(corpus
      ? [
          `Shared corpus: ${corpus.path} (${corpus.articles.toLocaleString('en-US')} articles, ${corpus.passages.toLocaleString('en-US')} passages) in ${corpus.folder}: ${corpus.reusedIndex ? 'cached index reopened' : 'index built'} in ${(corpus.openMs / 1000).toFixed(1)} s`,
        ]
      : []),
  ].join('\n');
}

/** The options every section builder reads: the command line, parsed, and what is on disk. */
interface EvalOptions {
  values: {
    piaf: string;
    orangesum: string;
    questions: string;
    'no-peer': boolean;
    'piaf-no-peers': boolean;
    corpus: string;
    seeds: string;
    retrieval: string;
    answers: string;
  };
  noise: number;
  seed: number;
  peerSample: number;
  peer: PeerRetrieverName;
  langChainEvery: number;
  piafEvery: number;
  /** OrangeSum titles the headline section asks. */
  headlineSample: number;
  scoopSample: number | null;
  haveNews: boolean;
  havePiaf: boolean;
  questionFiles: string[];
}

/** The fixture sets of test/fixtures over their own small corpora (built in a temporary folder). */
async function runRegressionGuards({ values, noise }: EvalOptions, progress: (message: string) => void) {
  const work = await mkdtemp(join(tmpdir(), 'scoop-eval-regression-'));
  try {
    const answerSet = await loadAnswerQuestions(values.answers);
    const retrievalSet = existsSync(values.retrieval) ? await loadRetrievalQuestions(values.retrieval) : null;
    const answerCorpus = await openSmallCorpus(values.corpus, join(work, 'answers-index'), values.corpus, progress);
    let retrievalCorpus = answerCorpus;
    const left: string[] = [];
    if (retrievalSet) {
      const dir = join(work, 'retrieval-corpus');
      const described = await writeRetrievalCorpus(dir, values.seeds, values.orangesum, noise);
      if (!described) left.push(`${values.orangesum} is absent: retrieval questions over OrangeSum are left out.`);
      retrievalCorpus = await openSmallCorpus(dir, join(work, 'retrieval-index'), described ?? values.seeds, progress);
    }
    const evaluation = await runEvaluation({
      retrievalCorpus,
      answerCorpus,
      retrievalSet,
      answerSet,
      onProgress: progress,
      onAnswerError: (question, error) => progress(`${question.id} failed: ${(error as Error).message}`),
    });
    evaluation.notes.push(...left);
    return evaluation;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The sections, in the order they run: each builds its section from the
 * options, or says why it is left out (the sentence goes to the report's notes).
 */
const SECTIONS: Record<string, (options: EvalOptions) => EvalSection | string> = {
  piafRetrieval: ({ values, haveNews, havePiaf, langChainEvery, piafEvery }) =>
    haveNews && havePiaf
      ? piafRetrievalSection({ piafFile: values.piaf, langChainEvery, every: piafEvery, withPeers: !values['piaf-no-peers'] })
      : `PIAF retrieval section left out: ${haveNews ? values.piaf : values.orangesum} is absent.`,
  piaf: ({ values, haveNews, havePiaf, scoopSample, peerSample, peer, seed }) =>
    haveNews && havePiaf
      ? piafSection({ piafFile: values.piaf, scoopSample, peerSample, peer, seed })
      : `PIAF section left out: ${haveNews ? values.piaf : values.orangesum} is absent.`,
  orangesum: ({ values, haveNews, questionFiles, peer }) =>
    haveNews && questionFiles.length > 0
      ? orangesumSection({ files: questionFiles, corpusFileName: basename(values.orangesum), peer: values['no-peer'] ? null : peer })
      : `OrangeSum set left out: ${haveNews ? `no question file in ${values.questions}` : `${values.orangesum} is absent`}.`,
  headlines: ({ values, haveNews, seed, headlineSample }) =>
    haveNews ? headlineSection({ sample: headlineSample, seed, corpusFileName: basename(values.orangesum) }) : `Headline section left out: ${values.orangesum} is absent.`,
  regression: (options) => regressionSection((progress) => runRegressionGuards(options, progress)),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sections: { type: 'string', default: Object.keys(SECTIONS).join(',') },
      piaf: { type: 'string', default: DEFAULTS.piaf },
      orangesum: { type: 'string', default: DEFAULTS.orangesum },
      questions: { type: 'string', default: DEFAULTS.questions },
      'piaf-sample': { type: 'string', default: 'all' },
      'peer-sample': { type: 'string', default: DEFAULTS.peerSample },
      'piaf-langchain-every': { type: 'string', default: DEFAULTS.piafLangChainEvery },
      'piaf-every': { type: 'string', default: '1' },
      'headline-sample': { type: 'string', default: '300' },
      'piaf-no-peers': { type: 'boolean', default: false },
      'no-peer': { type: 'boolean', default: false },
      peer: { type: 'string', default: DEFAULT_ANSWER_PEER },
      seed: { type: 'string', default: DEFAULTS.seed },
      cache: { type: 'string', default: join(tmpdir(), 'scoop-eval-cache') },
      'no-cache': { type: 'boolean', default: false },
      corpus: { type: 'string', default: DEFAULTS.corpus },
      seeds: { type: 'string', default: DEFAULTS.seeds },
      noise: { type: 'string', default: DEFAULTS.noise },
      retrieval: { type: 'string', default: DEFAULTS.retrieval },
      answers: { type: 'string', default: DEFAULTS.answers },
    },
  });
  const wanted = values.sections.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !Object.hasOwn(SECTIONS, id));
  if (unknown.length > 0) throw new UsageError(`--sections: unknown ${unknown.join(', ')} (known: ${Object.keys(SECTIONS).join(', ')})`);
  const noise = positiveInteger('noise', values.noise);
  const seed = positiveInteger('seed', values.seed);
  const peerSample = values['no-peer'] ? 0 : positiveInteger('peer-sample', values['peer-sample']);
  if (!(PEER_RETRIEVERS as readonly string[]).includes(values.peer)) throw new UsageError(`--peer takes one of ${PEER_RETRIEVERS.join(', ')} (got "${values.peer}")`);
  const peer = values.peer as PeerRetrieverName;
  const langChainEvery = values['no-peer'] ? 0 : positiveInteger('piaf-langchain-every', values['piaf-langchain-every']);
  const piafEvery = positiveInteger('piaf-every', values['piaf-every']) || 1;
  const headlineSample = positiveInteger('headline-sample', values['headline-sample']);
  const scoopSample = values['piaf-sample'] === 'all' ? null : positiveInteger('piaf-sample', values['piaf-sample']);
  if (wanted.includes('regression')) {
    if (!existsSync(values.corpus)) throw new UsageError(`--corpus ${values.corpus}: no such folder`);
    if (!existsSync(values.answers)) throw new UsageError(`--answers ${values.answers}: no such file`);
    if (!existsSync(values.seeds)) throw new UsageError(`--seeds ${values.seeds}: no such folder`);
  }

  const began = performance.now();
  const loadAtStart = loadavg()[0];
  const revision = currentRevision();
  const progress = (message: string) => process.stderr.write(`eval: ${message}\n`);
  const notes: string[] = [];
  const timings: Record<string, number> = {};
  const haveNews = existsSync(values.orangesum);
  const havePiaf = existsSync(values.piaf);
  const questionFiles = ['dev.jsonl', 'heldout.jsonl'].map((name) => join(values.questions, name)).filter((file) => existsSync(file));

  const options: EvalOptions = { values, noise, seed, peerSample, peer, langChainEvery, piafEvery, headlineSample, scoopSample, haveNews, havePiaf, questionFiles };
  const sections: EvalSection[] = [];
  for (const id of wanted) {
    const built = SECTIONS[id](options);
    if (typeof built === 'string') notes.push(built);
    else sections.push(built);
  }

  const opening: { shared?: Promise<SharedCorpus>; peer?: Promise<LangChainPeer> } = {};
  const context: EvalContext = {
    progress,
    sharedCorpus: async () => {
      opening.shared ??= openSharedCorpus({
        orangesumFile: values.orangesum,
        piafFile: havePiaf ? values.piaf : null,
        cacheRoot: values['no-cache'] ? null : values.cache,
        revision,
        onProgress: progress,
      });
      const opened = await opening.shared;
      timings.sharedCorpus = opened.openMs;
      return opened;
    },
    sharedPeer: async () => {
      if (!opening.peer) {
        const { corpus } = await context.sharedCorpus();
        progress(`building the peer over the ${corpus.passages.length} passages`);
        const start = performance.now();
        opening.peer = LangChainPeer.build({ articles: corpus.articles, passages: corpus.passages, embeddings: corpus.embeddings });
        await opening.peer;
        timings.peerBuild = performance.now() - start;
      }
      return opening.peer;
    },
  };

  const figures: Record<string, unknown> = {};
  const texts: string[] = [];
  try {
    if (sections.some((section) => section.usesSharedCorpus)) await context.sharedCorpus();
    for (const section of sections) {
      const start = performance.now();
      const result = await section.run(context);
      timings[section.id] = performance.now() - start;
      figures[section.id] = result.figures;
      texts.push(result.text);
    }
  } finally {
    if (opening.shared) await (await opening.shared).dispose();
  }

  const opened = opening.shared ? await opening.shared : null;
  const report: EvalRunReport = {
    command: `npm run eval --${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    revision: revision.label,
    machine: describeMachine(loadAtStart),
    sharedCorpus: opened ? { ...opened.report, folder: opened.folder, reusedIndex: opened.reusedIndex, openMs: opened.openMs } : null,
    sections: figures,
    notes,
    timings,
    ms: performance.now() - began,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
  process.stdout.write(
    [
      formatHeader(report),
      '',
      ...texts.flatMap((text) => [text, '']),
      ...(notes.length > 0 ? ['Notes:', ...notes.map((note) => `  - ${note}`), ''] : []),
      `Done in ${seconds(report.ms)} (${Object.entries(timings).map(([step, ms]) => `${step} ${seconds(ms)}`).join(', ')}).`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof UserFacingError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`eval: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
});
