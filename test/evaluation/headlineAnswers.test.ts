import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer';
import type { Article } from '../../src/articles/article';
import { formatHeadlineReport, headlineOutcome, summariseHeadlines } from '../../src/evaluation/headlineAnswers';

function article(id: string, title: string): Article {
  return { id, source: `news.jsonl.gz#${id}`, title, language: 'fr', published: '2020-05-11', url: null, text: `${title}. Le texte de l'article.` };
}

function answer(fields: Partial<Answer> & { citedArticle?: string }): Answer {
  const { citedArticle, ...rest } = fields;
  const citations = citedArticle
    ? [{ n: 1, articleId: citedArticle, source: 's', title: 't', published: null, url: null, start: 0, end: 4, snippet: 'Le t' }]
    : [];
  return { question: 'q', standaloneQuestion: 'q', language: 'fr', kind: 'fact', answer: 'a', value: null, confidence: 0, abstained: false, citations, related: [], timings: {}, ...rest };
}

describe('headline outcomes', () => {
  it('GIVEN statements and titles ending in "?" THEN typed values, declines and own-article citations are counted apart', () => {
    const outcomes = [
      headlineOutcome(article('a', 'La SNCF supprime 2000 postes'), answer({ value: '2000 postes', confidence: 0.6, citedArticle: 'a' })),
      headlineOutcome(article('b', 'Le gouvernement présente son plan'), answer({ citedArticle: 'b' })),
      headlineOutcome(article('c', 'Les trains rouleront-ils cet été ?'), answer({ abstained: true, value: 'ignored when declining' })),
    ];
    const report = summariseHeadlines(outcomes, 7);

    expect(report.statements).toEqual({ titles: 2, typedValue: 0.5, declined: 0, citesOwnArticle: 1 });
    expect(report.questions).toEqual({ titles: 1, typedValue: 0, declined: 1, citesOwnArticle: 0 });
    expect(report.typedExamples).toEqual([{ title: 'La SNCF supprime 2000 postes', value: '2000 postes' }]);
    expect(formatHeadlineReport(report, 'news (3 articles)')).toContain('statements (2)');
  });
});
