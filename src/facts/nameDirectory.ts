import { foldForMatching, nameKey } from '../text/foldForMatching';
import { STOP_WORDS } from '../text/stopWords';
import type { NameKind } from '../text/vocabulary';
import { canonicalSubject, canonicalSubjectCompany, tableKind, type EntityMention } from './entities';
import { PERSON_TITLES, type ArticleName } from './learnNames';

/** The key counted most often (the first of equals, in insertion order); undefined for an empty map. */
export function mostUsed<K>(counts: ReadonlyMap<K, number>): K | undefined {
  let best: K | undefined;
  let count = -1;
  for (const [key, n] of counts) {
    if (n > count) {
      best = key;
      count = n;
    }
  }
  return best;
}

interface NameEntry {
  /** Spellings as the articles write them, with how many articles use each. */
  spellings: Map<string, number>;
  /** Articles whose cues type the name, by kind. */
  kinds: Map<NameKind, number>;
  /** Articles that say whose it is ("GPT-4.5 d'OpenAI"), by the maker they name. */
  makers: Map<string, number>;
}

/** One name a question may use, as the directory resolves it. */
interface KnownName {
  canonical: string;
  kind: EntityMention['kind'];
  company: string | null;
  /** A spelling that says it is a name even in lower case (a digit, an inner capital: "gpt 5", "openai"). */
  marked: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.,+](?=\p{N})\p{N}+|[-+][\p{L}\p{N}]*)*/gu;
const MARKED = /\p{N}|\p{Ll}\p{Lu}/u;
const LONGEST_NAME_WORDS = 5;

/**
 * Whether a question's words meet a name only by running a function word
 * into it: « la France » is not the name "Lafrance", though their keys are
 * one; "La Poste", whose name starts with that word, is still met.
 */
