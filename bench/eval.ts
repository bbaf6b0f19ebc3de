/**
 * `npm run eval`: Scoop's retrieval and answer quality on the project's
 * question sets, with the LangChain peer measured over the same passages in
 * the same run.
 *
 *   npm run eval -- [--json] [--corpus DIR] [--retrieval FILE] [--answers FILE]
 *
 * The index is built in a temporary folder, so the run never touches data/index.
 * Progress goes to stderr; the tables (or, with --json, one JSON object) to stdout.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openScoop } from '../src/app';
import { parseConfig } from '../src/config';
import { UserFacingError } from '../src/errors';
import { formatEvaluationReport } from '../src/evaluation/evaluationReport';
import { loadAnswerQuestions, loadRetrievalQuestions } from '../src/evaluation/questionSets';
import { runEvaluation } from '../src/evaluation/runEvaluation';
import { createEmbeddings } from '../src/index/createEmbeddings';
import { createLogger } from '../src/logger';

const DEFAULTS = {
  corpus: 'test/fixtures/news',
  retrieval: 'test/fixtures/retrieval/questions.jsonl',
  answers: 'test/fixtures/questions/answers.jsonl',
};

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      corpus: { type: 'string', default: DEFAULTS.corpus },
      retrieval: { type: 'string', default: DEFAULTS.retrieval },
      answers: { type: 'string', default: DEFAULTS.answers },
    },
  });
  if (!existsSync(values.corpus)) throw new UsageError(`--corpus ${values.corpus}: no such file or folder`);
  if (!existsSync(values.answers)) throw new UsageError(`--answers ${values.answers}: no such file`);

  const indexDir = await mkdtemp(join(tmpdir(), 'scoop-eval-'));
  try {
    const config = parseConfig({ CORPUS_DIR: values.corpus, INDEX_DIR: indexDir, LOG_LEVEL: 'warn' });
    const logger = createLogger(config.LOG_LEVEL, 'plain');
    process.stderr.write(`eval: indexing ${values.corpus}\n`);
    const { scoop, index, corpus } = await openScoop(config, { logger });
    const { embeddings } = createEmbeddings(config);
    const articles = index.articles();
    const passages = articles.flatMap((article) => index.passagesOf(article.id));

    const retrievalSet = existsSync(values.retrieval) ? await loadRetrievalQuestions(values.retrieval) : null;
    if (!retrievalSet) process.stderr.write(`eval: ${values.retrieval} not found; using the answer set's supporting snippets for retrieval\n`);
    const answerSet = await loadAnswerQuestions(values.answers);

    const report = await runEvaluation({
      corpusPath: values.corpus,
      articles,
      passages,
      search: (query, k) => scoop.search(query, k),
      ask: (question) => scoop.ask(question),
      embeddings,
      retrievalSet,
      answerSet,
      onProgress: (message) => process.stderr.write(`eval: ${message}\n`),
      onAnswerError: (question, error) => process.stderr.write(`eval: ${question.id} failed: ${(error as Error).message}\n`),
    });
    if (corpus.skipped.length > 0) report.notes.push(`${corpus.skipped.length} corpus file(s) skipped while loading (see stderr).`);
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatEvaluationReport(report)}\n`);
  } finally {
    await rm(indexDir, { recursive: true, force: true });
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
