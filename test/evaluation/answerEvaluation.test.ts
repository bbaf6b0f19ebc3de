import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer';
import { formatOrangesumReport, formatPiafReport, type OrangesumSetReport, type PiafReport } from '../../src/evaluation/answerReports';
import { runOrangesumSet, scoreOrangesumAnswer, summariseBySplit, summariseOrangesum, type CitedShortAnswer } from '../../src/evaluation/orangesumAnswers';
import { parseOrangesumQuestions, type OrangesumQuestion } from '../../src/evaluation/orangesumQuestions';
import { loadPiaf, piafArticleText, runPiafAnswers, scorePiafAnswer, summarisePiaf } from '../../src/evaluation/piafAnswers';
import { seededSample } from '../../src/evaluation/seededSample';
import { fromPeerAnswer, fromScoopAnswer } from '../../bench/evalSections';

const PIAF = path.resolve(process.cwd(), '../shared/corpora/piaf-dev.json.gz');

function question(fields: Partial<OrangesumQuestion> & Pick<OrangesumQuestion, 'id'>): OrangesumQuestion {
  const line = JSON.stringify({
    question: 'Quand ?',
    language: 'fr',
    crossLanguage: false,
    type: 'date',
    answerable: true,
    expected: ['2022'],
    expectedIso: '2022',
    article: { line: 1, title: 'Titre' },
    focus: ['Roadster'],
    split: 'dev',
    ...fields,
  });
  const parsed = parseOrangesumQuestions('inline.jsonl', line);
  expect(parsed.problems).toEqual([]);
  return parsed.questions[0];
}

const roadster = { id: 'a1', title: 'Tesla Roadster : arrivée repoussée', text: "L'arrivée du Tesla Roadster est repoussée à 2022." };
const other = { id: 'a2', title: 'Cybertruck', text: 'Le Cybertruck arrive fin 2022.' };
const words = (id: string) => ({ a1: ['tesla', 'roadster', '2022'], a2: ['cybertruck', '2022'] } as Record<string, string[]>)[id] ?? null;
const reply = (fields: Partial<CitedShortAnswer>): CitedShortAnswer => ({ answer: '', abstained: false, citedArticleIds: [], ...fields });

