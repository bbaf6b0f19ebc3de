import { foldForMatching, nameKey } from '../text/foldForMatching';
import aliasTable from './nameAliases.json' with { type: 'json' };

/** A product, organisation or other name found in a text, with its exact offsets. */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  /** Canonical name: the alias table's when it lists a spelling (`Mistral` → `Mistral AI`), else the name as the article writes it. */
  canonical: string;
  /**
   * `company` for organisations, `product` for products and models, `name`
   * for a name the articles use whose kind they do not say (a company, a
   * product or an event, never a person or a place).
   */
  kind: 'product' | 'company' | 'name';
  /** The organisation behind it: itself for a company, the maker for a product, when known. */
  company: string | null;
}

/** What the alias table may say about one canonical name. */
interface AliasEntry {
  kind?: 'organisation' | 'product';
  /** Other spellings, folded ("open ai"). The canonical name is always a spelling of itself. */
  spellings?: string[];
  /** The organisation behind a product (`Azure` → `Microsoft`). */
  maker?: string;
  /** What an organisation (or its platform, or its chip) provides to others: orients a tie. */
  provides?: 'cloud' | 'chips';
}

const ENTRIES: ReadonlyMap<string, AliasEntry> = new Map(Object.entries(aliasTable.names as Record<string, AliasEntry>));

/** Folded spelling → canonical name. */
const BY_SPELLING = new Map<string, string>();
/** Name key (`nameKey`) → canonical name, for spellings that differ in spaces and dashes only. */
const BY_KEY = new Map<string, string>();
for (const [canonical, entry] of ENTRIES) {
  for (const spelling of [foldForMatching(canonical), ...(entry.spellings ?? [])]) {
    BY_SPELLING.set(spelling, canonical);
    BY_KEY.set(nameKey(spelling), canonical);
  }
}

const B = '(?<![\\p{L}\\d.-])';
const E = '(?![\\p{L}\\d]|-\\d|\\.\\d)';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
}

const SPELLINGS = [...BY_SPELLING.keys()].sort((a, b) => b.length - a.length);
const SPELLING_PATTERN = new RegExp(`${B}(?:${SPELLINGS.map(escape).join('|')})(?![\\p{L}\\d+])`, 'gu');

/** True for the spellings that must be capitalised in the text to count: every one whose canonical name is (so "orange" stays a colour). */
function needsCapital(spelling: string): boolean {
  const canonical = BY_SPELLING.get(spelling) ?? '';
  return canonical[0] !== canonical[0]?.toLowerCase();
}

const CASE_FREE_TRIGGER = new RegExp(SPELLINGS.filter((s) => !needsCapital(s)).map(escape).join('|') || '(?!)', 'gu');
const CAPITALISED_TRIGGER = new RegExp(SPELLINGS.filter(needsCapital).map(escape).join('|'), 'uy');
const CAPITALISED_FIRST_LETTERS = new Set(SPELLINGS.filter(needsCapital).map((s) => s.charCodeAt(0)));
/** Upper and title case letters: every character a capitalised name can start with. */
const CAPITAL_LETTER = /[\p{Lu}\p{Lt}]/gu;

function capitalisedNameAt(text: string, folded: string, at: number): boolean {
  if (!CAPITALISED_FIRST_LETTERS.has(folded.charCodeAt(at))) return false;
  const first = text[at];
  if (first === first.toLowerCase()) return false;
  CAPITALISED_TRIGGER.lastIndex = at;
  return CAPITALISED_TRIGGER.test(folded);
}

/**
 * Offsets, in order, where a spelling of the alias table may start in
 * `text`, found without word boundaries: every offset where `findEntities`
 * finds a table name, in `text` or any slice of it, is among them. A cheap
 * test; names the table does not hold are learned from the text (`learnNames`).
 */
export function findEntityHints(text: string, folded: string = foldForMatching(text), limit = Infinity): number[] {
  const hints: number[] = [];
  CASE_FREE_TRIGGER.lastIndex = 0;
  for (let match = CASE_FREE_TRIGGER.exec(folded); match && hints.length < limit; match = CASE_FREE_TRIGGER.exec(folded)) {
    hints.push(match.index);
    CASE_FREE_TRIGGER.lastIndex = match.index + 1;
  }
  CAPITAL_LETTER.lastIndex = 0;
  for (let match = CAPITAL_LETTER.exec(text); match && hints.length < limit; match = CAPITAL_LETTER.exec(text)) {
    if (capitalisedNameAt(text, folded, match.index)) hints.push(match.index);
  }
  return hints.sort((a, b) => a - b);
}

