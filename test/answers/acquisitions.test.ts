import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';
import { extractFacts } from '../../src/facts/extractFacts';
import type { Article } from '../../src/articles/article';

function article(text: string, language: 'fr' | 'en'): Article {
  return { id: 'inline', source: 'inline.txt', title: 'inline', language, published: '2020-07-16', url: null, text };
}
const ties = (text: string, language: 'fr' | 'en' = 'fr') =>
  extractFacts(article(text, language)).partnerships.map(({ a, b, nature, direction }) => ({ a, b, nature, direction }));

describe('acquisitions and mergers as ties', () => {
  it('GIVEN « X a racheté Y », « Y, racheté par X », « le rachat de Y par X » THEN X acquires Y', () => {
    const lvmhThenTiffany = [{ a: 'LVMH', b: 'Tiffany', nature: 'acquisition', direction: 'a-to-b' }];
    expect(ties('Le groupe LVMH a finalisé le rachat de Tiffany pour 15,8 milliards de dollars.')).toEqual(lvmhThenTiffany);
    expect(ties('Le joaillier Tiffany, racheté par le groupe LVMH, ouvrira une boutique.')).toEqual(lvmhThenTiffany);
    expect(ties('Le rachat de Tiffany par LVMH est bouclé depuis jeudi.')).toEqual(lvmhThenTiffany);
    expect(ties('Last year, Microsoft acquired Activision Blizzard for $69 billion.', 'en')).toEqual([
      { a: 'Microsoft', b: 'Activision Blizzard', nature: 'acquisition', direction: 'a-to-b' },
    ]);
  });

  it('GIVEN a merger, one party spelled out with its acronym in parentheses THEN two parties merge', () => {
    expect(ties('Le projet de fusion entre Fiat Chrysler Automobiles (FCA) et PSA avance.')).toEqual([
      { a: 'Fiat Chrysler Automobiles', b: 'PSA', nature: 'merger', direction: 'mutual' },
    ]);
  });

  it('GIVEN a purchase of goods THEN a chips tie, no acquisition: « achète des puces »', () => {
    expect(ties('Microsoft achète des puces à Nvidia pour ses serveurs.').map((t) => t.nature)).toEqual(['chips']);
  });

  it('GIVEN a deal given up, denied or negated, or a name after « par » that buys nothing THEN no acquisition, no merger, no partnership', () => {
    expect(ties('Le groupe Facebook a été contraint par la FTC de renoncer au rachat de Giphy.')).toEqual([]);
    expect(ties('Le groupe Amazon rachète ses actions pour 5 milliards, imité par Apple.')).toEqual([]);
    expect(ties('Le PDG du groupe Renault a exclu toute fusion avec Nissan.')).toEqual([]);
    expect(ties('Microsoft did not acquire TikTok, which chose Oracle.', 'en')).toEqual([]);
    expect(ties('Microsoft failed to acquire the startup Figma this year.', 'en')).toEqual([]);
  });

  it('GIVEN the verb between or after the merging names THEN they merge', () => {
    const merger = [{ a: 'Renault', b: 'Nissan', nature: 'merger', direction: 'mutual' }];
    expect(ties('Hier, le groupe Renault fusionne avec Nissan.')).toEqual(merger);
    expect(ties('Hier, le groupe Renault et le groupe Nissan ont fusionné.')).toEqual(merger);
  });
});

describe('who bought, who merged', () => {
  let news: NewsFixture;
  beforeAll(async () => {
    news = await loadWrittenFixture({
      'lvmh-tiffany.md':
        '---\ntitle: LVMH boucle le rachat de Tiffany\npublished: 2021-01-07\nlang: fr\n---\n' +
        'Le groupe LVMH a finalisé jeudi le rachat du joaillier américain Tiffany pour 15,8 milliards de dollars. Tiffany rejoint ainsi Bulgari dans le pôle joaillerie.\n',
      'psa-total.md':
        '---\ntitle: PSA et Total, partenaires pour les batteries\npublished: 2020-01-30\nlang: fr\n---\n' +
        'Le groupe PSA a conclu un partenariat avec Total pour produire des batteries en France.\n',
      'psa-fca.md':
        '---\ntitle: Le mariage de PSA et Fiat Chrysler\npublished: 2020-07-16\nlang: fr\n---\n' +
        'Le projet de fusion entre les deux géants Fiat Chrysler Automobiles (FCA) et PSA avance. Le groupe issu de la fusion, Stellantis, aura son siège à Amsterdam.\n',
    });
  });
  afterAll(() => news?.close());

  it('GIVEN « Qui a racheté Tiffany ? » THEN LVMH, with the sentence that says so', async () => {
    const answer = await askVerbatim(news, 'Qui a racheté Tiffany ?');
    expect(answer).toMatchObject({ kind: 'partnership', abstained: false });
    expect(answer.answer.split('\n')[0]).toMatch(/^Rachat de Tiffany par LVMH \[1\]/u);
    expect(answer.citations[0].snippet).toContain('rachat du joaillier américain Tiffany');
  });

  it('GIVEN « Qui a racheté Total ? » and only a partnership of Total THEN no buyer is given', async () => {
    const answer = await askVerbatim(news, 'Qui a racheté Total ?');
    expect(answer.answer).not.toMatch(/PSA/u);
    expect(answer.value).toBeNull();
  });

  it('GIVEN "Who did PSA merge with?" THEN Fiat Chrysler Automobiles, as a merger, not the partner Total', async () => {
    const answer = await askVerbatim(news, 'Who did PSA merge with?');
    expect(answer).toMatchObject({ kind: 'partnership', abstained: false });
    expect(answer.answer.split('\n')[0]).toMatch(/Merger of (PSA and Fiat Chrysler Automobiles|Fiat Chrysler Automobiles and PSA) \[1\]/u);
  });
});
