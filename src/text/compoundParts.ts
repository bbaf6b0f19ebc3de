/**
 * The parts of a hyphenated name or version term (`gpt-4.5` → `gpt`, `4.5`;
 * `covid-19` → `covid`, `19`), or nothing for a plain term. Indexing the parts
 * beside the whole lets "GPT 4.5", typed as two words, meet "GPT-4.5".
 */
export function compoundParts(term: string): string[] {
  if (!term.includes('-') || term.startsWith('~')) return [];
  return term.split('-').filter((part) => part.length > 0);
}
