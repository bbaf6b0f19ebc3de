import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'neymar-mercato.md':
      '---\ntitle: Neymar, le mercato qui agite Paris\npublished: 2019-08-20\nlang: fr\n---\n' +
      "L'attaquant Neymar pourrait quitter Paris avant la fin du mois, selon la presse espagnole. " +
      "Le joueur Ousmane Dembélé, recruté en 2017 par le FC Barcelone, serait proposé en échange. " +
      'Les discussions se poursuivent entre les deux clubs.\n',
    'ligue-1.md':
      '---\ntitle: Ligue 1 : le PSG sans Neymar à Rennes\npublished: 2019-08-18\nlang: fr\n---\n' +
      "Privé de l'attaquant Neymar, le PSG s'est incliné à Rennes. Le milieu Marco Verratti a été remplacé à la pause.\n",
    'blue-owl.md':
      '---\ntitle: Blue Owl lève un fonds\npublished: 2024-03-02\nlang: fr\n---\n' +
      "La société de gestion Blue Owl a levé 5 milliards de dollars, a annoncé son patron Doug Ostrover. Le fonds a été souscrit par Goldman Sachs.\n",
  });
});
afterAll(() => news?.close());

describe('a sentence about another person than the one asked about', () => {
  it('GIVEN « Quel club a recruté Neymar ? » and only a sentence about Ousmane Dembélé’s transfer THEN his club is not given as Neymar’s', async () => {
    const answer = await askVerbatim(news, 'Quel club a recruté Neymar ?');
    expect(answer.value ?? '').not.toMatch(/Barcelone/u);
  });

  it('GIVEN a question about the other person THEN the same sentence still answers it', async () => {
    const answer = await askVerbatim(news, 'Quel club a recruté Ousmane Dembélé ?');
    expect(answer.abstained).toBe(false);
    expect(answer.value).toMatch(/FC Barcelone/u);
  });

  it('GIVEN a question about an organisation whose sentence names its boss THEN the sentence still answers it', async () => {
    const answer = await askVerbatim(news, 'Combien Blue Owl a-t-il levé ?');
    expect(answer.abstained).toBe(false);
    expect(answer.value).toMatch(/5 milliards de dollars/u);
  });
});

describe('a sentence about another person named by his surname alone', () => {
  let exchange: NewsFixture;

  beforeAll(async () => {
    exchange = await loadWrittenFixture({
      'neymar-echange.md':
        '---\ntitle: Neymar pourrait quitter le PSG\npublished: 2019-08-22\nlang: fr\n---\n' +
        "L'attaquant Neymar pourrait quitter Paris avant la fin du mois. Dembélé, recruté en 2017 par le FC Barcelone, serait proposé en échange.\n",
    });
  });
  afterAll(() => exchange?.close());

  it('GIVEN only a sentence about another player’s transfer, named by his surname alone THEN its year is not the year the asked player was recruited', async () => {
    const answer = await askVerbatim(exchange, 'En quelle année Neymar a-t-il été recruté ?');
    expect(answer.value ?? '').not.toMatch(/2017/u);
  });
});
