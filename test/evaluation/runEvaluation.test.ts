import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import type { Answer } from '../../src/answers/answer';
import { formatEvaluationReport } from '../../src/evaluation/evaluationReport';
import { parseAnswerQuestions, parseRetrievalQuestions } from '../../src/evaluation/questionSets';
import { runEvaluation, type EvaluatedCorpus } from '../../src/evaluation/runEvaluation';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';
import type { SearchHit } from '../../src/retrieval/searchHit';

function article(id: string, source: string, language: 'fr' | 'en', text: string): Article {
  return { id, source, title: source, language, published: '2025-02', url: null, text };
}

const articles = [
  article('a1', 'mistral.md', 'fr', 'Mistral AI a signé un partenariat avec Microsoft. Mistral Large est disponible sur Azure depuis février.'),
  article('a2', 'gemini.md', 'en', 'Google released Gemini 2.0 Flash on Wednesday. The model was trained on Trillium chips.'),
];
const passages = articles.flatMap((a) => splitIntoPassages(a));

/** A stand-in for Scoop: finds passages sharing a word with the question, answers from the first, declines otherwise. */
function fakeScoop(): EvaluatedCorpus {
  const search = async (query: string, k: number): Promise<SearchHit[]> => {
    const words = query.toLowerCase().split(/\W+/).filter((word) => word.length > 3);
    return passages
      .filter((passage) => words.some((word) => passage.text.toLowerCase().includes(word)))
      .slice(0, k)
      .map((passage) => ({ passage, article: articles.find((a) => a.id === passage.articleId)!, score: 1 }));
  };
  const ask = async (question: string): Promise<Answer> => {
    const [top] = await search(question, 1);
    const base = { question, standaloneQuestion: question, language: 'en' as const, kind: 'fact' as const, related: [], timings: {} };
    if (!top) return { ...base, answer: "The articles don't say.", value: null, confidence: 0, abstained: true, citations: [] };
    const { passage, article: a } = top;
    const citation = { n: 1, articleId: a.id, source: a.source, title: a.title, published: a.published, url: a.url, start: passage.start, end: passage.end, snippet: passage.text };
    return { ...base, answer: `${passage.text} [1]`, value: passage.text, confidence: 0.5, abstained: false, citations: [citation] };
  };
  return { path: 'fixtures', articles, passages, search, ask, embeddings: new HashedFeatureEmbeddings() };
}

describe('runEvaluation', () => {
  it('GIVEN both question sets THEN reports Scoop and the three peer retrievers side by side, the peer never declining', async () => {
    const corpus = fakeScoop();
    const report = await runEvaluation({
      retrievalCorpus: corpus,
      answerCorpus: corpus,
      retrievalSet: parseRetrievalQuestions(
        'retrieval.jsonl',
        '{"id":"r1","question":"What chips trained Gemini?","language":"en","type":"fact","source":"gemini.md","snippet":"trained on Trillium chips","split":"dev"}',
      ),
      answerSet: parseAnswerQuestions(
        'answers.jsonl',
        [
          '{"id":"a1","question":"Which chips was Gemini trained on?","language":"en","type":"fact","answerable":true,"expected":["Trillium"],"support":{"source":"gemini.md","snippet":"trained on Trillium chips"},"split":"dev"}',
          '{"id":"u1","question":"Who makes Llama?","language":"en","type":"fact","answerable":false,"expected":[],"support":null,"split":"heldout"}',
        ].join('\n'),
      ),
    });

    expect(report.systems.map((system) => system.name)).toEqual(['Scoop', 'peer hybrid', 'peer bm25', 'peer vector', 'minisearch', 'orama', 'minisearch-articles']);
    const [scoop, ...peers] = report.systems;
    expect(scoop.retrieval.all.recallAt1).toBe(1);
    expect(scoop.answers.all).toMatchObject({ accuracy: 1, verbatimShare: 1, abstentionPrecision: 1, abstentionRecall: 1 });
    for (const peer of peers) {
      expect(peer.answers.all.abstentionPrecision).toBeNull();
      expect(peer.answers.all.abstentionRecall).toBe(0);
      expect(peer.answers.all.verbatimShare).toBe(1);
    }
    const table = formatEvaluationReport(report);
    expect(table).toMatch(/abstention precision\s+100\.0%\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+n\/a/);
    expect(table).toContain('never declines');
  });
});
