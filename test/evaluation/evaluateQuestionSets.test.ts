import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import type { Passage } from '../../src/passages/passage';
import type { SearchHit } from '../../src/retrieval/searchHit';
import { runAnswers, summariseAnswers } from '../../src/evaluation/evaluateAnswers';
import { buildRetrievalCases, runRetrieval, summariseRetrieval } from '../../src/evaluation/evaluateRetrieval';
import { breakDown } from '../../src/evaluation/groupBreakdown';
import { parseAnswerQuestions, parseRetrievalQuestions } from '../../src/evaluation/questionSets';

const article: Article = {
  id: 'a1',
  source: 'gpt5.md',
  title: 'GPT-5',
  language: 'fr',
  published: '2025-02',
  url: null,
  text: 'OpenAI prépare GPT-5. Le modèle devrait être lancé fin mai. Microsoft hébergera GPT-4.5 sur Azure.',
};

function passageOf(start: number, end: number, ordinal: number): Passage {
  return { id: `a1:${ordinal}`, articleId: 'a1', ordinal, start, end, text: article.text.slice(start, end) };
}

const intro = passageOf(0, 21, 0);
const launch = passageOf(22, 59, 1);
const azure = passageOf(60, article.text.length, 2);
const hit = (passage: Passage): SearchHit => ({ passage, article, score: 1 });

const retrievalSet = parseRetrievalQuestions(
  'retrieval.jsonl',
  [
    '{"id":"r1","question":"Quand sort GPT-5 ?","language":"fr","source":"gpt5.md","snippet":"lancé fin mai","split":"dev"}',
    '{"id":"r2","question":"Who hosts GPT-4.5?","language":"en","source":"gpt5.md","snippet":"hébergera GPT-4.5 sur Azure","split":"heldout"}',
    '{"id":"r3","question":"missing","language":"en","source":"other.md","snippet":"x","split":"dev"}',
    'not json',
    '{"id":"r4","language":"en"}',
  ].join('\n'),
);

describe('question sets', () => {
  it('GIVEN a broken line and a line missing fields THEN reports both with their line and keeps the rest', () => {
    expect(retrievalSet.questions.map((q) => q.id)).toEqual(['r1', 'r2', 'r3']);
    expect(retrievalSet.problems).toHaveLength(2);
    expect(retrievalSet.problems[0]).toMatch(/retrieval\.jsonl:4: not JSON/);
    expect(retrievalSet.problems[1]).toMatch(/retrieval\.jsonl:5: .*question/);
  });

  it('GIVEN a question whose source is not in the corpus THEN leaves it out with a reason', () => {
    const { cases, problems } = buildRetrievalCases(retrievalSet.questions, [article]);
    expect(cases.map((c) => c.id)).toEqual(['r1', 'r2']);
    expect(problems).toEqual(['r3: source other.md is not in the corpus']);
  });
});

describe('runRetrieval', () => {
  it('GIVEN a search that ranks the answer first for one question and third for the other THEN reports recall and MRR by split', async () => {
    const { cases } = buildRetrievalCases(retrievalSet.questions, [article]);
    const search = async (query: string) => (query.startsWith('Quand') ? [hit(launch), hit(intro)] : [hit(intro), hit(launch), hit(azure)]);
    const outcomes = await runRetrieval(cases, search);
    expect(outcomes.map((o) => o.rank)).toEqual([1, 3]);
    const summary = breakDown(outcomes, summariseRetrieval);
    expect(summary.all).toMatchObject({ questions: 2, recallAt1: 0.5, recallAt5: 1, recallAt10: 1 });
    expect(summary.all.mrr).toBeCloseTo((1 + 1 / 3) / 2, 10);
    expect(summary.bySplit.heldout.recallAt1).toBe(0);
    expect(Object.keys(summary.byLanguage)).toEqual(['en', 'fr']);
  });
});

describe('runAnswers', () => {
  const answerSet = parseAnswerQuestions(
    'answers.jsonl',
    [
      '{"id":"a","question":"Quand GPT-5 sort-il ?","language":"fr","type":"date","answerable":true,"expected":["fin mai"],"support":{"source":"gpt5.md","snippet":"lancé fin mai"},"split":"dev"}',
      '{"id":"u","question":"Quand GPT-6 sort-il ?","language":"fr","type":"date","answerable":false,"expected":[],"support":null,"split":"dev"}',
    ].join('\n'),
  );

  it('GIVEN a right answer with a verbatim citation and a right decline THEN scores both right and the citation verbatim', async () => {
    const outcomes = await runAnswers(
      answerSet.questions,
      async (question) =>
        question.includes('GPT-5')
          ? { text: 'Fin mai [1].', abstained: false, citations: [{ articleId: 'a1', source: 'gpt5.md', start: launch.start, end: launch.end, snippet: launch.text }] }
          : { text: "Les articles ne le disent pas.", abstained: true, citations: [] },
      [article],
    );
    expect(summariseAnswers(outcomes)).toMatchObject({
      accuracy: 1,
      verbatimShare: 1,
      citations: 1,
      abstentionPrecision: 1,
      abstentionRecall: 1,
      supportCited: 1,
    });
  });

  it('GIVEN a citation whose snippet is not the article text THEN the verbatim share drops and a failing answerer is counted wrong', async () => {
    let calls = 0;
    const errors: string[] = [];
    const outcomes = await runAnswers(
      answerSet.questions,
      async () => {
        calls += 1;
        if (calls === 2) throw new Error('boom');
        return { text: 'Fin mai.', abstained: false, citations: [{ articleId: 'a1', source: 'gpt5.md', start: 22, end: 40, snippet: 'lancé en mai' }] };
      },
      [article],
      (question) => errors.push(question.id),
    );
    const summary = summariseAnswers(outcomes);
    expect(summary.verbatimShare).toBe(0);
    expect(summary.accuracy).toBe(0.5);
    expect(summary.abstentionRecall).toBe(0);
    expect(errors).toEqual(['u']);
  });
});
