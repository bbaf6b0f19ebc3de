import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { loadNewsFixture, type NewsFixture } from './newsFixture';

/** Two articles whose sentences date an announcement, an unveiling, a launch and a first plan apart. */
let news: NewsFixture;

beforeAll(async () => {
  news = await loadNewsFixture('test/fixtures/dates');
});
afterAll(() => news?.close());

async function firstLine(question: string): Promise<string> {
  const answer = await answerQuestion(question, news.deps);
  expect(answer.abstained, answer.answer).toBe(false);
  for (const citation of answer.citations) {
    const article = news.articles.find((a) => a.id === citation.articleId)!;
    expect(citation.snippet).toBe(article.text.slice(citation.start, citation.end));
  }
  return answer.answer.split('\n')[0];
}

describe('date answers by event and role', () => {
  it('GIVEN "when was it announced?" THEN the day of the announcement (the Tuesday before the article), not the unveiling it announced', async () => {
    const line = await firstLine('Quand la Twingo a-t-elle été annoncée ?');
    expect(line).toMatch(/^L'annonce de Twingo a eu lieu le 16 septembre 2025/);
    expect(line).toContain('« mardi »');
    expect(line).not.toContain('13 octobre');
  });

  it('GIVEN the same in English THEN Thursday 16 January, not the launch on 5 June', async () => {
    const line = await firstLine('When was the Switch 2 announced?');
    expect(line).toMatch(/^Switch 2 was announced on 16 January 2025/);
    expect(line).not.toContain('June');
  });

  it('GIVEN "when will it be presented?" THEN the current date first, the first plan as a step that moved', async () => {
    const answer = await answerQuestion('Quand la Twingo sera-t-elle présentée ?', news.deps);
    const [first, ...rest] = answer.answer.split('\n');
    expect(first).toMatch(/^La présentation de Twingo est prévue le 13 octobre 2025/);
    expect(rest.join('\n')).toMatch(/Le calendrier a bougé : la présentation de Twingo était initialement prévue au printemps 2025/);
  });

  it('GIVEN "when was it originally planned?" THEN the first plan first, in words for a season, and the latest date after it', async () => {
    const answer = await answerQuestion('Quand la présentation de la Twingo était-elle prévue initialement ?', news.deps);
    const [first, second] = answer.answer.split('\n');
    expect(first).toMatch(/^La présentation de Twingo était initialement prévue au printemps 2025/);
    expect(second).toMatch(/^Dernière date : la présentation de Twingo est prévue le 13 octobre 2025/);
    const english = await firstLine('When was the Switch 2 originally planned?');
    expect(english).toMatch(/^Switch 2 was originally planned to be released in autumn 2024/);
  });

  it('GIVEN a question naming the maker and the product THEN the product is dated, the unveiling apart from the launch', async () => {
    expect(await firstLine('When will Nintendo present the Switch 2?')).toMatch(/^Switch 2 is planned to be unveiled on 22 January 2025: "on Wednesday"/);
    expect(await firstLine('When will the Switch 2 launch?')).toMatch(/^Switch 2 is planned to be launched on 5 June 2025/);
  });

  it('GIVEN a French question about an English article THEN the reply writes the dates with French words', async () => {
    const answer = await answerQuestion('Quand la Switch 2 sortira-t-elle ?', news.deps);
    expect(answer.answer).toMatch(/^Le lancement de Switch 2 est prévu le 5 juin 2025/);
    expect(answer.answer).toContain("était initialement prévue à l'automne 2024");
  });

  it('GIVEN an acquisition THEN it reads as an acquisition, dated by the past tense of its sentence ("a finalisé vendredi")', async () => {
    expect(await firstLine('Quand Microsoft a-t-il racheté Activision Blizzard ?')).toMatch(/^Le rachat d'Activision Blizzard a eu lieu le 13 octobre 2023 : « vendredi »/);
    expect(await firstLine('When was Activision Blizzard acquired?')).toMatch(/^Activision Blizzard was acquired on 13 October 2023/);
  });

  it('GIVEN a law taking effect THEN its entry into force, not a release', async () => {
    const line = await firstLine('Quand la loi Climat entre-t-elle en vigueur ?');
    expect(line).toMatch(/^L'entrée en vigueur de Climat est prévue le 1er janvier 2026/);
    expect(await firstLine('When does the Climat law take effect?')).toMatch(/entry into force is planned on 1 January 2026/);
  });

  it('GIVEN a date question about an event no article tells (an acquisition, an election) THEN declines rather than give a date of something else', async () => {
    for (const question of ['When will the Twingo be acquired?', "Quand aura lieu l'élection du président de Renault ?"]) {
      const answer = await answerQuestion(question, news.deps);
      expect(answer.abstained, answer.answer).toBe(true);
      expect(answer.answer).not.toMatch(/2025|2023/);
    }
    const answer = await answerQuestion('When will the Twingo be acquired?', news.deps);
    expect(answer.answer).toContain("don't say when the Twingo will be acquired");
  });

  it('GIVEN a date question about another year than the articles tell THEN declines rather than date this year\'s', async () => {
    for (const question of ['Quand la Twingo sera-t-elle présentée en 2027 ?', 'When will the Switch 2 launch in 2029?']) {
      const answer = await answerQuestion(question, news.deps);
      expect(answer.abstained, answer.answer).toBe(true);
      expect(answer.value).toBeNull();
    }
  });

  it('GIVEN a sentence dating what was said ("a confirmé jeudi que"), what has been ("depuis février") and what comes THEN the date of what comes', async () => {
    const line = await firstLine('Quand le Vision Pro sera-t-il disponible en France ?');
    expect(line).toMatch(/^Vision Pro : le 12 juillet 2024/);
    expect(line).not.toMatch(/jeudi|février/);
  });
});
