import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { containsWords, matchesExpected, valueTokens } from '../../src/evaluation/expectedValues';
import {
  acceptedForms,
  articleWords,
  checkArticleReferences,
  namesFocus,
  orangesumSource,
  parseOrangesumQuestions,
  type OrangesumQuestion,
} from '../../src/evaluation/orangesumQuestions';

const SET_DIR = 'test/fixtures/orangesum-questions';
const HALVES = ['dev', 'heldout'] as const;
const ORANGESUM = path.resolve(process.cwd(), '../shared/corpora/orangesum-10k.jsonl.gz');
const CORPUS_FILE = 'orangesum-10k.jsonl.gz';

function readHalf(half: string) {
  const file = path.join(SET_DIR, `${half}.jsonl`);
  return parseOrangesumQuestions(file, readFileSync(file, 'utf8'));
}

const halves = Object.fromEntries(HALVES.map((half) => [half, readHalf(half)]));
const all: OrangesumQuestion[] = HALVES.flatMap((half) => halves[half].questions);

const FRENCH_MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

/**
 * Whether an article states a date as news does, without the year the answer
 * must resolve: the day and the month within a few words ("le 17 octobre",
 * "du 25 au 29 mars"), the month alone for a month, the year for a year.
 */
function statesDate(words: readonly string[], iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  if (month === undefined) return words.includes(String(year));
  const monthName = FRENCH_MONTHS[month - 1];
  if (day === undefined) return words.includes(monthName);
  const dayWords = day === 1 ? ['1', '1er'] : [String(day)];
  return words.some((word, i) => dayWords.includes(word) && words.slice(i + 1, i + 5).includes(monthName));
}

describe('the OrangeSum question files', () => {
  it('GIVEN each half THEN every line is a valid question, in the half its file names', () => {
    for (const half of HALVES) {
      expect(halves[half].problems).toEqual([]);
      expect(halves[half].questions.length).toBeGreaterThan(40);
      expect(halves[half].questions.every((question) => question.split === half)).toBe(true);
    }
  });

  it('GIVEN every question THEN ids are unique and English questions are the cross-language ones', () => {
    expect(new Set(all.map((question) => question.id)).size).toBe(all.length);
    for (const question of all) expect(question.crossLanguage).toBe(question.language === 'en');
  });

  it('GIVEN every answerable date question THEN its ISO value is among the accepted forms', () => {
    for (const question of all.filter((q) => q.answerable && q.type === 'date')) {
      expect(question.expectedIso, question.id).toBeDefined();
      expect(matchesExpected(question.expectedIso ?? '', acceptedForms(question)), question.id).toBe(true);
    }
  });
});

function countsBy(questions: readonly OrangesumQuestion[], key: (question: OrangesumQuestion) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const question of questions) counts.set(key(question), (counts.get(key(question)) ?? 0) + 1);
  return counts;
}

describe('the dev / held-out split', () => {
  const [dev, heldout] = [halves.dev.questions, halves.heldout.questions];

  it('GIVEN the whole set THEN it has at least 100 questions, 25 unanswerable, a third cross-language, every type', () => {
    expect(all.length).toBeGreaterThanOrEqual(100);
    expect(all.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(25);
    expect(all.filter((q) => q.crossLanguage).length).toBeGreaterThanOrEqual(all.length / 3);
    expect(new Set(all.map((q) => q.type)).size).toBe(7);
    expect(all.filter((q) => q.type === 'date' && q.role !== undefined).length).toBeGreaterThanOrEqual(10);
  });

  it('GIVEN the two halves THEN no question and no article is in both (questions about one article stay together)', () => {
    const ids = new Set(dev.map((q) => q.id));
    expect(heldout.filter((q) => ids.has(q.id))).toEqual([]);
    const linesOf = (q: OrangesumQuestion) => [q.article.line, ...q.alsoIn.map((a) => a.line)];
    const devLines = new Set(dev.flatMap(linesOf));
    expect(heldout.filter((q) => linesOf(q).some((line) => devLines.has(line))).map((q) => q.id)).toEqual([]);
  });

  /** Questions os-d101 to os-d140 were written later, over articles drawn afresh, for the dev half only (see README): the split's balance is the original questions'. */
  const drawnLater = (q: OrangesumQuestion) => /^os-d1\d\d$/u.test(q.id);

  it('GIVEN the two halves THEN they are balanced by type, language and answerability (within 2 questions)', () => {
    const dev = halves.dev.questions.filter((q) => !drawnLater(q));
    const dimensions: [string, (q: OrangesumQuestion) => string][] = [
      ['size', () => 'all'],
      ['type', (q) => q.type],
      ['language', (q) => q.language],
      ['answerable', (q) => String(q.answerable)],
    ];
    for (const [name, key] of dimensions) {
      const inDev = countsBy(dev, key);
      const inHeldout = countsBy(heldout, key);
      for (const group of new Set([...inDev.keys(), ...inHeldout.keys()])) {
        const difference = Math.abs((inDev.get(group) ?? 0) - (inHeldout.get(group) ?? 0));
        expect(difference, `${name}=${group}`).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe.skipIf(!existsSync(ORANGESUM))('the OrangeSum questions against the corpus (../shared/corpora)', () => {
  let bySource: Map<string, Article>;
  beforeAll(async () => {
    const load = await loadCorpus(ORANGESUM);
    bySource = new Map(load.articles.map((article) => [article.source, article]));
  });

  const articleOf = (question: OrangesumQuestion): Article => {
    const article = bySource.get(orangesumSource(CORPUS_FILE, question.article.line));
    if (!article) throw new Error(`${question.id}: no article at line ${question.article.line}`);
    return article;
  };

  it("GIVEN every question THEN the article at its line has its title (and so do the articles it lists as also answering)", () => {
    expect(checkArticleReferences(all, bySource, CORPUS_FILE)).toEqual([]);
  });

  it('GIVEN a title that does not match or a line past the end THEN the check names the question', () => {
    const [first] = all;
    const shifted = { ...first, article: { line: first.article.line, title: 'Un autre titre' }, alsoIn: [{ line: 20_000, title: 'x' }] };
    const problems = checkArticleReferences([shifted], bySource, CORPUS_FILE);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(first.id);
  });

  it('GIVEN every answerable question THEN its article names its focus and states its expected value', () => {
    for (const question of all.filter((q) => q.answerable)) {
      const article = articleOf(question);
      const words = articleWords(article);
      expect(namesFocus(words, question.focus), `${question.id} focus`).toBe(true);
      const stated = question.type === 'date'
        ? acceptedForms(question).some((form) => containsWords(words, valueTokens(form))) || statesDate(words, question.expectedIso ?? '')
        : matchesExpected(article.text, acceptedForms(question));
      expect(stated, `${question.id}: no expected value in ${article.source}`).toBe(true);
    }
  });

  it('GIVEN an unanswerable question THEN its note says why and the article it looks close to is in the corpus', () => {
    for (const question of all.filter((q) => !q.answerable)) {
      expect(question.note, question.id).toBeTruthy();
      expect(articleOf(question).text.length).toBeGreaterThan(0);
    }
  });
});
