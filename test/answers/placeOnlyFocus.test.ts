import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'conseil-de-paris.md':
      '---\ntitle: Les contrats du Conseil de Paris prolongés\npublished: 2020-04-02\nlang: fr\n---\n' +
      "Compte tenu du report du second tour des élections, les contrats des collaborateurs des groupes politiques du Conseil de Paris ont été prolongés jusqu'au 21 juin, date hypothétique du second tour. " +
      "À Paris, la maire a rappelé que les élus restaient en fonction.\n",
    'marches-paris.md':
      '---\ntitle: Les marchés bientôt fermés à Paris ?\npublished: 2020-03-30\nlang: fr\n---\n' +
      'Les marchés alimentaires de Paris pourraient fermer la semaine prochaine, a indiqué la préfecture de police de Paris.\n',
  });
});
afterAll(() => news?.close());

describe('a question that names only a place', () => {
  it('GIVEN « le marathon de Paris » and articles that name Paris but not the marathon THEN no date is taken from them', async () => {
    const answer = await askVerbatim(news, 'Le marathon de Paris avait été reporté une première fois à quelle date ?');
    expect(answer.abstained).toBe(true);
    expect(answer.value).toBeNull();
  });

  it('GIVEN a question about what those articles do tell THEN it is still answered from them', async () => {
    const answer = await askVerbatim(news, "Jusqu'à quand les contrats des collaborateurs du Conseil de Paris ont-ils été prolongés ?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer.split('\n')[0]).toMatch(/21 juin/u);
  });
});
