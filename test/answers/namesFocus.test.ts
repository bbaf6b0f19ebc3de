import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { loadNewsFixture, type NewsFixture } from './newsFixture';

/** Three French news stories, asked about in English and French, in the words a reader would use rather than the articles'. */
let news: NewsFixture;

beforeAll(async () => {
  news = await loadNewsFixture('test/fixtures/focus');
});
afterAll(() => news?.close());

async function ask(question: string) {
  const answer = await answerQuestion(question, news.deps);
  for (const citation of answer.citations) {
    const article = news.articles.find((a) => a.id === citation.articleId)!;
    expect(citation.snippet).toBe(article.text.slice(citation.start, citation.end));
  }
  return answer;
}

describe('the focus gate reads a name as the articles write it', () => {
  it('GIVEN "New Zealand" asked of an article that writes « Nouvelle-Zélande » THEN it is answered from that article', async () => {
    const answer = await ask("Who announced that New Zealand's election would be delayed?");
    expect(answer.abstained, answer.answer).toBe(false);
    expect(answer.value).toBe('Jacinda Ardern');
    expect(answer.citations[0].title).toContain('Nouvelle-Zélande');
  });

  it('GIVEN another country than the article names THEN declines, naming it', async () => {
    const answer = await ask('Quand auront lieu les élections en Australie ?');
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toContain('Australie');
  });

  it('GIVEN a mission code the article writes in quotes, apart from the rocket\'s name (« la mission "VV16" ») THEN the count is answered', async () => {
    const answer = await ask('How many satellites is the Vega VV16 mission putting into orbit?');
    expect(answer.abstained, answer.answer).toBe(false);
    expect(answer.value).toBe('53');
    expect(answer.citations[0].snippet).toContain('"VV16"');
  });

  it('GIVEN another mission code than the article\'s THEN declines, naming it', async () => {
    const answer = await ask('Combien de satellites la mission Vega VV15 doit-elle placer en orbite ?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('Vega VV15');
  });

  it('GIVEN "Japanese" asked of an article about a Chinese company THEN declines, naming it', async () => {
    const japanese = await ask('Which Japanese company did Belgrade sign with for a wastewater treatment plant?');
    expect(japanese.abstained).toBe(true);
    expect(japanese.answer).toContain('Japanese');
  });

  it('GIVEN a nationality in lower case, as French writes it (« entreprise japonaise »), asked of an article about a Chinese company THEN declines; « chinoise » gets the company', async () => {
    const japanese = await ask('Avec quelle entreprise japonaise Belgrade a-t-elle signé pour son usine de traitement des eaux usées ?');
    expect(japanese.abstained).toBe(true);
    expect(japanese.citations).toEqual([]);
    const chinese = await ask('Avec quelle entreprise chinoise Belgrade a-t-elle signé pour son usine de traitement des eaux usées ?');
    expect(chinese.abstained, chinese.answer).toBe(false);
    expect(chinese.value).toBe('CMEC');
  });
});
