/**
 * The corpus `npm run eval` asks its real-data questions over: the 10,000
 * OrangeSum articles with PIAF's 191 Wikipedia articles beside them, indexed
 * once and cached under a folder keyed by the code's revision, so a rerun on
 * the same code reopens the index instead of rebuilding it.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openScoop } from '../src/app';
import { parseConfig } from '../src/config';
import type { CorpusReport } from '../src/evaluation/evaluationReport';
import { loadPiaf, piafArticleText } from '../src/evaluation/piafAnswers';
import type { EvaluatedCorpus } from '../src/evaluation/runEvaluation';
import { createEmbeddings } from '../src/index/createEmbeddings';
import { createLogger } from '../src/logger';

/** The code revision measured: the commit, and whether the working tree differed from it. */
export interface Revision {
  /** Short commit, with `+changes` when src/, bench/ or the lockfile differ from it. */
  label: string;
  /**
   * What the cached index is keyed by: the git tree of src/ and the lockfile at the commit (what the index is
   * built by, so commits that change neither reuse it), plus a hash of their uncommitted changes when there are any.
   */
  cacheKey: string;
}

function git(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
}

/** A hash of how the working tree differs from HEAD under `paths` (changes and untracked files), or null when it does not. */
function changesHash(paths: readonly string[]): string | null {
  const diff = git(['diff', 'HEAD', '--', ...paths]);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '--', ...paths]).split('\n').filter(Boolean);
  if (diff === '' && untracked.length === 0) return null;
  const hash = createHash('sha1').update(diff);
  for (const file of untracked) hash.update(file).update(existsSync(file) ? readFileSync(file) : '');
  return hash.digest('hex').slice(0, 10);
}

/** The revision of the working tree, or `unknown` outside a git checkout. */
export function currentRevision(): Revision {
  try {
    const commit = git(['rev-parse', '--short', 'HEAD']).trim();
    const indexChanges = changesHash(['src', 'package-lock.json']);
    const anyChanges = indexChanges ?? changesHash(['bench']);
    const builtBy = createHash('sha1').update(git(['rev-parse', 'HEAD:src', 'HEAD:package-lock.json'])).digest('hex').slice(0, 12);
    return { label: anyChanges ? `${commit}+changes` : commit, cacheKey: indexChanges ? `${builtBy}-${indexChanges}` : builtBy };
  } catch {
    return { label: 'unknown', cacheKey: `unknown-${Date.now()}` };
  }
}

/** Where the shared corpus comes from and where its index is kept. */
export interface SharedCorpusOptions {
  orangesumFile: string;
  /** PIAF's JSON; null to index OrangeSum alone. */
  piafFile: string | null;
  /** Folder holding one cached corpus and index per revision; null to build in a temporary folder removed afterwards. */
  cacheRoot: string | null;
  revision: Revision;
  onProgress: (message: string) => void;
}

/** The opened shared corpus: Scoop over it, what it holds, and how long opening took. */
export interface SharedCorpus {
  corpus: EvaluatedCorpus;
  report: CorpusReport;
  /** Where the corpus and index live (kept when cached). */
  folder: string;
  /** True when the index was found up to date in the cache (nothing embedded). */
  reusedIndex: boolean;
  openMs: number;
  /** Removes the folder when it was not a cache. */
  dispose: () => Promise<void>;
}

/** Cached revisions kept besides the current one; older folders are removed. */
const KEPT_REVISIONS = 2;

async function pruneCache(cacheRoot: string, current: string): Promise<void> {
  const names = (await readdir(cacheRoot)).filter((name) => name !== current);
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(join(cacheRoot, name))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(KEPT_REVISIONS)) await rm(join(cacheRoot, name), { recursive: true, force: true });
}

async function writeCorpusFolder(dir: string, options: SharedCorpusOptions): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await copyFile(options.orangesumFile, join(dir, basename(options.orangesumFile)));
  if (options.piafFile) {
    const piaf = await loadPiaf(options.piafFile);
    for (const article of piaf.articles) await writeFile(join(dir, `${article.id}.txt`), piafArticleText(article));
  }
}

/**
 * Opens the shared corpus through the composition root the CLI uses
 * (`openScoop`), writing the corpus folder and building the index on the
 * first run of a revision and reopening them on later runs.
 */
export async function openSharedCorpus(options: SharedCorpusOptions): Promise<SharedCorpus> {
  const began = performance.now();
  const folder = options.cacheRoot ? join(options.cacheRoot, options.revision.cacheKey) : await mkdtemp(join(tmpdir(), 'scoop-eval-'));
  if (options.cacheRoot) {
    await mkdir(folder, { recursive: true });
    await pruneCache(options.cacheRoot, options.revision.cacheKey);
  }
  const corpusDir = join(folder, 'corpus');
  const ready = join(folder, 'corpus.ready');
  if (!existsSync(ready)) {
    options.onProgress(`writing the corpus folder ${corpusDir}`);
    await writeCorpusFolder(corpusDir, options);
    await writeFile(ready, `${new Date().toISOString()}\n`);
  }
  const config = parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: join(folder, 'index'), LOG_LEVEL: 'warn' });
  options.onProgress(`opening the index in ${config.INDEX_DIR} (built on the first run of a revision, then reused)`);
  const { scoop, index, report } = await openScoop(config, { logger: createLogger(config.LOG_LEVEL, 'plain') });
  const { embeddings } = await createEmbeddings(config);
  const articles = index.articles();
  const passages = articles.flatMap((article) => index.passagesOf(article.id));
  const newsFile = basename(options.orangesumFile);
  const others = articles.filter((article) => !article.source.startsWith(`${newsFile}#`)).length;
  const what = others > 0 ? `${newsFile} + ${others} PIAF articles` : newsFile;
  const reusedIndex = report.added === 0 && report.updated === 0;
  return {
    corpus: {
      path: what,
      articles,
      passages,
      search: (query, k) => scoop.search(query, k),
      ask: (question) => scoop.ask(question),
      embeddings,
    },
    report: { path: what, articles: articles.length, passages: passages.length },
    folder,
    reusedIndex,
    openMs: performance.now() - began,
    dispose: async () => {
      if (!options.cacheRoot) await rm(folder, { recursive: true, force: true });
    },
  };
}
