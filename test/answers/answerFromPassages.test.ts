import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { answerFromPassages } from '../../src/answers/answerFromPassages';
import { readQuestion } from '../../src/answers/readQuestion';
import type { SearchHit } from '../../src/retrieval/searchHit';

function article(id: string, title: string, text: string, published = '2020-06-12'): Article {
  return { id, source: `${id}.txt`, title, language: 'fr', published, url: null, text };
}

/** One hit per article, its whole text as one passage, in the order given. */
function hitsOf(...articles: Article[]): SearchHit[] {
  return articles.map((a, i) => ({
    article: a,
    passage: { id: `${a.id}:0`, articleId: a.id, ordinal: 0, start: 0, end: a.text.length, text: a.text },
    score: 1 - i / 10,
  }));
}

/** Shares as a corpus would give them: common words common, the rare ones rare. */
const COMMON = new Set(['jour', 'annee', 'an', 'prix', 'cout', 'combien', 'date', 'report', 'connu', 'franc']);
const termShare = (term: string) => (COMMON.has(term) ? 0.2 : term.startsWith('~') ? 0.05 : 0.0005);

describe('answerFromPassages: no answer from an article about something else', () => {
  it('GIVEN an article naming the company but never the rare thing asked (batteries) THEN no answer is taken from it', () => {
    const aston = article(
      'a1',
      'Aston Martin présente deux éditions spéciales',
      "Aston Martin présente deux éditions spéciales. La marque s'est associée avec Metro Goldwyn Mayer Studios pour ces séries limitées.",
    );
    const reading = readQuestion("Aston Martin s'est associé avec qui pour ses batteries ?", 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(aston))).toMatchObject({ reason: 'focus-absent' });
  });

  it('GIVEN a date question about one race and a sentence about another race of the same article THEN that date is not the answer', () => {
    const roundUp = article(
      'r1',
      'Le point sur la pandémie dans le monde',
      "A Paris, les terrasses rouvrent. Le marathon de New York, qui fête cette année sa cinquantième édition, est annulé et reporté au 7 novembre 2021.",
    );
    const reading = readQuestion('Le marathon de Paris avait été reporté à quelle date ?', 'fr', { termShare });
    const found = answerFromPassages(reading, hitsOf(roundUp));
    expect('reason' in found).toBe(true);
  });

  it('GIVEN a date question and the sentence that moves the date THEN the new date, with its year from the article', () => {
    const plan = article(
      'p1',
      'Castex présente son plan',
      "Le Premier ministre a esquissé le plan de relance de 100 milliards d'euros, dont la présentation devait initialement avoir lieu mardi, finalement repoussée au jeudi 3 septembre.",
      '2020-08-27',
    );
    const reading = readQuestion('Le plan de relance de 100 milliards, il est présenté quel jour finalement ?', 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(plan))).toMatchObject({ value: '3 septembre 2020', type: 'date' });
  });

  it('GIVEN a price question and only a product name near the asked words THEN declines rather than give the name as a price', () => {
    const tests = article('t1', 'Les tests antigéniques autorisés', 'Les tests RT-PCR doivent être analysés en laboratoire, contrairement aux tests antigéniques de dépistage.');
    const reading = readQuestion('Combien est facturé un test PCR de dépistage ?', 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(tests))).toMatchObject({ reason: 'not-stated' });
  });

  it('GIVEN "how many days of storms" THEN the count of days, not another count of the same sentence', () => {
    const storms = article(
      's1',
      "L'année 2018, la plus orageuse",
      "Avec 10 000 dons par jour en moyenne, la collecte tient. L'année 2018 a été la plus orageuse en France, avec 296 jours d'orage.",
      '2019-01-03',
    );
    const reading = readQuestion("Combien de jours d'orage la France a-t-elle connus en 2018 ?", 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(storms))).toMatchObject({ value: '296' });
  });

  it('GIVEN a question in the past about a postponed trial and "reporté au 6 juillet" THEN the date ahead of the article, not a year back', () => {
    const trial = article(
      'j1',
      'Algérie: le procès de Tahkout reporté',
      "Le principal protagoniste en est l'homme d'affaires Mahieddine Tahkout. Son procès, qui devait débuter ce mercredi, a été reporté au 6 juillet.",
      '2020-07-01',
    );
    const reading = readQuestion('Le procès de Tahkout a été renvoyé à quelle date ?', 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(trial))).toMatchObject({ value: '6 juillet 2020', type: 'date' });
  });

  it('GIVEN a price written with the euro sign after it THEN the amount with its sign, and a price question takes it', () => {
    const lego = article('l1', 'La Lamborghini Sián en LEGO Technic', 'Le modèle LEGO Technic de la Lamborghini Sián FKP 37 sera vendu 379,99 € pour 3 696 pièces.');
    const reading = readQuestion('Le LEGO Technic de la Lamborghini Sián, il coûte combien ?', 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(lego))).toMatchObject({ value: '379,99 €', type: 'amount' });
  });

  it('GIVEN "who" and a sentence naming a minister by her portfolio THEN the portfolio is not given as the person', () => {
    const poll = article('m1', 'Gouvernement : les ministres préférés', 'Dans le détail, la ministre des Sports, Laura Flessel, reste devant le ministre des Affaires étrangères.');
    const reading = readQuestion('Qui a remplacé Laura Flessel au ministère des Sports ?', 'fr', { termShare });
    const found = answerFromPassages(reading, hitsOf(poll));
    expect('value' in found ? found.value : null).not.toBe('Affaires');
    expect(found).toEqual({ reason: 'focus-absent' });
  });
});

