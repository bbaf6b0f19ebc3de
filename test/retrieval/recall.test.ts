import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import type { Language } from '../../src/text/language';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';
import { loadCorpus as loadArticles } from '../../src/articles/loadCorpus';
import { LexicalIndex } from '../../src/index/lexicalIndex';
import type { Passage } from '../../src/passages/passage';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';
import { DEFAULT_FUSION, HybridRetriever, MODEL_EMBEDDINGS_FUSION, type SearchableIndex } from '../../src/retrieval/hybridRetriever';

/**
 * Retrieval quality on questions with known answers (issue 2, "Quality and
 * speed"): recall@1/5/10 of the lexical index, the embedder (exact cosine),
 * the HybridRetriever with the fusion that ships offline (`DEFAULT_FUSION`,
 * the one the app builds) and with the fusion used beside a model embedder,
 * passages indexed with their article's title as the app indexes them,
 * over the seed and the first 2,000 OrangeSum articles as noise. Floors hold
 * on the dev split; held-out figures are printed as the honest ones.
 * Questions over OrangeSum are skipped when the corpus is absent.
 */

const SEED_PATH = 'seeds/000_f20889ff108f9afa.txt';
const SEED_SOURCE = '000_f20889ff108f9afa.txt';
const ORANGESUM_PATH = '../shared/corpora/orangesum-10k.jsonl.gz';
const ORANGESUM_FILE = 'orangesum-10k.jsonl.gz';
const ORANGESUM_SAMPLE = 2000;
const QUESTIONS_PATH = 'test/fixtures/retrieval/questions.jsonl';
const CANDIDATES = 50;
const CUTOFFS = [1, 5, 10] as const;

interface RetrievalQuestion {
  id: string;
  question: string;
  language: Language;
  source: string;
  snippet: string;
  split: 'dev' | 'heldout';
}

type Method = 'lexical' | 'embeddings' | 'shipped' | 'fusedWithVectors';
type Ranker = (question: RetrievalQuestion) => Promise<string[]>;

/** Measured dev recall (see the report printed by this test) minus a small margin. */
const DEV_FLOORS: Record<Method, Record<(typeof CUTOFFS)[number], number>> = {
  lexical: { 1: 0.5, 5: 0.88, 10: 0.92 },
  embeddings: { 1: 0.34, 5: 0.73, 10: 0.73 },
  shipped: { 1: 0.5, 5: 0.88, 10: 0.92 },
  fusedWithVectors: { 1: 0.38, 5: 0.8, 10: 0.85 },
};

function article(id: string, source: string, text: string, title = source): Article {
  return { id, source, title, language: 'fr', published: null, url: null, text };
}

/** The seed and OrangeSum articles, each with its title (the app indexes it as a field of every passage). */
async function loadCorpus(withOrangeSum: boolean): Promise<Article[]> {
  const [seed] = (await loadArticles(SEED_PATH)).articles;
  const articles = [article('seed', SEED_SOURCE, readFileSync(SEED_PATH, 'utf8'), seed.title)];
  if (!withOrangeSum) return articles;
  const lines = gunzipSync(readFileSync(ORANGESUM_PATH)).toString('utf8').split('\n');
  for (let line = 1; line <= ORANGESUM_SAMPLE; line += 1) {
    const { article: text, title } = JSON.parse(lines[line - 1]) as { article: string; title: string };
    articles.push(article(`os${line}`, `${ORANGESUM_FILE}#${line}`, text, title));
  }
  return articles;
}

function loadQuestions(withOrangeSum: boolean): RetrievalQuestion[] {
  return readFileSync(QUESTIONS_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RetrievalQuestion)
    .filter((question) => withOrangeSum || !question.source.startsWith(ORANGESUM_FILE));
}

function recallAt(ranks: (number | null)[], cutoff: number): number {
  return ranks.filter((rank) => rank !== null && rank <= cutoff).length / ranks.length;
}

