import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { articleNamesFocus } from '../../src/answers/namesFocus';
import { readQuestion } from '../../src/answers/readQuestion';
import { askVerbatim, loadNewsFixture, type NewsFixture } from './newsFixture';

/** Three French news stories, asked about in English and French, in the words a reader would use rather than the articles'. */
let news: NewsFixture;

beforeAll(async () => {
  news = await loadNewsFixture('test/fixtures/focus');
});
afterAll(() => news?.close());

const ask = (question: string) => askVerbatim(news, question);

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

describe('a lone first name is not a country in the other language', () => {
  const article = (title: string, text: string) => ({ id: title, source: `${title}.txt`, title, language: 'fr' as const, published: '2020-06-01', url: null, text });
  const jordanie = article('jordanie', 'La Jordanie a rouvert ses frontières aux touristes le 1er juin, après trois mois de fermeture.');

  it('GIVEN "Jordan" alone (a player, a first name) THEN an article about « la Jordanie » does not name it', () => {
    expect(articleNamesFocus(jordanie, readQuestion('When did Jordan retire?', 'en'))).toBe(false);
  });

  it('GIVEN the country written as a place ("in Jordan") or a name of several words THEN the French spelling still meets it', () => {
    expect(articleNamesFocus(jordanie, readQuestion('When did the borders reopen in Jordan?', 'en'))).toBe(true);
    const zelande = article('zelande', 'La Nouvelle-Zélande a repoussé ses élections au 17 octobre.');
    expect(articleNamesFocus(zelande, readQuestion("When is New Zealand's election?", 'en'))).toBe(true);
  });
});