describe('answerFromPassages: the span a question asks for', () => {
  it('GIVEN "in what year" and a date given to the day THEN the year alone, as asked', () => {
    const arctic = article('ar1', "L'Arctique canadien", "Le 3 mars 1925, le Canada revendique officiellement la portion de l'Arctique située entre deux méridiens.");
    const reading = readQuestion("En quelle année le Canada revendique-t-il la portion de l'Arctique ?", 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(arctic))).toMatchObject({ value: '1925', type: 'date' });
  });

  it('GIVEN "when" and the same date THEN the whole date', () => {
    const arctic = article('ar2', "L'Arctique canadien", "Le 3 mars 1925, le Canada revendique officiellement la portion de l'Arctique située entre deux méridiens.");
    const reading = readQuestion("Quand le Canada revendique-t-il la portion de l'Arctique ?", 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(arctic))).toMatchObject({ value: '3 mars 1925', type: 'date' });
  });

  it('GIVEN "what did the debates bear on" THEN the phrase after the asked verb, not a word wedged between the asked words', () => {
    const linguistics = article(
      'ie1',
      "L'indo-européen",
      "Les comparaisons décisives pour les querelles sur l'indo-européen à l'époque portent sur les noms d'arbres et de mammifères, les concepts de l'agriculture et de l'élevage.",
    );
    const reading = readQuestion("Sur quoi ont porté les querelles sur l'indo-européen ?", 'fr', { termShare });
    const found = answerFromPassages(reading, hitsOf(linguistics));
    expect('reason' in found ? found.reason : found.value).toMatch(/^noms d'arbres et de mammifères/u);
  });

  it('GIVEN "what did the schools become" THEN what they became, whole, not the year of the reform', () => {
    const reform = article(
      'univ1',
      'Les universités',
      "Après la réforme des universités de 2000, de nombreux établissements d'enseignement supérieur sont devenus des universités à part entière.",
    );
    const reading = readQuestion('Que sont devenus de nombreux établissements après la réforme ?', 'fr', { termShare });
    expect(answerFromPassages(reading, hitsOf(reform))).toMatchObject({ value: 'universités à part entière' });
  });

  it('GIVEN a question naming nothing, worded with a rare verb its article never uses THEN the answer is still read from the article that tells it', () => {
    const parable = article('f1', 'La parabole du fils prodigue', 'Au retour de son fils, le père fait tuer le veau gras pour le fêter.');
    const rareVerb = (term: string) => (term === 'rot' || term === 'rotir' ? 0.0005 : 0.01);
    const reading = readQuestion('Quel animal le père a-t-il fait rôtir au retour de son fils ?', 'fr', { termShare: rareVerb });
    const found = answerFromPassages(reading, hitsOf(parable));
    expect('reason' in found ? found.reason : found.value).toContain('veau gras');
  });

  it('GIVEN « quel vaccin » and a sentence naming the vaccine right after the word THEN that name, not another phrase of the sentence', () => {
    const order = article(
      'v1',
      'La Hongrie fait cavalier seul',
      'Après des semaines de négociations avec Bruxelles, la Hongrie a finalement commandé deux millions de doses du vaccin Spoutnik V, a annoncé le gouvernement.',
    );
    const reading = readQuestion('Quel vaccin la Hongrie a-t-elle commandé ?', 'fr', { termShare });
    const found = answerFromPassages(reading, hitsOf(order));
    expect('value' in found ? found.value : null).toMatch(/^Spoutnik/);
  });

  it('GIVEN "which reasoning model" and the asked noun just before a comma and a name THEN not the name past the comma', () => {
    const roadmap = article(
      'o1',
      'OpenAI roadmap',
      "GPT-4.5 will be OpenAI's last model without chain-of-thought reasoning, Altman wrote. GPT-5 will then fold in the o3 reasoning model.",
    );
    const reading = readQuestion('Which reasoning model will GPT-5 fold in?', 'en', { termShare });
    const found = answerFromPassages(reading, hitsOf({ ...roadmap, language: 'en' }));
    expect('value' in found ? found.value : null).toBe('o3');
  });
});

describe('answerFromPassages: a question in English about French articles', () => {
  const enShare = (term: string) => (term.startsWith('~') ? 0.001 : term === 'insur' || term === 'call' ? 0.0005 : 0.2);

  it('GIVEN an English question whose rare words the French article says in French THEN it answers from it', () => {
    const reform = article(
      'u1',
      'Chômage, tarifs... Ce qui change au 1er avril et ce qui a été reporté',
      "Le second volet de la réforme de l'assurance chômage, qui durcit le calcul de l'allocation, est reporté au 1er septembre.",
      '2020-03-31',
    );
    const reading = readQuestion('The second part of the unemployment insurance reform got pushed back to when?', 'en', { termShare: enShare });
    expect(answerFromPassages(reading, hitsOf(reform))).toMatchObject({ value: '1 September 2020', type: 'date' });
  });

  it('GIVEN an English question whose translated rare word the French article never uses THEN no answer from it', () => {
    const genetics = article(
      'g1',
      "La génétique, une autre clé de l'inégalité face au Covid-19",
      "Des chercheurs de New York étudient les gènes des malades. Certains patients jeunes ont été hospitalisés en avril 2020.",
      '2020-06-01',
    );
    const reading = readQuestion("What's the new date for the New York marathon after it was called off?", 'en', { termShare: enShare });
    expect(answerFromPassages(reading, hitsOf(genetics))).not.toHaveProperty('value');
  });
});