describe('retrieval recall on questions with known answer passages', () => {
  const withOrangeSum = existsSync(ORANGESUM_PATH);
  const questions = loadQuestions(withOrangeSum);
  const passages = new Map<string, Passage>();
  const sourceOf = new Map<string, string>();
  const answers = new Map<string, string>();
  const rankers = {} as Record<Method, Ranker>;

  beforeAll(async () => {
    const articles = await loadCorpus(withOrangeSum);
    const titleOf = new Map(articles.map((source) => [source.id, source.title]));
    for (const source of articles) {
      for (const passage of splitIntoPassages(source)) {
        passages.set(passage.id, passage);
        sourceOf.set(passage.id, source.source);
      }
    }
    for (const question of questions) {
      const source = articles.find((candidate) => candidate.source === question.source);
      const at = source?.text.indexOf(question.snippet) ?? -1;
      const holder = [...passages.values()].find(
        (p) => p.articleId === source?.id && p.start <= at && at + question.snippet.length <= p.end,
      );
      if (holder) answers.set(question.id, holder.id);
    }

    const lexical = new LexicalIndex();
    lexical.add([...passages.values()].map((p) => ({ id: p.id, text: p.text, language: 'fr' as const, title: titleOf.get(p.articleId) })));

    const embeddings = new HashedFeatureEmbeddings();
    const ids = [...passages.keys()];
    const dimensions = embeddings.dimensions;
    const matrix = new Float32Array(ids.length * dimensions);
    ids.forEach((id, row) => matrix.set(embeddings.embedText(passages.get(id)!.text), row * dimensions));
    const nearest = (text: string, k: number): string[] => {
      const query = embeddings.embedText(text);
      const scored = ids.map((id, row) => {
        let dot = 0;
        for (let i = 0; i < dimensions; i += 1) dot += matrix[row * dimensions + i] * query[i];
        return { id, dot };
      });
      return scored.sort((a, b) => b.dot - a.dot).slice(0, k).map((hit) => hit.id);
    };

    const index: SearchableIndex = {
      passageCount: () => passages.size,
      lexicalSearch: (query, k, options) => lexical.search(query, k, options),
      vectorSearch: async (query, k) => nearest(query, k).map((id) => ({ id, score: 0 })),
      passage: (id) => {
        const passage = passages.get(id);
        return passage && { passage, article: article(passage.articleId, sourceOf.get(id) ?? '', '') };
      },
    };
    const shipped = new HybridRetriever({ index });
    const withVectors = new HybridRetriever({ index, fusion: MODEL_EMBEDDINGS_FUSION });
    rankers.lexical = async (q) => lexical.search(q.question, CANDIDATES, { language: q.language }).map((hit) => hit.id);
    rankers.embeddings = async (q) => nearest(q.question, CANDIDATES);
    rankers.shipped = async (q) => (await shipped.search(q.question, CANDIDATES)).map((hit) => hit.passage.id);
    rankers.fusedWithVectors = async (q) => (await withVectors.search(q.question, CANDIDATES)).map((hit) => hit.passage.id);
  });

  it('the shipped retriever searches BM25 alone (the offline default)', () => {
    expect(DEFAULT_FUSION.weights).toEqual([0, 1]);
  });

  it('every question names an answer that lies inside one passage of the corpus', () => {
    expect(questions.length).toBeGreaterThanOrEqual(withOrangeSum ? 30 : 5);
    const lost = questions.filter((question) => !answers.has(question.id)).map((question) => question.id);
    expect(lost).toEqual([]);
  });

  it('finds the answer passages: recall@1/5/10 per method (report printed; floors on dev)', async () => {
    const report: string[] = [];
    const results = {} as Record<Method, Record<string, number[]>>;
    for (const method of Object.keys(rankers) as Method[]) {
      const ranks: (number | null)[] = [];
      for (const question of questions) {
        const rank = (await rankers[method](question)).indexOf(answers.get(question.id)!);
        ranks.push(rank < 0 ? null : rank + 1);
      }
      results[method] = {};
      for (const split of ['dev', 'heldout', 'all'] as const) {
        const chosen = ranks.filter((_, i) => split === 'all' || questions[i].split === split);
        results[method][split] = CUTOFFS.map((cutoff) => recallAt(chosen, cutoff));
        const figures = results[method][split].map((value, i) => `R@${CUTOFFS[i]} ${value.toFixed(2)}`).join('  ');
        report.push(`${method.padEnd(10)} ${split.padEnd(7)} (${String(chosen.length).padStart(2)} q)  ${figures}`);
      }
      const missed = questions.filter((_, i) => ranks[i] === null || ranks[i]! > 10).map((question) => question.id);
      report.push(`${''.padEnd(10)} missed@10: ${missed.join(', ') || 'none'}`);
    }
    console.log(`Retrieval recall over ${passages.size} passages${withOrangeSum ? '' : ' (OrangeSum absent: seed only)'}\n${report.join('\n')}`);
    if (!withOrangeSum) return;
    for (const method of Object.keys(DEV_FLOORS) as Method[]) {
      CUTOFFS.forEach((cutoff, i) => {
        expect(results[method].dev[i], `${method} dev recall@${cutoff}`).toBeGreaterThanOrEqual(DEV_FLOORS[method][cutoff]);
      });
    }
  });
});