describe('scoring the OrangeSum set', () => {
  const answerable = question({ id: 'q1' });
  const unanswerable = question({ id: 'u1', answerable: false, expected: [], expectedIso: undefined, focus: ['Roadster', 'troisième génération'], note: 'another version' });

  it('GIVEN an answerable question answered with the value from an article naming the focus THEN it is right', () => {
    const outcome = scoreOrangesumAnswer(answerable, reply({ answer: 'En 2022 [1]\nsupport', value: '2022', citedArticleIds: ['a1'] }), words);
    expect(outcome).toMatchObject({ right: true, valueMatches: true, declined: false, citesUnfocusedArticle: false });
  });

  it('GIVEN the right value cited from an article that does not name the focus THEN it is right but counted as citing an unfocused article', () => {
    const outcome = scoreOrangesumAnswer(answerable, reply({ value: '2022', citedArticleIds: ['a2'] }), words);
    expect(outcome).toMatchObject({ right: true, citesUnfocusedArticle: true });
  });

  it('GIVEN no value THEN the first line is scored; a wrong year is wrong', () => {
    expect(scoreOrangesumAnswer(answerable, reply({ answer: 'Fin 2021 [1]\n2022 ailleurs' }), words).right).toBe(false);
    expect(scoreOrangesumAnswer(answerable, reply({ answer: 'En 2022 [1]' }), words).right).toBe(true);
  });

  it('GIVEN a decline THEN an unanswerable question is right and an answerable one wrong, and a decline cites nothing', () => {
    const declined = reply({ abstained: true, answer: "Les articles ne le disent pas.", citedArticleIds: ['a2'] });
    expect(scoreOrangesumAnswer(unanswerable, declined, words)).toMatchObject({ right: true, citesUnfocusedArticle: false, value: '' });
    expect(scoreOrangesumAnswer(answerable, declined, words).right).toBe(false);
  });

  it('GIVEN an unanswerable question answered from the close article THEN it is wrong and the citation lacks the focus', () => {
    const outcome = scoreOrangesumAnswer(unanswerable, reply({ value: '2022', citedArticleIds: ['a1'] }), words);
    expect(outcome).toMatchObject({ right: false, citesUnfocusedArticle: true });
  });

  it('GIVEN a citation of an article the corpus does not hold THEN it counts as unfocused', () => {
    expect(scoreOrangesumAnswer(answerable, reply({ value: '2022', citedArticleIds: ['nowhere'] }), words).citesUnfocusedArticle).toBe(true);
  });

  it('GIVEN outcomes THEN declines justified is the share of declines on unanswerable questions, null without declines', () => {
    const outcomes = [
      scoreOrangesumAnswer(unanswerable, reply({ abstained: true }), words),
      scoreOrangesumAnswer(answerable, reply({ abstained: true }), words),
      scoreOrangesumAnswer(answerable, reply({ value: '2022', citedArticleIds: ['a2'] }), words),
    ];
    expect(summariseOrangesum(outcomes)).toMatchObject({ questions: 3, declines: 2, declinesJustified: 0.5, unfocusedCitations: 1, unanswerableDeclined: 1, answerableRight: 0.5 });
    expect(summariseOrangesum(outcomes.slice(2)).declinesJustified).toBeNull();
  });

  it('GIVEN an answerer that throws THEN the question is a failed wrong answer and the run goes on; figures are kept per half', async () => {
    const heldout = question({ id: 'h1', split: 'heldout' });
    const errors: string[] = [];
    const outcomes = await runOrangesumSet(
      [answerable, heldout],
      async (text) => {
        if (errors.length === 0) {
          errors.push(text);
          throw new Error('boom');
        }
        return reply({ value: '2022', citedArticleIds: ['a1'] });
      },
      [roadster, other],
      (q) => errors.push(q.id),
    );
    expect(outcomes.map((o) => [o.id, o.right, o.failed])).toEqual([['q1', false, true], ['h1', true, false]]);
    expect(errors).toEqual(['Quand ?', 'q1']);
    const bySplit = summariseBySplit(outcomes);
    expect(Object.keys(bySplit)).toEqual(['dev', 'heldout']);
    expect(bySplit.heldout.all.right).toBe(1);
    expect(bySplit.dev.byType.date.failed).toBe(1);
  });

  it('GIVEN a report THEN the tables show each half apart with the declines and the unfocused citations', () => {
    const outcomes = [scoreOrangesumAnswer(answerable, reply({ value: '2022', citedArticleIds: ['a1'] }), words), scoreOrangesumAnswer(question({ id: 'h2', split: 'heldout' }), reply({ abstained: true }), words)];
    const report: OrangesumSetReport = {
      files: ['dev.jsonl', 'heldout.jsonl'],
      corpus: { path: 'news', articles: 2, passages: 2 },
      questions: 2,
      problems: [],
      systems: [{ name: 'Scoop', description: 'the answerer', bySplit: summariseBySplit(outcomes) }],
      devAnswers: [],
      notes: [],
      ms: 1,
    };
    const text = formatOrangesumReport(report);
    expect(text).toMatch(/OrangeSum set, dev \(tuned on\), 1 questions/);
    expect(text).toMatch(/held-out \(never tuned on/);
    expect(text).toMatch(/declines justified\s+0\.0% \(0\/1\)/);
    expect(text).toMatch(/answers citing an article without the focus\s+0/);
    expect(text).toMatch(/right, type date \(1\)\s+100\.0%/);
  });
});

describe('scoring PIAF answers', () => {
  it('GIVEN a value THEN it is scored; declined scores 0; the first-line share looks at the first line only', () => {
    expect(scorePiafAnswer('p1', { answer: 'En 1998, à Paris [1]', value: '1998', abstained: false }, '1998')).toMatchObject({ f1: 1, exactMatch: true, inFirstLine: true });
    expect(scorePiafAnswer('p2', { answer: 'Voici\n1998', abstained: false }, '1998')).toMatchObject({ f1: 0, inFirstLine: false });
    expect(scorePiafAnswer('p3', { answer: '1998', abstained: true }, '1998')).toMatchObject({ f1: 0, declined: true });
  });

  it('GIVEN outcomes THEN the summary averages F1 and counts declines and failures', async () => {
    const questions = [
      { id: 'p1', question: 'Quand ?', answer: '1998', article: 'x', paragraph: 0 },
      { id: 'p2', question: 'Qui ?', answer: 'Émile Zola', article: 'x', paragraph: 0 },
      { id: 'p3', question: 'Où ?', answer: 'Paris', article: 'x', paragraph: 0 },
    ];
    const outcomes = await runPiafAnswers(questions, async (text) => {
      if (text === 'Où ?') throw new Error('down');
      return text === 'Quand ?' ? { answer: '1998', abstained: false } : { answer: '', abstained: true };
    });
    expect(summarisePiaf(outcomes)).toEqual({ questions: 3, f1: 1 / 3, exactMatch: 1 / 3, answerInFirstLine: 1 / 3, declined: 1 / 3, failed: 1 });
  });

  it('GIVEN a PIAF report THEN the table has one column per system with its question count', () => {
    const summary = summarisePiaf([scorePiafAnswer('p', { answer: '1998', abstained: false }, '1998')]);
    const report: PiafReport = { dataset: 'piaf.json', corpus: { path: 'news', articles: 1, passages: 1 }, questions: 1, sampleSeed: 7, systems: [{ name: 'Scoop', description: 'd', summary }], notes: [], ms: 1 };
    expect(formatPiafReport(report)).toMatch(/short-answer token F1\s+1\.000/);
    expect(formatPiafReport(report)).toContain('Scoop (1)');
  });

  it.skipIf(!existsSync(PIAF))('GIVEN the PIAF file (../shared/corpora) THEN it has 3,429 questions over 191 articles, each naming an article it holds', async () => {
    const piaf = await loadPiaf(PIAF);
    expect(piaf.questions).toHaveLength(3429);
    expect(piaf.articles).toHaveLength(191);
    const ids = new Set(piaf.articles.map((article) => article.id));
    expect(piaf.questions.every((q) => ids.has(q.article))).toBe(true);
    expect(piafArticleText(piaf.articles[0]).startsWith(`${piaf.articles[0].title}\n\n`)).toBe(true);
  });
});

describe('seeded samples', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);

  it('GIVEN a seed THEN the sample is the same on every call, in input order, without repeats', () => {
    const sample = seededSample(items, 10, 7);
    expect(seededSample(items, 10, 7)).toEqual(sample);
    expect(new Set(sample).size).toBe(10);
    expect([...sample].sort((a, b) => a - b)).toEqual(sample);
    expect(seededSample(items, 10, 8)).not.toEqual(sample);
  });

  it('GIVEN a size at least the list length THEN the whole list', () => {
    expect(seededSample(items, 500, 7)).toEqual(items);
  });
});

