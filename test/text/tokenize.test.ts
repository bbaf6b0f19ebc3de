import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../src/text/foldForMatching';
import { tokenize } from '../../src/text/tokenize';

const words = (text: string) => tokenize(text).map((token) => token.text);
const norms = (text: string) => tokenize(text).map((token) => token.norm);

describe('foldAccents', () => {
  it('GIVEN French accents and ligatures THEN folds them and keeps case', () => {
    expect(foldAccents('Déploiement à Noël, œuvre, ÉTÉ')).toBe('Deploiement a Noel, oeuvre, ETE');
  });

  it('GIVEN plain ASCII THEN returns it unchanged', () => {
    expect(foldAccents('GPT-4.5 launch')).toBe('GPT-4.5 launch');
  });
});

describe('tokenize', () => {
  it('GIVEN model names and versions THEN keeps each as one token', () => {
    expect(words('GPT-4.5 et GPT-5, o3, GPT-2024, Covid-19 et GPT-4o-mini')).toEqual([
      'GPT-4.5', 'et', 'GPT-5', 'o3', 'GPT-2024', 'Covid-19', 'et', 'GPT-4o', 'mini',
    ]);
  });

  it('GIVEN decimals with a point or a comma THEN keeps them whole', () => {
    expect(words('3,5 milliards et 18.2 %')).toEqual(['3,5', 'milliards', 'et', '18.2']);
  });

  it('GIVEN French elisions THEN splits the elided article from its word', () => {
    expect(words("l'équipe d'OpenAI qu'il jusqu'à")).toEqual(["l'", 'équipe', "d'", 'OpenAI', "qu'", 'il', "jusqu'", 'à']);
    expect(norms('l’IA')).toEqual(["l'", 'ia']);
  });

  it("GIVEN an English possessive THEN drops the 's", () => {
    expect(norms("OpenAI's model")).toEqual(['openai', 'model']);
  });

  it('GIVEN words that keep their apostrophe THEN keeps them whole', () => {
    expect(words("aujourd'hui don't")).toEqual(["aujourd'hui", "don't"]);
  });

  it('GIVEN hyphenated words THEN splits them', () => {
    expect(words('Jean-Pierre vis-à-vis')).toEqual(['Jean', 'Pierre', 'vis', 'à', 'vis']);
  });

  it('GIVEN a sentence glued to the next one THEN the period does not join the words', () => {
    expect(words("d'un blanc.GPT-4.5 arrive")).toEqual(["d'", 'un', 'blanc', 'GPT-4.5', 'arrive']);
  });

  it('GIVEN words glued by a missing space THEN separates them, but not brand names', () => {
    expect(words('fusil à pompeSelon Franceinfo, OpenAI, iPhone, YouTube, McDonald, LlamaCon, WhatsApp')).toEqual([
      'fusil', 'à', 'pompe', 'Selon', 'Franceinfo', 'OpenAI', 'iPhone', 'YouTube', 'McDonald', 'LlamaCon', 'WhatsApp',
    ]);
  });

  it('GIVEN a dotted acronym THEN its norm drops the dots', () => {
    expect(tokenize('the U.S. market')[1]).toMatchObject({ text: 'U.S', norm: 'us' });
  });

  it('GIVEN any text THEN each token slices back from its offsets and its norm is lowercase and folded', () => {
    const text = "« Le PDG d'OpenAI a dévoilé GPT-4.5 », dit-il ; Œuvre à 3,5 milliards.";
    for (const token of tokenize(text)) {
      expect(text.slice(token.start, token.end)).toBe(token.text);
      expect(token.norm).toBe(foldAccents(token.norm.toLowerCase()));
    }
  });
});
