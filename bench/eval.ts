/**
 * `npm run eval`: Scoop's retrieval and answer quality on the project's
 * question sets, with the LangChain peer measured over the same passages in
 * the same run.
 *
 *   npm run eval -- [--json] [--corpus DIR] [--answers FILE] [--retrieval FILE] [--seeds DIR] [--orangesum FILE] [--noise N]
 *                   [--piaf FILE] [--piaf-noise N] [--piaf-index DIR] [--piaf-langchain-every N] [--piaf-every N] [--piaf-no-peers] [--no-piaf]
 *
 * The answer set is asked over --corpus (test/fixtures/news); the retrieval set
 * is searched in the seeds plus the first N OrangeSum articles as noise, the
 * corpus its questions were written against. PIAF dev questions are searched
 * amid the first --piaf-noise OrangeSum articles (see src/evaluation/piafRetrieval.ts),
 * by Scoop and by the search peers. Indexes are built in a temporary folder
 * (the PIAF one in --piaf-index when given, kept for the next run), so the run
 * never touches data/index.
 * Progress goes to stderr; the tables (or, with --json, one JSON object) to stdout.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { openScoop } from '../src/app';
import { parseConfig } from '../src/config';
import { UserFacingError } from '../src/errors';
import { formatEvaluationReport } from '../src/evaluation/evaluationReport';
import { evaluatePiaf, formatPiafReport, loadPiafQuestions, writePiafCorpus, type PiafReport } from '../src/evaluation/piafRetrieval';
import { loadAnswerQuestions, loadRetrievalQuestions } from '../src/evaluation/questionSets';
import { runEvaluation, type EvaluatedCorpus } from '../src/evaluation/runEvaluation';
import { createEmbeddings } from '../src/index/createEmbeddings';
import { createLogger } from '../src/logger';

const DEFAULTS = {
  corpus: 'test/fixtures/news',
  seeds: 'seeds',
  orangesum: '../shared/corpora/orangesum-10k.jsonl.gz',
  noise: '2000',
  retrieval: 'test/fixtures/retrieval/questions.jsonl',
  answers: 'test/fixtures/questions/answers.jsonl',
  piaf: '../shared/corpora/piaf-dev.json.gz',
  piafNoise: '10000',
  piafLangChainEvery: '20',
};

class UsageError extends Error {}

/**
 * The retrieval set's corpus, as its questions name their sources: the seeds
 * plus the first `noise` OrangeSum articles, written under the same file name
 * so that `NAME.jsonl.gz#LINE` sources match. Without OrangeSum, only the seeds.
 */
async function writeRetrievalCorpus(dir: string, seeds: string, orangesum: string, noise: number): Promise<string | null> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(seeds)) await copyFile(join(seeds, name), join(dir, name));
  if (!existsSync(orangesum)) return null;
  const lines = gunzipSync(await readFile(orangesum)).toString('utf8').split('\n').slice(0, noise);
  await writeFile(join(dir, basename(orangesum)), gzipSync(`${lines.join('\n')}\n`));
  return `${seeds} + the first ${noise} articles of ${orangesum}`;
}

async function openCorpus(corpusDir: string, indexDir: string, label: string): Promise<EvaluatedCorpus> {
  const config = parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: 'warn' });
  const logger = createLogger(config.LOG_LEVEL, 'plain');
  process.stderr.write(`eval: indexing ${label}\n`);
  const { scoop, index } = await openScoop(config, { logger });
  const { embeddings } = createEmbeddings(config);
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

