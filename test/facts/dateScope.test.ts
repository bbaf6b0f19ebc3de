import { describe, expect, it } from 'vitest';
import { dateOfStatement, dateScope, inDateScope, scopeUndoes } from '../../src/facts/dateScope';
import type { Language } from '../../src/text/language';
import { undoes, VOCABULARIES } from '../../src/text/vocabulary';

/** What the date `date` of `sentence` dates, as the words it holds: each of `dated` is in it, none of `notDated`. */
function expectScope(sentence: string, date: string, language: Language, dated: string[], notDated: string[]): void {
  const at = sentence.indexOf(date);
  expect(at, date).toBeGreaterThanOrEqual(0);
  const scope = dateScope(sentence, { start: at, end: at + date.length }, language);
  const holds = (word: string) => {
    const start = sentence.indexOf(word);
    expect(start, word).toBeGreaterThanOrEqual(0);
    return inDateScope(scope, { start, end: start + word.length });
  };
  for (const word of dated) expect(holds(word), `${date} dates « ${word} »`).toBe(true);
  for (const word of notDated) expect(holds(word), `${date} does not date « ${word} »`).toBe(false);
}

describe('the part of a sentence a date dates', () => {
  it('GIVEN a date in a clause opened by « que » THEN it dates that clause, not the participle before it', () => {
    expectScope("Une fois élue, la maire a commandé un audit, dont les conclusions ont été rendues publiques le 2 octobre.", '2 octobre', 'fr', ['rendues'], ['élue', 'audit']);
    expectScope('Renault a annoncé lundi que la Twingo sera présentée le 13 octobre.', 'lundi', 'fr', ['annoncé'], ['présentée']);
    expectScope('Renault a annoncé lundi que la Twingo sera présentée le 13 octobre.', '13 octobre', 'fr', ['présentée', 'Twingo'], ['annoncé']);
  });

  it('GIVEN a date completing a noun (« la grève du 5 décembre contre la réforme », "the December 5 strike") THEN it dates that noun, not what follows', () => {
    expectScope('La grève du 5 décembre contre la réforme des retraites sera très suivie.', '5 décembre', 'fr', ['grève'], ['réforme', 'retraites']);
    expectScope('The December 5 strike against the pension reform was huge.', 'December 5', 'en', ['strike'], ['reform']);
    expectScope("L'élection présidentielle de 2017 a été remportée par le candidat centriste.", '2017', 'fr', ['élection'], ['remportée']);
  });

  it('GIVEN a date alone between commas or opening the sentence THEN it dates the clause beside it', () => {
    expectScope('Le 7 mai 2017, Emmanuel Macron a été élu président.', '7 mai 2017', 'fr', ['élu'], []);
    expectScope('Emmanuel Macron a été élu président, le 7 mai 2017, avec 66 % des voix.', '7 mai 2017', 'fr', ['élu'], []);
    expectScope('In May 2017, when Macron was elected, turnout fell.', 'May 2017', 'en', ['elected'], []);
    expectScope("En octobre 1945, après la chute du régime, le club retrouve son nom d'origine.", 'octobre 1945', 'fr', ['retrouve', 'nom'], []);
  });

  it('GIVEN a comma-clause of its own (« le 11 avril il montrait… ») THEN the date does not date the clauses before it', () => {
    expectScope('Pour commencer, dans un entretien télévisé, le 14 octobre il a détaillé les règles du couvre-feu.', '14 octobre', 'fr', ['détaillé', 'couvre-feu'], ['commencer']);
    expectScope('Macron, who was elected in May 2017, said on Tuesday that the reform would go ahead.', 'on Tuesday', 'en', ['said'], ['elected', 'reform']);
    expectScope('Macron, who was elected in May 2017, said on Tuesday that the reform would go ahead.', 'May 2017', 'en', ['elected'], ['said', 'reform']);
  });

  it('GIVEN a relative clause or an apposition between the subject and its verb THEN the verb\'s date still dates the subject', () => {
    expectScope('Son procès, qui devait débuter ce mercredi, a été reporté au 6 juillet.', '6 juillet', 'fr', ['procès', 'reporté'], ['débuter']);
    expectScope('Son procès, qui devait débuter ce mercredi, a été reporté au 6 juillet.', 'ce mercredi', 'fr', ['débuter'], ['reporté']);
    expectScope('Le confinement, instauré le 17 mars, a été prolongé.', '17 mars', 'fr', ['confinement', 'instauré'], ['prolongé']);
  });

  it('GIVEN two clauses joined by « et » before a verb THEN each date dates its own', () => {
    expectScope('Le confinement a commencé le 17 mars et se terminera le 11 mai.', '17 mars', 'fr', ['commencé', 'confinement'], ['terminera']);
    expectScope('Le confinement a commencé le 17 mars et se terminera le 11 mai.', '11 mai', 'fr', ['terminera'], ['commencé']);
    expectScope('Le sommet entre la France et la Chine aura lieu le 5 mai.', '5 mai', 'fr', ['sommet', 'France'], []);
  });

  it('GIVEN a comma-clause opening with « avec » after the main clause THEN the date dates the main clause too, but not after an adverbial opener', () => {
    const reform = "Les mesures de la réforme entreront en vigueur progressivement, avec un premier train le 1er novembre 2019.";
    expectScope(reform, '1er novembre 2019', 'fr', ['vigueur', 'réforme', 'train'], []);
    const interview = 'Pour commencer, dans un entretien télévisé le 14 octobre, le président a détaillé les règles du couvre-feu.';
    expectScope(interview, '14 octobre', 'fr', ['entretien'], ['commencer', 'couvre-feu']);
  });

  it('GIVEN a date in a clause opened by « qui » or a pronoun taking up the noun before THEN it dates that noun; not after « dont »', () => {
    expectScope('La participation au second tour des élections municipales, qui se déroulera le 28 juin, ne devrait pas rebondir.', '28 juin', 'fr', ['tour', 'municipales', 'déroulera'], ['participation', 'rebondir']);
    expectScope('Le déconfinement, il commencera le 11 mai et il sera progressif.', '11 mai', 'fr', ['déconfinement', 'commencera'], ['progressif']);
    expectScope("La maire a commandé un audit, dont les conclusions ont été rendues publiques le 2 octobre.", '2 octobre', 'fr', ['rendues'], ['audit']);
  });
});

