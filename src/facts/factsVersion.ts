/**
 * Version of what `extractFacts` produces. The passage index records it and,
 * when it differs from the one the stored facts were extracted with,
 * re-extracts the facts of every article on the next sync (without
 * re-embedding). Bump it in the same commit as any change to fact extraction
 * that changes its output (new claim kinds, grammar, entity tables...).
 */
export const FACTS_VERSION = '2026-11-28.1';
