import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'randonneur.md':
      '---\ntitle: Un randonneur poursuivi par une ourse s’en sort indemne\npublished: 2018-08-23\nlang: fr\n---\n' +
      "Mardi 21 août, Lucas Meurlet a tenu tête à une ourse. Le jeune homme de 22 ans était en randonnée avec son père et son frère dans le Val d'Aran, dans les Pyrénées espagnoles. " +
      'Il a crié de toutes ses forces et la bête a fini par repartir.\n',
  });
});
afterAll(() => news?.close());

describe('a question asking an age', () => {
  it('GIVEN « Quel âge a Lucas Meurlet ? » THEN the answer is his age, not a phrase of the sentence', async () => {
    const answer = await askVerbatim(news, 'Quel âge a Lucas Meurlet ?');
    expect(answer.abstained).toBe(false);
    expect(answer.value).toMatch(/^22 ans$/u);
  });
});