describe('dates of statements and of undoings', () => {
  const statement = (sentence: string, date: string, language: Language) => {
    const at = sentence.indexOf(date);
    const verb = dateOfStatement(sentence, { start: at, end: at + date.length }, language);
    return verb && sentence.slice(verb.start, verb.end);
  };

  it('GIVEN a date right after a verb of saying THEN it dates the statement; after another verb, nothing', () => {
    expect(statement('Les Jeux auront bien lieu, a déclaré mardi la ministre des Sports.', 'mardi', 'fr')).toBe('déclaré');
    expect(statement('Le Premier ministre a également exprimé jeudi soir son soutien.', 'jeudi', 'fr')).toBe('exprimé');
    expect(statement('The Games will go ahead, the minister said on Tuesday.', 'Tuesday', 'en')).toBe('said');
    expect(statement('Joe Biden a été élu mardi président des États-Unis.', 'mardi', 'fr')).toBeNull();
    expect(statement('Apple a lancé mardi son nouvel iPhone.', 'mardi', 'fr')).toBeNull();
  });

  it('GIVEN « déconfinement » in what a date dates THEN it undoes the asked « confinement », not « commencer »', () => {
    const sentence = 'Le déconfinement commencera le 11 mai.';
    const at = sentence.indexOf('11 mai');
    const scope = dateScope(sentence, { start: at, end: at + 6 }, 'fr');
    expect(scopeUndoes(sentence, scope, ['confin'], 'fr')).toBe(true);
    expect(scopeUndoes(sentence, scope, ['commenc'], 'fr')).toBe(false);
    const lockdown = 'Le confinement a commencé le 17 mars.';
    expect(scopeUndoes(lockdown, dateScope(lockdown, { start: lockdown.indexOf('17 mars'), end: lockdown.indexOf('17 mars') + 7 }, 'fr'), ['confin'], 'fr')).toBe(false);
  });
});

describe('undoing words', () => {
  it('GIVEN a reversal prefix before an asked stem THEN the word undoes it, unless the stem is too short to tell (« départ », "design")', () => {
    expect(undoes('déconfinement', 'confin', VOCABULARIES.fr)).toBe(true);
    expect(undoes('confinement', 'confin', VOCABULARIES.fr)).toBe(false);
    expect(undoes('départ', 'part', VOCABULARIES.fr)).toBe(false);
    expect(undoes('désigné', 'sign', VOCABULARIES.fr)).toBe(false);
    expect(undoes('decentralised', 'central', VOCABULARIES.en)).toBe(true);
    expect(undoes('designed', 'sign', VOCABULARIES.en)).toBe(false);
  });
});