function splitsName(firstWord: string, canonical: string): boolean {
  const folded = foldForMatching(firstWord);
  if (!isStopWord(folded)) return false;
  const name = foldForMatching(canonical);
  return !(name.startsWith(folded) && /^[\s'-]/u.test(name.slice(folded.length)));
}

function isStopWord(folded: string): boolean {
  return STOP_WORDS.fr.has(folded) || STOP_WORDS.en.has(folded);
}

/**
 * Every name the articles use, merged across spellings that differ in case,
 * spaces and dashes ("GPT-5", "GPT5"), with the kind the corpus gives it:
 * the kind most articles' cues give (a name one article leaves untyped is a
 * person if others write "le ministre X"), the alias table's for the names it
 * lists. Built from the names `extractFacts` keeps for each article.
 */
export class NameDirectory {
  private readonly entries = new Map<string, NameEntry>();
  /** Folded first words of the people's names the corpus types, worked out on the first untyped name asked about. */
  private givenNames?: ReadonlySet<string>;
  /** Keys of the names some article gives as a product's maker ("Pierre Fabre" in « le Dermo Plus 2 de Pierre Fabre »): a brand named after someone, no person. */
  private readonly makers = new Set<string>();

  constructor(names: Iterable<ArticleName>) {
    for (const name of names) {
      const k = nameKey(name.name);
      if (!k) continue;
      let entry = this.entries.get(k);
      if (!entry) {
        entry = { spellings: new Map(), kinds: new Map(), makers: new Map() };
        this.entries.set(k, entry);
      }
      entry.spellings.set(name.name, (entry.spellings.get(name.name) ?? 0) + 1);
      if (name.kind !== 'other') entry.kinds.set(name.kind, (entry.kinds.get(name.kind) ?? 0) + 1);
      if (name.maker) {
        entry.makers.set(name.maker, (entry.makers.get(name.maker) ?? 0) + 1);
        this.makers.add(nameKey(name.maker));
      }
    }
  }

  /**
   * The organisation behind a product or model: the alias table's maker, else
   * the maker most articles name ("GPT-4.5 d'OpenAI"), unless the corpus says
   * that name is a person or a place; null when no article says.
   */
  makerOf(name: string): string | null {
    const listed = canonicalSubjectCompany(canonicalSubject(name) ?? name);
    if (listed) return listed;
    const makers = this.entries.get(nameKey(name))?.makers;
    if (!makers) return null;
    const organisations = new Map([...makers].filter(([maker]) => !this.isPersonOrPlace(maker)));
    const maker = mostUsed(organisations);
    return maker === undefined ? null : (canonicalSubject(maker) ?? this.spellingOf(nameKey(maker)) ?? maker);
  }

  /**
   * The kind of a name across the corpus: the alias table's, else the kind most
   * articles give it; else a person when it opens with a first name the corpus's
   * people use, or when a title's complement run into a person's name makes it
   * (« Santé Olivier Véran » of « le ministre de la Santé Olivier Véran »);
   * `other` when none types it.
   */
  kindOf(name: string): NameKind {
    const listed = tableKind(canonicalSubject(name) ?? name);
    if (listed) return listed;
    const kinds = this.entries.get(nameKey(name))?.kinds;
    const kind = kinds && mostUsed(kinds);
    if (kind) return kind;
    const words = name.split(/\s+/u);
    if (words.length < 2 || words.length > 4 || /\p{N}/u.test(name)) return 'other';
    this.givenNames ??= this.learnGivenNames();
    if (this.makers.has(nameKey(name))) return 'other';
    if (this.givenNames.has(foldForMatching(words[0]))) return 'person';
    return words.length > 2 && this.kindOf(words.slice(1).join(' ')) === 'person' ? 'person' : 'other';
  }

  /**
   * The words that open people's names in this corpus ("Christophe" from
   * "le ministre Christophe Castaner", "M. Christophe Béchu"): a name no cue
   * types that opens with one is a person ("Christophe Dugarry"). A word
   * counts when it opens two names the corpus types as people, three times
   * as many as it opens other typed names, and is rarely a name on its own
   * (five times its people's names at most: "Europe", "Twitter", "Paris" are
   * names themselves); acronyms and titles ("LR", "Mme") never count, and a
   * name the articles give as a maker stays untyped.
   */
  private learnGivenNames(): Set<string> {
    const people = new Map<string, number>();
    const others = new Map<string, number>();
    for (const entry of this.entries.values()) {
      const kind = mostUsed(entry.kinds);
      const spelling = mostUsed(entry.spellings);
      const first = spelling?.split(/\s+/u);
      if (!kind || !first || first.length < 2 || /\p{N}/u.test(spelling!) || !/^\p{Lu}\p{Ll}/u.test(first[0])) continue;
      const word = foldForMatching(first[0]);
      const tally = kind === 'person' ? people : others;
      tally.set(word, (tally.get(word) ?? 0) + 1);
    }
    const given = new Set<string>();
    for (const [word, count] of people) {
      const alone = [...(this.entries.get(nameKey(word))?.spellings.values() ?? [])].reduce((sum, n) => sum + n, 0);
      if (count >= 2 && count >= 3 * (others.get(word) ?? 0) && alone <= 5 * count && !PERSON_TITLES.has(word)) given.add(word);
    }
    return given;
  }

  /** True when the corpus says `name` names a person or a place: it is then no dated subject and no party. */
  isPersonOrPlace(name: string): boolean {
    const kind = this.kindOf(name);
    return kind === 'person' || kind === 'place';
  }

  /** The spelling most articles use for the name `key` stands for, or null. */
  spellingOf(key: string): string | null {
    const spellings = this.entries.get(key)?.spellings;
    return (spellings && mostUsed(spellings)) ?? null;
  }

  /** Every key the directory holds, with the name it resolves to (for the question lookup). */
  *names(): IterableIterator<[string, string]> {
    for (const k of this.entries.keys()) yield [k, this.spellingOf(k)!];
  }

  /** Whether any article uses the name exactly as written. */
  has(name: string): boolean {
    return this.entries.get(nameKey(name))?.spellings.has(name) ?? false;
  }
}

/**
 * Finds, in a question, the names the articles use, whatever the question's
 * case, spacing and dashes ("gpt 5" → `GPT-5`, "openai" → `OpenAI`), longest
 * first. A word the question writes in lower case counts only when its
 * spelling marks it as a name (a digit, an inner capital) or the alias table
 * lists it, so "orange" or "apple" in lower case stay words.
 */
export class QuestionNames {
  private readonly known = new Map<string, KnownName>();
  /** Name keys of the people and places the articles name: a known name inside one of them ("Donald" in "Donald Trump") is not that name. */
  private readonly peopleAndPlaces = new Set<string>();

  /**
   * `subjects` and `companies` are the names the fact book holds facts for
   * (they win over other spellings), `aliases` the code names (alias → subject),
   * `directory` every other name the articles use.
   */
  constructor(subjects: Iterable<string>, companies: Iterable<string>, aliases: Iterable<[string, string]>, directory: NameDirectory, tableSpellings: Iterable<[string, string]>) {
    const add = (spelling: string, canonical: string, marked: boolean) => {
      const k = nameKey(spelling);
      if (!k || this.known.has(k) || isStopWord(foldForMatching(spelling))) return;
      const kind = directory.kindOf(canonical);
      if (kind === 'person' || kind === 'place') {
        this.peopleAndPlaces.add(k);
        return;
      }
      const company = kind === 'organisation' ? canonical : directory.makerOf(canonical);
      this.known.set(k, { canonical, kind: kind === 'organisation' ? 'company' : kind === 'product' ? 'product' : 'name', company, marked: marked || MARKED.test(canonical) });
    };
    for (const [alias, subject] of aliases) add(alias, subject, false);
    for (const name of subjects) add(name, name, false);
    for (const name of companies) add(name, name, false);
    for (const [spelling, canonical] of tableSpellings) add(spelling, canonical, false);
    for (const [, name] of directory.names()) add(name, name, false);
  }

  /** The names `question` uses, in text order, without overlaps; a person or a place the articles name is read whole and yields none. */
  find(question: string): EntityMention[] {
    const words = [...question.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const found: EntityMention[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(LONGEST_NAME_WORDS, words.length - i); n >= 1 && matched === 0; n -= 1) {
        const last = words[i + n - 1];
        const gaps = words.slice(i + 1, i + n).every((w, j) => /^[\s-]*$/u.test(question.slice(words[i + j].end, w.start)));
        if (!gaps) continue;
        const text = question.slice(words[i].start, last.end);
        if (n > 1 && /\p{Lu}/u.test(text) && this.peopleAndPlaces.has(nameKey(text))) {
          matched = n;
          break;
        }
        const name = this.known.get(nameKey(text));
        if (!name || !(name.marked || /\p{Lu}/u.test(text))) continue;
        if (n > 1 && splitsName(question.slice(words[i].start, words[i].end), name.canonical)) continue;
        found.push({ start: words[i].start, end: last.end, text, canonical: name.canonical, kind: name.kind, company: name.company });
        matched = n;
      }
      i += matched || 1;
    }
    return found;
  }
}
