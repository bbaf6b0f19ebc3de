/**
 * `npm run eval`: Scoop's retrieval and answer quality on the project's
 * question sets, with the LangChain peer measured over the same passages in
 * the same run.
 *
 *   npm run eval -- [--json] [--corpus DIR] [--answers FILE] [--retrieval FILE] [--seeds DIR] [--orangesum FILE] [--noise N]
 *
 * The answer set is asked over --corpus (test/fixtures/news); the retrieval set
 * is searched in the seeds plus the first N OrangeSum articles as noise, the
 * corpus its questions were written against. Indexes are built in a temporary
 * folder, so the run never touches data/index.
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
    },
  });
  if (!existsSync(values.corpus)) throw new UsageError(`--corpus ${values.corpus}: no such folder`);
  if (!existsSync(values.answers)) throw new UsageError(`--answers ${values.answers}: no such file`);
  if (!existsSync(values.seeds)) throw new UsageError(`--seeds ${values.seeds}: no such folder`);
  const noise = Number(values.noise);
  if (!Number.isInteger(noise) || noise < 0) throw new UsageError(`--noise takes a number of articles (got "${values.noise}")`);

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
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatEvaluationReport(report)}\n`);
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
