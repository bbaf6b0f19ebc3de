import { describe, expect, it } from 'vitest';
import { learnNames } from '../../src/facts/learnNames';

const namesIn = (text: string) => learnNames(text, 'fr').map((n) => n.canonical);

describe('learnNames: words with digits that are no names', () => {
  it('GIVEN times of day THEN they name nothing, and the name after one is read alone', () => {
    expect(namesIn('La séance reprend à 16h30 Laurent Baumel a pris la parole, puis à 18H00 et vers 6h.')).toEqual(['Laurent Baumel']);
  });

  it('GIVEN ordinals, Roman ones too THEN they name nothing', () => {
    expect(namesIn('La 27ème édition, la 1re fois, le XVIIIe siècle, le 20ᵉ anniversaire et le 3rd round.')).toEqual([]);
  });

  it('GIVEN an ordinal inside a name THEN it stays part of it', () => {
    expect(namesIn('La Dodge Challenger 50th Anniversary Edition est sortie.')).toEqual(['Dodge Challenger 50th Anniversary Edition']);
  });

  it('GIVEN a number with its unit glued on THEN no product, while model numbers stay names', () => {
    expect(namesIn('À 80km de là, le Mediator 150mg, la 5G, la 3D, l\'A350-1000 et la Galaxy S25.')).toEqual(['Mediator', '5G', '3D', 'A350-1000', 'Galaxy S25']);
  });

  it('GIVEN a number after a sentence run into a word THEN the word keeps no decimals: « la Justice.170 personnes »', () => {
    expect(namesIn('Selon la Justice.170 personnes ont été arrêtées.')).toEqual(['Justice']);
  });
});

describe('learnNames: sentences run together without a space', () => {
  it('GIVEN a heading run into a paragraph opening with a determiner or a pronoun THEN the name ends where the heading does', () => {
    expect(namesIn('Attentat au PakistanLe gouvernement a réagi. Fusion chez MEDIASIl faut dire.')).toEqual(['Pakistan', 'MEDIAS']);
  });

  it('GIVEN a year run into the next sentence THEN no name « 2020Tous » nor « 2020L\'Organisation »', () => {
    const names = namesIn('Bilan 2020Tous les voyants sont au rouge, dit le rapport 2020L\'Organisation mondiale de la santé.');
    expect(names.some((n) => /\d/u.test(n))).toBe(false);
  });

  it('GIVEN a word run into a number THEN no product « Fonctionnaires2.593 »', () => {
    expect(namesIn('Le bilan : Fonctionnaires2.593 postes supprimés, selon Bercy.')).toEqual(['Bercy']);
    expect(namesIn('Le vaccin contre la Covid19 et la Ligue1 selon Windows10.')).toEqual(['Covid19', 'Ligue1', 'Windows10']);
  });

  it('GIVEN names with inner capitals THEN they stay whole (McLaren, LinkedIn, OnePlus, LeBron James)', () => {
    expect(namesIn('Il a vu McLaren, LinkedIn, OnePlus et LeBron James, puis la Bank of America.')).toEqual(['McLaren', 'LinkedIn', 'OnePlus', 'LeBron James', 'Bank of America']);
  });
});

describe('learnNames: phrases set in capitals', () => {
  it('GIVEN a quote in capitals THEN no name, while acronyms and names in capitals stay', () => {
    const names = namesIn('Il a écrit : « IL AURAIT FAIT AUTREMENT » et « SARKOZY COMPARE LEURS HISTOIRES », selon la CGT, le PSG, AIR FRANCE KLM et la BANK OF AMERICA.');
    expect(names).toEqual(['CGT', 'PSG', 'AIR FRANCE KLM', 'BANK OF AMERICA']);
  });
});

describe('learnNames: a title\'s complement run into the name after it', () => {
  it('GIVEN « le maire de Lyon Grégory Doucet » and the text naming Grégory Doucet alone THEN Lyon and Grégory Doucet are two names', () => {
    const names = namesIn("Selon la ministre de l'Economie Agnès Pannier-Runacher, le maire de Lyon Grégory Doucet a tort. Grégory Doucet répond à Agnès Pannier-Runacher.");
    expect(names).toEqual(['Economie', 'Agnès Pannier-Runacher', 'Lyon', 'Grégory Doucet', 'Grégory Doucet', 'Agnès Pannier-Runacher']);
  });

  it('GIVEN a run whose end is used alone but is a complement or a model THEN it stays whole', () => {
    const names = namesIn("Le Concours d'Élégance d'Amelia Island se tient à Amelia Island. La Porsche Cayman GT4 est une Cayman GT4.");
    expect(names).toEqual(["Concours d'Élégance d'Amelia Island", 'Amelia Island', 'Porsche Cayman GT4', 'Cayman GT4']);
  });

  it('GIVEN a run whose end the text never uses alone THEN it stays whole', () => {
    expect(namesIn('Le directeur de Santé Publique France a parlé.')).toEqual(['Santé Publique France']);
  });

  it('GIVEN a run after no title nor « de » THEN it stays whole though its end is used alone: « la Bentley Flying Spur »', () => {
    expect(namesIn('La Bentley Flying Spur est là : la Flying Spur roule.')).toEqual(['Bentley Flying Spur', 'Flying Spur']);
  });
});

describe('learnNames: names joined, opened by an ordinal, glued', () => {
  const learned = (text: string, language: 'fr' | 'en') => learnNames(text, language).map((n) => `${n.canonical}/${n.kind}`);

  it('GIVEN "and" between two names the text also uses alone THEN two names; a name with "and" inside stays one', () => {
    expect(learned('The deal between Salesforce and Slack closed. The buyer, Salesforce, will pay $27.7 billion. Shares of Slack rose.', 'en')).toEqual([
      'Salesforce/other',
      'Slack/other',
      'Salesforce/other',
      'Slack/other',
    ]);
    expect(learned('The company Procter and Gamble raised prices.', 'en')).toEqual(['Procter and Gamble/organisation']);
  });

  it('GIVEN an ordinal opening a name THEN it is part of it, and makes no product: "21st Century Fox"', () => {
    expect(learned('The studio 21st Century Fox was sold to Disney in 2019.', 'en')).toEqual(['21st Century Fox/other', 'Disney/other']);
    expect(namesIn('La 27ème édition a eu lieu.')).toEqual([]);
  });

  it('GIVEN a name with an inner capital the text writes twice THEN it is no sentence run into another: "MoveOn"', () => {
    expect(learned('The group MoveOn said on Monday it will campaign. Members of MoveOn agreed.', 'en').map((n) => n.split('/')[0])).toEqual(['MoveOn', 'MoveOn']);
    expect(namesIn('Il vit au PakistanLe gouvernement a parlé.')).toEqual(['Pakistan']);
  });
});
