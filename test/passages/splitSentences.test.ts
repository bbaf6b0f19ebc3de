import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/passages/splitSentences';

const sentences = (text: string, language: 'fr' | 'en' = 'fr') =>
  splitSentences(text, language).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('GIVEN the seed article THEN never splits inside GPT-4.5 and cuts at its 18 sentence ends', () => {
    const seed = readFileSync('seeds/000_f20889ff108f9afa.txt', 'utf8');
    const found = sentences(seed);
    expect(found).toHaveLength(18);
    for (const sentence of found) {
      expect(sentence).toMatch(/[.!?…»"]$/);
      expect(sentence).not.toMatch(/^\d|^\.|GPT-4\.$/);
    }
    expect(found[3]).toBe('GPT-4.5, nommé Orion, est considéré comme le "travail final" de la voie technique actuelle.');
    expect(found[8]).toBe("GPT-5 sera équipé du modèle d'inférence O3 pour la première fois.");
  });

  it('GIVEN a period glued to the next sentence THEN still splits there', () => {
    expect(sentences("Une étape chauffée d'un blanc.GPT-4.5, nommé Orion, arrive.")).toEqual([
      "Une étape chauffée d'un blanc.",
      'GPT-4.5, nommé Orion, arrive.',
    ]);
    expect(sentences('au Parlement européen.• "C\'est un très vieux tempérament"')).toEqual([
      'au Parlement européen.',
      '• "C\'est un très vieux tempérament"',
    ]);
    expect(sentences('pour l\'éducation".Ministre et présidente.')).toEqual(['pour l\'éducation".', 'Ministre et présidente.']);
  });

  it('GIVEN a heading glued to its paragraph without a space THEN cuts it off, but leaves brand names whole', () => {
    expect(sentences("Kalachnikov et fusil à pompeSelon Franceinfo, l'or volé pèse 20 kilos sur YouTube et iPhone.")).toEqual([
      'Kalachnikov et fusil à pompe',
      "Selon Franceinfo, l'or volé pèse 20 kilos sur YouTube et iPhone.",
    ]);
    expect(sentences('It will be unveiled at the LlamaCon conference on WhatsApp.', 'en')).toHaveLength(1);
  });

  it('GIVEN decimals, versions and domains THEN does not split on their dots', () => {
    expect(sentences('Il a levé 3.5 milliards, soit 18.2 % de plus, pour GPT-4.5 et Booking.com. Fin.')).toEqual([
      'Il a levé 3.5 milliards, soit 18.2 % de plus, pour GPT-4.5 et Booking.com.',
      'Fin.',
    ]);
  });

  it('GIVEN French abbreviations THEN does not split after them', () => {
    expect(sentences('M. Macron a reçu Mme Dupont et le Dr. Martin le 3 janv. 2025 à Paris. Ils ont parlé.')).toEqual([
      'M. Macron a reçu Mme Dupont et le Dr. Martin le 3 janv. 2025 à Paris.',
      'Ils ont parlé.',
    ]);
  });

  it('GIVEN English abbreviations THEN splits only where a sentence really ends', () => {
    expect(
      sentences('Chips made in the U.S. The firm, e.g. its CEO, agreed. Apple Inc. CEO Tim Cook spoke. Sales rose etc. The end.', 'en'),
    ).toEqual(['Chips made in the U.S.', 'The firm, e.g. its CEO, agreed.', 'Apple Inc. CEO Tim Cook spoke.', 'Sales rose etc.', 'The end.']);
    expect(sentences('U.S. President Joe Biden spoke. J. K. Rowling wrote.', 'en')).toEqual([
      'U.S. President Joe Biden spoke.',
      'J. K. Rowling wrote.',
    ]);
  });

  it('GIVEN « guillemets » and "quotes" THEN keeps the closing mark with its sentence', () => {
    expect(sentences('Il a dit : « Nous lancerons GPT-5. » Ensuite il est parti. « Pourquoi ? » demande-t-il.')).toEqual([
      'Il a dit : « Nous lancerons GPT-5. »',
      'Ensuite il est parti.',
      '« Pourquoi ? » demande-t-il.',
    ]);
    expect(sentences('He said: "We will ship it." Then he left.', 'en')).toEqual(['He said: "We will ship it."', 'Then he left.']);
  });

  it('GIVEN ellipses, questions and exclamations THEN splits before a capital only', () => {
    expect(sentences('Il est parti… Puis il revint... et repartit. Vraiment ? Oui ! Bien.')).toEqual([
      'Il est parti…',
      'Puis il revint... et repartit.',
      'Vraiment ?',
      'Oui !',
      'Bien.',
    ]);
  });

  it('GIVEN line breaks THEN they end sentences even without a period, and blank lines give nothing', () => {
    expect(sentences('Titre sans point\n\n  Premier paragraphe.\r\nSecond paragraphe\n')).toEqual([
      'Titre sans point',
      'Premier paragraphe.',
      'Second paragraphe',
    ]);
  });

  it('GIVEN empty or blank text THEN returns no sentence', () => {
    expect(splitSentences('', 'fr')).toEqual([]);
    expect(splitSentences(' \n\t ', 'en')).toEqual([]);
  });

  it('GIVEN any text THEN spans are ordered, disjoint and trimmed', () => {
    const text = ' « Bonjour. » Il a dit… quoi ?Rien.\n\nM. X. Fin ';
    let previousEnd = 0;
    for (const { start, end } of splitSentences(text, 'fr')) {
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
      expect(text.slice(previousEnd, start).trim()).toBe('');
      previousEnd = end;
    }
    expect(text.slice(previousEnd).trim()).toBe('');
  });
});
