import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { answerQuestion, type AnswerDeps } from '../../src/answers/answerQuestion';
import { FactBook } from '../../src/facts/factBook';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';
import type { SearchHit } from '../../src/retrieval/searchHit';

/** Shares as a large news corpus gives them: everyday words common, the topic words rare. */
const COMMON = new Set(['raison', 'taill', 'nombr', 'anne', 'jour', 'person', 'pris', 'reduct', 'euro', 'million']);
const termShare = (term: string) => (COMMON.has(term) ? 0.05 : term.startsWith('~') ? 0.02 : 0.0004);

let articles: Article[];

beforeAll(async () => {
  articles = (await loadCorpus('test/fixtures/topics')).articles;
});

function byTitle(start: string): Article {
  const found = articles.find((a) => a.title.startsWith(start));
  if (!found) throw new Error(`no fixture article titled ${start}`);
  return found;
}

/** A search that returns every passage of the given articles, in that order, with the given scores. */
function depsReturning(ranked: Array<[Article, number]>): AnswerDeps {
  const hits: SearchHit[] = ranked.flatMap(([article, score]) => splitIntoPassages(article).slice(0, 1).map((passage) => ({ article, passage, score })));
  return { search: async () => hits, facts: new FactBook([], articles), termShare };
}

describe('answers to a question that names nothing come from an article about what it asks', () => {
  it('GIVEN a question about a volcano and close scores for articles that each share one of its words THEN declines rather than answer from the school article', async () => {
    const deps = depsReturning([
      [byTitle('Rentrée scolaire'), 1],
      [byTitle('Travaux sur la ligne'), 0.97],
      [byTitle('Le musée du Louvre'), 0.95],
      [byTitle('Islande'), 0.93],
    ]);
    const answer = await answerQuestion('Quelle est la raison de la réduction de la taille du volcan ?', deps);
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.value).toBeNull();
  });

  it('GIVEN the same articles and a question the first one is plainly about THEN answers from it', async () => {
    const deps = depsReturning([
      [byTitle('Le musée du Louvre'), 1],
      [byTitle('Travaux sur la ligne'), 0.6],
      [byTitle('Rentrée scolaire'), 0.55],
    ]);
    const answer = await answerQuestion("Combien d'euros de recettes le musée a-t-il perdu pendant la fermeture ?", deps);
    expect(answer.abstained).toBe(false);
    expect(answer.value).toBe("40 millions d'euros");
    expect(answer.citations[0].title).toMatch(/Louvre/);
  });
});
