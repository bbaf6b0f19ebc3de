import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { LangChainPeer } from '../../src/evaluation/langChainPeer';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';

function article(id: string, source: string, language: 'fr' | 'en', text: string): Article {
  return { id, source, title: source, language, published: '2025-02', url: null, text };
}

const articles = [
  article('a1', 'mistral.md', 'fr', 'Mistral AI a signé un partenariat avec Microsoft. Mistral Large est disponible sur Azure depuis février.'),
  article('a2', 'gemini.md', 'en', 'Google released Gemini 2.0 Flash on Wednesday. The model was trained on Trillium chips.'),
  article('a3', 'siri.md', 'en', 'Apple delayed the new Siri until 2026, according to Bloomberg.'),
];
const passages = articles.flatMap((a) => splitIntoPassages(a));

describe('LangChainPeer', () => {
  it('GIVEN a query naming a word of one passage THEN each retriever ranks that passage first', async () => {
    const peer = await LangChainPeer.build({ articles, passages, embeddings: new HashedFeatureEmbeddings() });
    for (const retriever of ['bm25', 'vector', 'hybrid'] as const) {
      const [top] = await peer.search(retriever, 'trillium chips', 3);
      expect(top.article.source, retriever).toBe('gemini.md');
    }
  });

  it('GIVEN k THEN returns at most k hits, each with its passage and article', async () => {
    const peer = await LangChainPeer.build({ articles, passages, embeddings: new HashedFeatureEmbeddings() });
    const hits = await peer.search('hybrid', 'Siri Apple Mistral Gemini', 2);
    expect(hits.length).toBe(2);
    for (const hit of hits) expect(hit.article.text.slice(hit.passage.start, hit.passage.end)).toBe(hit.passage.text);
  });

  it('GIVEN a question THEN answers with its top passage quoted verbatim and never declines', async () => {
    const peer = await LangChainPeer.build({ articles, passages, embeddings: new HashedFeatureEmbeddings() });
    const answer = await peer.answer('hybrid', 'When will the new Siri ship?');
    expect(answer.abstained).toBe(false);
    expect(answer.citations).toHaveLength(1);
    const [citation] = answer.citations;
    expect(citation.source).toBe('siri.md');
    expect(articles[2].text.slice(citation.start, citation.end)).toBe(citation.snippet);
  });
});
