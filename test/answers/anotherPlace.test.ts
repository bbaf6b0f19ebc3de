import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'bilan-europe.md':
      '---\ntitle: "Coronavirus : le bilan s\'alourdit en Europe"\npublished: 2020-04-05\nlang: fr\n---\n' +
      "En Italie, les hôpitaux du nord restent saturés et le bilan du coronavirus continue de s'alourdir. " +
      "L'Espagne a quant à elle enregistré 674 morts dues au coronavirus au cours des dernières 24 heures. " +
      'Les deux pays prolongent le confinement.\n',
    'bilan-allemagne.md':
      '---\ntitle: "L\'Allemagne résiste au coronavirus"\npublished: 2020-04-06\nlang: fr\n---\n' +
      "En Allemagne, le coronavirus a fait 1.584 morts, bien moins qu'ailleurs en Europe.\n",
  });
});
afterAll(() => news?.close());

describe('a figure asked about one place, in a sentence about another', () => {
  it('GIVEN « Combien de morts du coronavirus en Italie ? » and only Spain’s figure beside a sentence about Italy THEN Spain’s figure is not given for Italy', async () => {
    const answer = await askVerbatim(news, 'Combien de morts du coronavirus en Italie ?');
    expect(answer.value ?? '').not.toMatch(/674/u);
  });

  it('GIVEN the same question about the place the sentence names THEN its figure answers', async () => {
    const answer = await askVerbatim(news, 'Combien de morts du coronavirus en Espagne ?');
    expect(answer.abstained).toBe(false);
    expect(answer.value).toMatch(/674/u);
  });

  it('GIVEN a figure given with its own place THEN it answers for that place', async () => {
    const answer = await askVerbatim(news, 'Combien de morts du coronavirus en Allemagne ?');
    expect(answer.abstained).toBe(false);
    expect(answer.value).toMatch(/1\.584/u);
  });
});
