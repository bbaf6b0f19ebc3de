import { describe, expect, it } from 'vitest';
import { NameDirectory } from '../../src/facts/nameDirectory';
import type { ArticleName } from '../../src/facts/learnNames';

const person = (name: string): ArticleName => ({ name, kind: 'person', count: 1 });
const untyped = (name: string): ArticleName => ({ name, kind: 'other', count: 1 });

describe('NameDirectory: people named without a cue', () => {
  it('GIVEN a first name that opens names the corpus types as people THEN an untyped name opening with it is a person', () => {
    const directory = new NameDirectory([person('Christophe Castaner'), person('Christophe Béchu'), untyped('Christophe Dugarry'), untyped('Renault Trucks')]);
    expect(directory.kindOf('Christophe Dugarry')).toBe('person');
    expect(directory.isPersonOrPlace('Christophe Dugarry')).toBe(true);
    expect(directory.kindOf('Renault Trucks')).toBe('other');
  });

  it('GIVEN a word that opens one person\'s name only, or is a name on its own in many articles THEN it makes no one a person', () => {
    const europe = Array.from({ length: 12 }, () => untyped('Europe'));
    const directory = new NameDirectory([
      person('Adama Traoré'), untyped('Adama Records'),
      person('Europe Écologie Yannick Jadot'), person('Europe Écologie Julien Bayou'), ...europe, untyped('Europe Écologie'),
    ]);
    expect(directory.kindOf('Adama Records')).toBe('other');
    expect(directory.kindOf('Europe Écologie')).toBe('other');
  });

  it('GIVEN a name the articles give as a product\'s maker THEN it is no person, though it opens with a first name: « Pierre Fabre »', () => {
    const directory = new NameDirectory([person('Pierre Person'), person('Pierre Moscovici'), untyped('Pierre Fabre'), { name: 'Dermo 2', kind: 'product', count: 1, maker: 'Pierre Fabre' }]);
    expect(directory.kindOf('Pierre Fabre')).toBe('other');
  });

  it('GIVEN an untyped name with a model number or a single word THEN it stays untyped', () => {
    const directory = new NameDirectory([person('Jean Castex'), person('Jean Dujardin'), untyped('Jean 2'), untyped('Jean')]);
    expect(directory.kindOf('Jean 2')).toBe('other');
    expect(directory.kindOf('Jean')).toBe('other');
  });

  it('GIVEN a name the cues type otherwise THEN the cues win over its first word', () => {
    const directory = new NameDirectory([person('Jean Castex'), person('Jean Dujardin'), { name: 'Jean Lain Automobiles', kind: 'organisation', count: 1 }]);
    expect(directory.kindOf('Jean Lain Automobiles')).toBe('organisation');
  });
});
