import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../src/articles/article';
import { loadCorpus } from '../src/articles/loadCorpus';
import type { Passage } from '../src/passages/passage';
import { splitIntoPassages } from '../src/passages/splitIntoPassages';
import { generateArticles, toJsonl } from './generateArticles';

/** Where benchmark articles come from: the seeded generator or a corpus file or folder. */
export type CorpusSource = { kind: 'generated'; seed: number } | { kind: 'file'; path: string };

/** The articles of one benchmark size and the passages Scoop's splitter cuts them into. */
export interface BenchCorpus {
  articles: Article[];
  passages: Passage[];
  /** Passages the whole source holds (the size is capped there). */
  available: number;
  skipped: number;
}

/** A short name for a source, for progress and tables. */
export function describeSource(source: CorpusSource): string {
  return source.kind === 'generated' ? `generated (seed ${source.seed})` : source.path;
}

function takePassages(all: Article[], target: number): { articles: Article[]; passages: Passage[]; available: number } {
  const articles: Article[] = [];
  const passages: Passage[] = [];
  let available = 0;
  for (const article of all) {
    const cut = splitIntoPassages(article);
    available += cut.length;
    if (passages.length < target) {
      articles.push(article);
      passages.push(...cut);
    }
  }
  return { articles, passages, available };
}

/**
 * Loads the first articles of a source until they hold at least `targetPassages`
 * passages (all of it when it holds fewer). Generated articles are written as
 * JSONL under `workDir` and read back through `loadCorpus`, as a user's corpus
 * would be; the same source and target always give the same articles.
 */
export async function loadBenchCorpus(source: CorpusSource, targetPassages: number, workDir: string): Promise<BenchCorpus> {
  if (source.kind === 'file') {
    const corpus = await loadCorpus(source.path);
    return { ...takePassages(corpus.articles, targetPassages), skipped: corpus.skipped.length };
  }
  await mkdir(workDir, { recursive: true });
  let count = Math.max(10, Math.ceil(targetPassages / 2));
  for (;;) {
    const path = join(workDir, 'generated.jsonl');
    await writeFile(path, toJsonl(generateArticles({ seed: source.seed, count })));
    const corpus = await loadCorpus(path);
    const taken = takePassages(corpus.articles, targetPassages);
    if (taken.passages.length >= targetPassages) return { ...taken, available: taken.passages.length, skipped: corpus.skipped.length };
    count = Math.ceil(count * 1.5);
  }
}
