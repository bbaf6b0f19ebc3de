import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../../src/text/foldForMatching';

/** Every character of the Basic Multilingual Plane but the surrogates, then a sample of the planes above. */
function manyCharacters(): string {
  const chars: string[] = [];
  for (let codePoint = 0; codePoint <= 0xffff; codePoint += 1) {
    if (codePoint < 0xd800 || codePoint > 0xdfff) chars.push(String.fromCodePoint(codePoint));
  }
  for (let codePoint = 0x10000; codePoint <= 0x10ffff; codePoint += 97) chars.push(String.fromCodePoint(codePoint));
  return chars.join('');
}

describe('foldForMatching', () => {
  it('GIVEN accents, capitals, curly quotes, dashes and narrow spaces THEN plain lower-case ASCII', () => {
    expect(foldForMatching('Ça sortira « fin mai » : l’IA d’OpenAI — GPT‑5\u202fet Œuvre')).toBe('ca sortira " fin mai " : l\'ia d\'openai - gpt-5 et ouvre');
  });

  it('GIVEN plain lower-case text THEN the same text', () => {
    expect(foldForMatching('gpt-5 sortira en mai 2025.')).toBe('gpt-5 sortira en mai 2025.');
  });

  it('GIVEN any character THEN one for one, so offsets in the folded text are offsets in the original', () => {
    const text = manyCharacters();
    expect(foldForMatching(text).length).toBe(text.length);
  });

  it('GIVEN emoji and lone surrogates THEN they stay as they are', () => {
    expect(foldForMatching('Élan 😀 x\ud800y \udc00Z')).toBe('elan 😀 x\ud800y \udc00z');
  });
});
