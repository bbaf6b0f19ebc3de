import { describe, expect, it } from 'vitest';
import { IngestPool } from '../../src/index/ingestPool';
import type { LexicalDocument } from '../../src/index/lexicalIndex';
import { analyzeTerms } from '../../src/text/analyzeTerms';
import { factsModuleUrl } from '../../src/app';
import type { Article } from '../../src/articles/article';
import { extractFacts } from '../../src/facts/extractFacts';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';

const ARTICLE: Article = {
  id: 'a1',
  source: 'gpt5.md',
  title: 'OpenAI repousse GPT-5',
  language: 'fr',
  published: '2025-02-10',
  url: null,
  text: "OpenAI a annoncé que le lancement de GPT-5 est reporté à l'été. Le modèle devait sortir au printemps. Microsoft et OpenAI ont signé un partenariat.",
};
const factsInputs = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const article = { ...ARTICLE, id: `a${i}`, source: `${i}.md` };
    return { article, passages: splitIntoPassages(article) };
  });

const TEXTS: [string, 'fr' | 'en'][] = [
  ["OpenAI a annoncé que le lancement de GPT-5 est reporté à l'été.", 'fr'],
  ['French start-up Mistral AI has signed a partnership with Microsoft.', 'en'],
  ['', 'fr'],
  ['Le XV de France a battu l’Écosse ; Antoine Dupont a marqué deux essais.', 'fr'],
];

describe('IngestPool', () => {
  it('GIVEN many passages THEN worker threads give exactly the terms analyzeTerms gives, batch by batch in order', async () => {
    const documents: LexicalDocument[] = Array.from({ length: 1300 }, (_, i) => ({ id: `p${i}`, text: `${TEXTS[i % 4][0]} ${i}`, language: TEXTS[i % 4][1] }));
    documents[3].text = '';
    const pool = new IngestPool(2);
    const seen: string[] = [];
    try {
      await pool.analyze(documents, (batch) => seen.push(batch[0].id));
    } finally {
      await pool.close();
    }
    expect(seen).toEqual(['p0', 'p512', 'p1024']);
    for (const document of documents) expect(document.terms, document.id).toEqual(analyzeTerms(document.text, document.language));
  });

  it('GIVEN a batch of passages with no terms at all THEN each gets an empty list of terms', async () => {
    const documents: LexicalDocument[] = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, text: i % 2 ? '' : 'le la les', language: 'fr' }));
    const pool = new IngestPool(1);
    try {
      await pool.analyze(documents);
    } finally {
      await pool.close();
    }
    for (const document of documents) expect(document.terms, document.id).toEqual([]);
  });

  it('GIVEN a facts module THEN the workers give each article the facts extractFacts gives, batch by batch in order', async () => {
    const items = factsInputs(40);
    const pool = new IngestPool(2, factsModuleUrl());
    const seen: string[] = [];
    try {
      await pool.extractFacts(items, (batch, outcomes) => {
        if (outcomes instanceof Error) throw outcomes;
        seen.push(batch[0].article.id);
        batch.forEach(({ article, passages }, i) => expect(outcomes[i]).toEqual(extractFacts(article, passages)));
      });
    } finally {
      await pool.close();
    }
    expect(seen).toEqual(['a0', 'a16', 'a32']);
  });

  it('GIVEN a facts module without extractFacts THEN every batch comes back as an error, for the caller to extract itself', async () => {
    const pool = new IngestPool(1, new URL('./fixtureCorpus.ts', import.meta.url));
    const outcomes: unknown[] = [];
    try {
      await pool.extractFacts(factsInputs(20), (_batch, result) => outcomes.push(result));
    } finally {
      await pool.close();
    }
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) expect(outcome).toBeInstanceOf(Error);
  });

  it('GIVEN a caller whose handling of a batch fails THEN the failure comes back at once and no batch is taken after it, on the workers or here', async () => {
    const pool = new IngestPool(1, factsModuleUrl());
    let extractedHere = 0;
    const extractHere = (item: { article: Article; passages: ReturnType<typeof splitIntoPassages> }) => {
      extractedHere += 1;
      const until = performance.now() + 1;
      while (performance.now() < until);
      return extractFacts(item.article, item.passages);
    };
    let extractedAtFailure = -1;
    try {
      await expect(
        pool.extractFacts(factsInputs(1600), () => {
          throw new Error('disk full');
        }, extractHere).catch((error: Error) => {
          extractedAtFailure = extractedHere;
          throw error;
        }),
      ).rejects.toThrow('disk full');
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await pool.close();
    }
    expect(extractedAtFailure).toBeGreaterThan(0);
    expect(extractedHere).toBe(extractedAtFailure);
  });
});