describe('reading answers for scoring', () => {
  it("GIVEN Scoop's answer THEN its value is used once it has one, and the cited articles are listed", () => {
    const base: Answer = { question: 'q', standaloneQuestion: 'q', language: 'fr', kind: 'fact', answer: 'En 2022 [1]', value: null, confidence: 0, abstained: false, citations: [], related: [], timings: {} };
    const citation = { n: 1, articleId: 'a1', source: 's', title: 't', published: null, url: null, start: 0, end: 4, snippet: 'text' };
    expect(fromScoopAnswer({ ...base, citations: [citation] })).toEqual({ answer: 'En 2022 [1]', value: null, abstained: false, citedArticleIds: ['a1'] });
    expect(fromScoopAnswer({ ...base, value: '2022' } as Answer).value).toBe('2022');
  });

  it("GIVEN the peer's top passage THEN its first sentence is the short answer and it never declines", () => {
    const text = 'Le Roadster arrivera en 2022. Le Cybertruck avant.';
    const read = fromPeerAnswer({ text, abstained: false, citations: [{ articleId: 'a1', source: 's', start: 0, end: text.length, snippet: text }] });
    expect(read).toEqual({ answer: text, value: 'Le Roadster arrivera en 2022.', abstained: false, citedArticleIds: ['a1'] });
  });
});