/** The mention a canonical name of the table makes. */
function tableMention(start: number, raw: string, canonical: string): EntityMention {
  const entry = ENTRIES.get(canonical);
  const company = entry?.kind === 'organisation';
  return { start, end: start + raw.length, text: raw, canonical, kind: company ? 'company' : 'product', company: company ? canonical : (entry?.maker ?? null) };
}

/**
 * Finds the names of the alias table in `text` (capitalised as names are:
 * "Orange", not "orange"), and the code names `extraAliases` maps (folded
 * alias → subject, learned from an article), longest first and without
 * overlaps, in text order. Names the table does not hold come from
 * `learnNames`; this finder only merges the spellings it lists.
 * `folded`, when the caller has it, is `foldForMatching(text)`.
 */
export function findEntities(
  text: string,
  extraAliases: ReadonlyMap<string, string> = new Map(),
  folded: string = foldForMatching(text),
): EntityMention[] {
  const found: EntityMention[] = [];
  if (findEntityHints(text, folded, 1).length > 0) {
    SPELLING_PATTERN.lastIndex = 0;
    for (const match of folded.matchAll(SPELLING_PATTERN)) {
      const raw = text.slice(match.index, match.index + match[0].length);
      const spelling = match[0].replace(/\s+/g, ' ');
      const canonical = BY_SPELLING.get(spelling);
      if (!canonical || (needsCapital(spelling) && raw[0] === raw[0].toLowerCase())) continue;
      found.push(tableMention(match.index, raw, canonical));
    }
  }
  for (const [alias, canonical] of extraAliases) {
    const regex = new RegExp(`${B}${escape(alias)}${E}`, 'gu');
    for (const match of folded.matchAll(regex)) {
      const raw = text.slice(match.index, match.index + match[0].length);
      if (raw[0] === raw[0].toLowerCase()) continue;
      found.push({ start: match.index, end: match.index + raw.length, text: raw, canonical, kind: 'product', company: canonicalSubjectCompany(canonical) });
    }
  }
  return longestWithoutOverlaps(found);
}

/** The mentions that overlap no longer one (the earlier on ties), in text order. */
export function longestWithoutOverlaps(mentions: EntityMention[]): EntityMention[] {
  const sorted = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: EntityMention[] = [];
  for (const mention of sorted) {
    if (kept.some((k) => mention.start < k.end && k.start < mention.end)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The table's canonical name for a spelling, matching variants of case,
 * spacing and dashes ("open ai", "OPENAI" → `OpenAI`; "Mistral" → `Mistral AI`;
 * "microsoft azure" → `Azure`). Null for a name the table does not list: the
 * articles' own names are resolved by the fact book (`FactBook.resolveSubject`).
 */
export function canonicalSubject(text: string): string | null {
  const folded = foldForMatching(text).trim().replace(/\s+/g, ' ');
  if (!folded) return null;
  return BY_SPELLING.get(folded) ?? BY_KEY.get(nameKey(folded)) ?? null;
}

/**
 * The table's organisation for a name: the organisation itself in any
 * spelling ("MICROSOFT", "mistral"), or the maker of a product it lists
 * ("Azure" → `Microsoft`, "Le Chat" → `Mistral AI`). Null otherwise.
 */
export function canonicalCompany(text: string): string | null {
  const subject = canonicalSubject(text);
  return subject ? canonicalSubjectCompany(subject) : null;
}

/** The organisation behind a canonical name the table lists (itself for an organisation, the maker for a product), or null. */
export function canonicalSubjectCompany(subject: string): string | null {
  const entry = ENTRIES.get(subject);
  if (!entry) return null;
  return entry.kind === 'organisation' ? subject : (entry.maker ?? null);
}

/** True when the table lists `name` as an organisation. */
export function isCompanyName(name: string): boolean {
  return ENTRIES.get(name)?.kind === 'organisation';
}

/** What the table says an organisation, platform or chip provides ("cloud" for Azure and Microsoft, "chips" for Nvidia and H100), or null. */
export function providedBy(name: string): 'cloud' | 'chips' | null {
  return ENTRIES.get(name)?.provides ?? null;
}

/** Every spelling the alias table lists (folded), with its canonical name. */
export function tableSpellings(): IterableIterator<[string, string]> {
  return BY_SPELLING.entries();
}

/** The kind the table gives a canonical name, or null when it does not list it. */
export function tableKind(name: string): 'organisation' | 'product' | null {
  return ENTRIES.get(name)?.kind ?? null;
}
