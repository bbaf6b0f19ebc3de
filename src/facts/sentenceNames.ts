import type { Language } from '../text/language';
import { foldForMatching } from '../text/foldForMatching';
import type { NameKind } from '../text/vocabulary';
import { canonicalSubject, canonicalSubjectCompany, findEntities, longestWithoutOverlaps, tableKind, type EntityMention } from './entities';
import { learnNames, type LearnedName } from './learnNames';

/** How one learned name reads in its article: the kind most of its cues give. */
export type NameKinds = ReadonlyMap<string, NameKind>;

/**
 * The mention a learned name makes, or null for people and places (never
 * dated subjects nor parties). Its canonical name is the alias table's when
 * the table lists the spelling ("Microsoft Azure" → `Azure`), its kind the
 * table's, else the one the article's cues give (`kinds`).
 */
function learnedMention(name: LearnedName, offset: number, kinds: NameKinds): EntityMention | null {
  const listed = canonicalSubject(name.canonical);
  const canonical = listed ?? name.canonical;
  const listedKind = listed ? tableKind(listed) : null;
  const kind = listedKind ?? kinds.get(name.canonical) ?? name.kind;
  if (kind === 'person' || kind === 'place') return null;
  const start = name.start - offset;
  const end = start + (name.end - name.start);
  if (kind === 'organisation') return { start, end, text: name.text, canonical, kind: 'company', company: canonical };
  const company = listed ? canonicalSubjectCompany(listed) : null;
  return { start, end, text: name.text, canonical, kind: kind === 'product' ? 'product' : 'name', company };
}

/**
 * The names a sentence uses, for the claim extractors, in text order and
 * without overlaps (the longest wins, the alias table's on ties): the
 * spellings the alias table lists, the code names an article taught
 * (`codeNames`: folded alias → subject), and every name `learned` from the
 * article in the sentence (offsets in the article; `offset` is where the
 * sentence starts). `folded` is `foldForMatching(sentence)`; `tableMayMatch`
 * false skips the alias table (a caller that knows no spelling of it starts
 * in the sentence, see `findEntityHints`).
 */
export function sentenceNames(
  sentence: string,
  learned: readonly LearnedName[],
  offset: number,
  kinds: NameKinds,
  codeNames: ReadonlyMap<string, string> = new Map(),
  folded: string = foldForMatching(sentence),
  tableMayMatch = true,
): EntityMention[] {
  const known = tableMayMatch || codeNames.size > 0 ? findEntities(sentence, codeNames, folded) : [];
  const fromText = learned.map((name) => learnedMention(name, offset, kinds)).filter((m): m is EntityMention => m !== null);
  return longestWithoutOverlaps([...known, ...fromText]);
}

/**
 * The names of a text read alone (a sentence, a snippet, with no article
 * around it): the names it uses itself (`learnNames`), the alias table's and
 * the code names `codeNames` maps (folded alias → subject).
 */
export function namesOfSentence(
  sentence: string,
  language: Language = 'und',
  folded: string = foldForMatching(sentence),
  codeNames: ReadonlyMap<string, string> = new Map(),
): EntityMention[] {
  return sentenceNames(sentence, learnNames(sentence, language, folded), 0, new Map(), codeNames, folded);
}
