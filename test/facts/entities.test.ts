import { describe, expect, it } from 'vitest';
import { canonicalCompany, canonicalSubject, findEntities } from '../../src/facts/entities';

describe('canonicalSubject', () => {
  it.each([
    ['gpt 5', 'GPT-5'],
    ['GPT5', 'GPT-5'],
    ['gpt-4.5', 'GPT-4.5'],
    ['GPT‑4.5', 'GPT-4.5'],
    [' GPT-4o mini ', 'GPT-4o mini'],
    ['O3', 'o3'],
    ['o3-mini', 'o3-mini'],
    ['azure', 'Azure'],
    ['mistral large 2', 'Mistral Large 2'],
    ['claude 3.5 sonnet', 'Claude 3.5 Sonnet'],
    ['gemini 2.0 flash', 'Gemini 2.0 Flash'],
    ['open ai', 'OpenAI'],
  ])('GIVEN "%s" THEN %s', (text, canonical) => {
    expect(canonicalSubject(text)).toBe(canonical);
  });

  it('GIVEN a name it does not know THEN null, never a guess', () => {
    expect(canonicalSubject('Orion')).toBeNull();
    expect(canonicalSubject('le nouveau modèle')).toBeNull();
    expect(canonicalSubject('')).toBeNull();
  });
});

describe('canonicalCompany', () => {
  it.each([
    ['MICROSOFT', 'Microsoft'],
    ['Azure', 'Microsoft'],
    ['aws', 'Amazon'],
    ['mistral', 'Mistral AI'],
    ['Le Chat', 'Mistral AI'],
    ['GPT-5', 'OpenAI'],
  ])('GIVEN "%s" THEN %s', (text, company) => {
    expect(canonicalCompany(text)).toBe(company);
  });

  it('GIVEN an unknown organisation THEN null', () => {
    expect(canonicalCompany('Acme Robotics')).toBeNull();
  });
});

describe('findEntities', () => {
  it('GIVEN a code name inside a product name or a common word THEN it is no entity', () => {
    const names = findEntities("Le mistral souffle sur l'orange GPT-2024 et GPT-5.").map((e) => e.canonical);
    expect(names).toEqual(['GPT-2024', 'GPT-5']);
  });
});
