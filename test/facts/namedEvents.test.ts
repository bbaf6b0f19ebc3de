import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { extractFacts } from '../../src/facts/extractFacts';
import { FactBook } from '../../src/facts/factBook';
import { NameDirectory } from '../../src/facts/nameDirectory';
import { resolveDateExpression } from '../../src/facts/resolveDateExpression';
import type { ArticleName } from '../../src/facts/learnNames';

function article(id: string, text: string, published: string): Article {
  return { id, source: `${id}.txt`, title: id, language: 'fr', published, url: null, text };
}

function claims(a: Article) {
  return extractFacts(a).dates.map(({ subject, event, start, end, status }) => ({ subject, event, start, end, status }));
}

describe('events named by what they are as the subjects of their dates', () => {
  it('GIVEN an election round dated right after its noun THEN the election of that year and round is the subject, worded as an election', () => {
    const news = article(
      'muni-fixee',
      "Le Premier ministre Edouard Philippe s'est exprimé. Le deuxième tour des municipales, prévu le 22 mars, a été reporté en raison de la crise sanitaire.",
      '2020-04-17',
    );
    expect(claims(news)).toEqual([{ subject: 'Municipales 2020 (2e tour)', event: 'election', start: '2020-03-22', end: '2020-03-22', status: 'planned' }]);
  });

  it('GIVEN « la date du Brexit fixée au 31 octobre » beside another dated announcement THEN the date is the Brexit\'s, not the announcer\'s', () => {
    const news = article(
      'brexit',
      "Boris Johnson a annoncé mercredi 28 août son intention de suspendre le Parlement jusqu'au 14 octobre, soit deux semaines seulement avant la date du Brexit fixée au 31 octobre.",
      '2019-08-29',
    );
    const found = claims(news);
    expect(found).toContainEqual({ subject: 'Brexit', event: 'held', start: '2019-10-31', end: '2019-10-31', status: 'planned' });
    expect(found.filter((c) => c.start === '2019-10-31')).toHaveLength(1);
  });

  it('GIVEN an event noun framed as another day (the lifting of, the eve of) or a candidate\'s dated post THEN no date of that event', () => {
    const news = article(
      'frames',
      'Le Premier ministre Edouard Philippe parle. Depuis la levée du confinement le 11 mai, 109 foyers ont été repérés. ' +
        'Benjamin Griveaux, candidat LREM pour les municipales à Paris, a publié mardi 16 juillet une photographie.',
      '2020-05-29',
    );
    expect(claims(news)).toEqual([]);
  });

  it('GIVEN two countries\' presidential elections of one year THEN the later article does not move the other\'s date; a postponement moves a round', () => {
    const articles = [
      article('belarus', "L'opposant Sergueï Tikhanovski ne pourra pas se présenter à l'élection présidentielle prévue le 9 août.", '2020-06-18'),
      article('usa', 'Le président Donald Trump veut remporter la présidentielle du 3 novembre face à Joe Biden.', '2020-08-10'),
      article('muni-1', 'Le Premier ministre Edouard Philippe parle. Le second tour des municipales, prévu le 22 mars, sera décisif.', '2020-03-10'),
      article('muni-2', 'Le Premier ministre Edouard Philippe parle. Le second tour des municipales, reporté au 28 juin, se tiendra dans les mairies.', '2020-05-22'),
    ];
    const book = new FactBook(articles.map((a) => extractFacts(a)), articles);
    const presidential = book.timeline('Présidentielle 2020').events;
    expect(presidential.map((e) => [e.start, e.superseded])).toEqual([
      ['2020-08-09', false],
      ['2020-11-03', false],
    ]);
    const round = book.timeline('Municipales 2020 (2e tour)').events;
    expect(round.map((e) => [e.event, e.start, e.superseded])).toEqual([
      ['election', '2020-03-22', true],
      ['postponement', '2020-06-28', false],
    ]);
  });
});

describe('dated subjects that are no event\'s', () => {
  it('GIVEN a study « publiée mercredi » THEN the study\'s maker gets no release, a product still does', () => {
    const news = article(
      'publication',
      "Les troubles pourraient venir du virus, selon une étude de l'université américaine de Yale publiée mercredi. Sony a publié mardi 8 septembre la PlayStation 5 Digital.",
      '2020-09-10',
    );
    expect(claims(news).map((c) => c.subject)).toEqual(['PlayStation 5 Digital']);
  });

  it('GIVEN a name the article also writes in lower case, or a name qualifying another noun far from the event word THEN it is no dated subject', () => {
    const news = article(
      'common',
      "La santé des malades inquiète les soignants de Lille. Le nombre de cas de Covid-19 augmente à Lille, a annoncé mardi la Santé. " +
        'La ministre Agnès Buzyn est à Lille.',
      '2020-09-08',
    );
    expect(claims(news)).toEqual([]);
  });

  it('GIVEN a day written with its weekday THEN its year is the one where it falls on that weekday, nearest the article', () => {
    const sentence = 'Le nouveau plafond sera effectif à partir du 11 mai, date du déconfinement annoncé par le président lors de son allocution, lundi 13 avril.';
    expect(resolveDateExpression('lundi 13 avril', '2020-04-16', 'fr', { sentence }).start).toBe('2020-04-13');
    expect(resolveDateExpression('13 avril', '2020-04-16', 'fr', { past: false }).start).toBe('2021-04-13');
    const slip = article('slip', 'La société Sovivo a annoncé vendredi 7 juillet un rappel de lots de viande hachée.', '2018-07-07');
    expect(claims(slip).map((c) => c.start)).toEqual(['2018-07-07']);
  });
});

describe('NameDirectory: a title\'s complement run into a person\'s name', () => {
  it('GIVEN « Santé Olivier Véran » where the corpus types « Olivier Véran » a person THEN it is a person too', () => {
    const people: ArticleName[] = [{ name: 'Olivier Véran', kind: 'person', count: 2 }, { name: 'Santé Olivier Véran', kind: 'other', count: 1 }, { name: 'Santé Publique France', kind: 'other', count: 1 }];
    const directory = new NameDirectory(people);
    expect(directory.kindOf('Santé Olivier Véran')).toBe('person');
    expect(directory.kindOf('Santé Publique France')).toBe('other');
  });
});
