import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'randonneur.md':
      '---\ntitle: Un randonneur poursuivi par une ourse s’en sort indemne\npublished: 2018-08-23\nlang: fr\n---\n' +
      "Mardi 21 août, Lucas Meurlet a tenu tête à une ourse. Le jeune homme de 22 ans était en randonnée avec son père et son frère dans le Val d'Aran, dans les Pyrénées espagnoles. " +
      'Il a crié de toutes ses forces et la bête a fini par repartir.\n',
    'ourse.md':
      '---\ntitle: Une ourse croise un randonneur dans les Pyrénées\npublished: 2018-08-24\nlang: fr\n---\n' +
      "Mardi 21 août, Paul Garrigue a tenu tête à une ourse dans le Val d'Aran. Il randonne dans les Pyrénées depuis 10 ans avec son père.\n",
    'marathon.md':
      '---\ntitle: Julie Marceau court son premier marathon\npublished: 2019-04-07\nlang: fr\n---\n' +
      'Julie Marceau, 31 ans, a couru dimanche son premier marathon. Elle court depuis l’âge de 12 ans. Cela fait 10 ans qu’elle s’entraîne avec son fils de 8 ans.\n',
    'restaurant.md':
      '---\ntitle: Le chef Hugo Lemaire ouvre une deuxième adresse\npublished: 2019-05-02\nlang: fr\n---\n' +
      'Hugo Lemaire a ouvert son premier restaurant à 25 ans. Il ouvre une deuxième adresse à Lyon.\n',
    'boulangerie.md':
      '---\ntitle: La boulangerie Bouchard fête son anniversaire\npublished: 2019-03-02\nlang: fr\n---\n' +
      'La boulangerie de Marc Bouchard fête ses 40 ans. Marc Bouchard a repris l’affaire il y a 12 ans.\n',
  });
});
afterAll(() => news?.close());

describe('a question asking an age', () => {
  it('GIVEN « Quel âge a Lucas Meurlet ? » THEN the answer is his age, not a phrase of the sentence', async () => {
    const answer = await askVerbatim(news, 'Quel âge a Lucas Meurlet ?');
    expect(answer.abstained).toBe(false);
    expect(answer.value).toMatch(/^22 ans$/u);
  });

  it('GIVEN only « depuis 10 ans » or « il y a 12 ans » about the person asked THEN no span of years is given as an age', async () => {
    for (const question of ['Quel âge a Paul Garrigue ?', 'Quel âge a Marc Bouchard ?']) {
      const answer = await askVerbatim(news, question);
      expect(answer.value ?? '').not.toMatch(/1[02] ans/u);
    }
  });

  it('GIVEN an age in apposition and other numbers of years about the same person THEN the apposition is the age; an age at some past event is none', async () => {
    const julie = await askVerbatim(news, 'Quel âge a Julie Marceau ?');
    expect(julie.value).toMatch(/^31 ans$/u);
    const hugo = await askVerbatim(news, 'Quel âge a Hugo Lemaire ?');
    expect(hugo.value ?? '').not.toMatch(/25 ans/u);
  });
});

describe('a count written after a month and a comma', () => {
  let roads: NewsFixture;

  beforeAll(async () => {
    roads = await loadWrittenFixture({
      'routes.md':
        '---\ntitle: "Sécurité routière : un mois de mars meurtrier dans le Var"\npublished: 2021-04-02\nlang: fr\n---\n' +
        'Le bilan de la sécurité routière dans le Var est lourd. En mars, 30 personnes sont mortes sur les routes du département. La préfecture appelle à la prudence.\n',
      'orage.md': '---\ntitle: Un orage sur la Bretagne\npublished: 2021-04-10\nlang: fr\n---\nUn orage violent a frappé la Bretagne le 9 avril, sans faire de victime.\n',
    });
  });
  afterAll(() => roads?.close());

  it('GIVEN « En mars, 30 personnes sont mortes » THEN the number after the month and its comma is a count, not a day', async () => {
    const answer = await askVerbatim(roads, 'Combien de personnes sont mortes sur les routes du Var ?');
    expect(answer.value, answer.answer).toMatch(/^30\b/u);
  });
});