/** The PIAF section: PIAF dev amid OrangeSum, indexed by Scoop (in `indexDir`), searched by Scoop and the peers. */
async function runPiafSection(options: {
  piaf: string;
  orangesum: string;
  noise: number;
  work: string;
  indexDir: string;
  langChainEvery: number;
  withPeers: boolean;
  every: number;
}): Promise<PiafReport> {
  const dir = join(options.work, 'piaf-corpus');
  const news = await writePiafCorpus(dir, options.piaf, options.orangesum, options.noise);
  const label = `${options.piaf} + the first ${news} articles of ${options.orangesum}`;
  const corpus = await openCorpus(dir, options.indexDir, label);
  return evaluatePiaf({
    corpusPath: label,
    articles: corpus.articles,
    passages: corpus.passages,
    questions: await loadPiafQuestions(options.piaf),
    search: corpus.search,
    embeddings: corpus.embeddings,
    langChainEvery: options.langChainEvery,
    withPeers: options.withPeers,
    every: options.every,
    onProgress: (message) => process.stderr.write(`eval: ${message}\n`),
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      corpus: { type: 'string', default: DEFAULTS.corpus },
      seeds: { type: 'string', default: DEFAULTS.seeds },
      orangesum: { type: 'string', default: DEFAULTS.orangesum },
      noise: { type: 'string', default: DEFAULTS.noise },
      retrieval: { type: 'string', default: DEFAULTS.retrieval },
      answers: { type: 'string', default: DEFAULTS.answers },
      piaf: { type: 'string', default: DEFAULTS.piaf },
      'piaf-noise': { type: 'string', default: DEFAULTS.piafNoise },
      'piaf-index': { type: 'string' },
      'piaf-langchain-every': { type: 'string', default: DEFAULTS.piafLangChainEvery },
      'no-piaf': { type: 'boolean', default: false },
      'piaf-no-peers': { type: 'boolean', default: false },
      'piaf-every': { type: 'string', default: '1' },
    },
  });
  if (!existsSync(values.corpus)) throw new UsageError(`--corpus ${values.corpus}: no such folder`);
  if (!existsSync(values.answers)) throw new UsageError(`--answers ${values.answers}: no such file`);
  if (!existsSync(values.seeds)) throw new UsageError(`--seeds ${values.seeds}: no such folder`);
  const noise = Number(values.noise);
  if (!Number.isInteger(noise) || noise < 0) throw new UsageError(`--noise takes a number of articles (got "${values.noise}")`);
  const piafNoise = Number(values['piaf-noise']);
  if (!Number.isInteger(piafNoise) || piafNoise < 0) throw new UsageError(`--piaf-noise takes a number of articles (got "${values['piaf-noise']}")`);
  const langChainEvery = Number(values['piaf-langchain-every']);
  if (!Number.isInteger(langChainEvery) || langChainEvery < 0) {
    throw new UsageError(`--piaf-langchain-every takes a whole number, 0 to leave the LangChain peer out (got "${values['piaf-langchain-every']}")`);
  }
  const piafEvery = Number(values['piaf-every']);
  if (!Number.isInteger(piafEvery) || piafEvery < 1) throw new UsageError(`--piaf-every takes a whole number from 1 (got "${values['piaf-every']}")`);
  const withPiaf = !values['no-piaf'] && existsSync(values.piaf) && existsSync(values.orangesum);

  const work = await mkdtemp(join(tmpdir(), 'scoop-eval-'));
  try {
    const answerSet = await loadAnswerQuestions(values.answers);
    const retrievalSet = existsSync(values.retrieval) ? await loadRetrievalQuestions(values.retrieval) : null;
    if (!retrievalSet) process.stderr.write(`eval: ${values.retrieval} not found; using the answer set's supporting snippets for retrieval\n`);

    const answerCorpus = await openCorpus(values.corpus, join(work, 'answers-index'), values.corpus);
    let retrievalCorpus = answerCorpus;
    const notes: string[] = [];
    if (retrievalSet) {
      const dir = join(work, 'retrieval-corpus');
      const described = await writeRetrievalCorpus(dir, values.seeds, values.orangesum, noise);
      if (!described) notes.push(`${values.orangesum} is absent: retrieval questions over OrangeSum are left out.`);
      retrievalCorpus = await openCorpus(dir, join(work, 'retrieval-index'), described ?? values.seeds);
    }

    const report = await runEvaluation({
      retrievalCorpus,
      answerCorpus,
      retrievalSet,
      answerSet,
      onProgress: (message) => process.stderr.write(`eval: ${message}\n`),
      onAnswerError: (question, error) => process.stderr.write(`eval: ${question.id} failed: ${(error as Error).message}\n`),
    });
    report.notes.push(...notes);
    if (!withPiaf && !values['no-piaf']) report.notes.push(`${values.piaf} or ${values.orangesum} is absent: the PIAF section is left out.`);
    const piaf = withPiaf
      ? await runPiafSection({
          piaf: values.piaf,
          orangesum: values.orangesum,
          noise: piafNoise,
          work,
          indexDir: values['piaf-index'] ?? join(work, 'piaf-index'),
          langChainEvery,
          withPeers: !values['piaf-no-peers'],
          every: piafEvery,
        })
      : null;
    const text = [formatEvaluationReport(report), ...(piaf ? ['', formatPiafReport(piaf)] : [])].join('\n');
    process.stdout.write(values.json ? `${JSON.stringify({ ...report, piaf })}\n` : `${text}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
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
