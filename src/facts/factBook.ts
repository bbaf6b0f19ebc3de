import { isKnownPlace } from '../text/placeNames';
import type { NameKind } from '../text/vocabulary';
import type { Article } from '../articles/article';
import { isoDay, publicationInterval } from './calendar';
import { canonicalCompany, canonicalSubject, tableSpellings, type EntityMention } from './entities';
import type { AliasClaim, ArticleFacts, DateClaim, DateEventKind, PartnershipClaim } from './fact';
import { sameStory } from './eventStory';
import { mostUsed, NameDirectory, QuestionNames } from './nameDirectory';
import { nameKey } from '../text/foldForMatching';

/** Dated claims about one subject, in chronological order of the claims' articles. */
export interface Timeline {
  /** The subject asked for, canonicalised; null for "recent and upcoming". */
  subject: string | null;
  events: TimelineEvent[];
}

/** A dated claim, marked when a later claim about the same event moved its date. */
export interface TimelineEvent extends DateClaim {
  /** True when a later or more specific claim replaced this date. */
  superseded: boolean;
}

/** Everything known about one company's partners. */
export interface PartnerMap {
  company: string;
  partners: PartnershipClaim[];
}

/** Options for `FactBook`. */
export interface FactBookOptions {
  /** How far back "recent" reaches from the newest article, in days (default 90). */
  recentDays?: number;
}

interface PlacedClaim {
  claim: DateClaim;
  /** The claim's article publication date, `YYYY-MM-DD`-comparable; null when unknown. */
  published: string | null;
  /** Position of the article among articles with the same date, for a stable order. */
  order: number;
}


const key = nameKey;

function contains(outer: DateClaim, inner: DateClaim): boolean {
  return outer.start !== null && outer.end !== null && inner.start !== null && inner.end !== null && outer.start <= inner.start && inner.end <= outer.end;
}

function resolved(claim: DateClaim): boolean {
  return claim.start !== null || claim.end !== null;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The facts of every indexed article, ready to answer `/timeline` and
 * `/partners` and the date and partnership questions of `ask`, so they never
 * disagree. Built from `extractFacts` results and the articles (for their
 * publication dates). Unknown subjects and companies give empty lists: it
 * never guesses.
 */
export class FactBook {
  private readonly placed: PlacedClaim[];
  /** Every dated claim with its `superseded` flag, worked out on the first timeline asked (the claims never change). */
  private events?: TimelineEvent[];
  private readonly partnerships: PartnershipClaim[];
  private readonly aliasClaims: AliasClaim[];
  /** Name key → the spelling shown for a subject with dated claims or code names. */
  private readonly subjectKeys = new Map<string, string>();
  /** Name key → the spelling shown for a party to a tie. */
  private readonly companyKeys = new Map<string, string>();
  private readonly aliasKeys = new Map<string, string>();
  private readonly newest: string | null;
  private readonly recentDays: number;
  private readonly sortedSubjects: readonly string[];
  private readonly sortedCompanies: readonly string[];
  private readonly knownNames: ReadonlySet<string>;
  private readonly directory: NameDirectory;
  private questionNames: QuestionNames | undefined;

  constructor(facts: ArticleFacts[], articles: Article[], options: FactBookOptions = {}) {
    this.recentDays = options.recentDays ?? 90;
    this.directory = new NameDirectory(facts.flatMap((f) => f.names ?? []));
    const articleById = new Map(articles.map((article, index) => [article.id, { article, index }]));
    const placed: PlacedClaim[] = [];
    const partnerships: PartnershipClaim[] = [];
    this.aliasClaims = [];
    for (const articleFacts of facts) {
      const found = articleById.get(articleFacts.articleId);
      const interval = publicationInterval(found?.article.published ?? articleFacts.dates[0]?.citation.published ?? null);
      const published = interval ? isoDay(interval.start) : null;
      for (const claim of articleFacts.dates) {
        if (!this.directory.isPersonOrPlace(claim.subject)) placed.push({ claim, published, order: found?.index ?? Number.MAX_SAFE_INTEGER });
      }
      for (const tie of articleFacts.partnerships) {
        if (!this.directory.isPersonOrPlace(tie.a) && !this.directory.isPersonOrPlace(tie.b)) partnerships.push(tie);
      }
      this.aliasClaims.push(...(articleFacts.aliases ?? []));
    }
    const subjectSpellings = new Map<string, Map<string, number>>();
    const countSpelling = (name: string) => {
      const spellings = subjectSpellings.get(key(name)) ?? new Map<string, number>();
      spellings.set(name, (spellings.get(name) ?? 0) + 1);
      subjectSpellings.set(key(name), spellings);
    };
    for (const { claim } of placed) countSpelling(claim.subject);
    for (const alias of this.aliasClaims) countSpelling(alias.subject);
    for (const [k, spellings] of subjectSpellings) this.subjectKeys.set(k, mostUsed(spellings)!);
    for (const alias of this.aliasClaims) this.aliasKeys.set(key(alias.alias), this.subjectKeys.get(key(alias.subject))!);
    this.placed = placed
      .map((p) => ({ ...p, claim: { ...p.claim, subject: this.subjectKeys.get(key(p.claim.subject))! } }))
      .sort(
        (x, y) =>
          compareNullable(x.published, y.published) ||
          x.order - y.order ||
          compareNullable(x.claim.start, y.claim.start) ||
          x.claim.citation.start - y.claim.citation.start,
      );
    const partySpellings = new Map<string, Map<string, number>>();
    for (const p of partnerships) {
      for (const name of [p.a, p.b]) {
        const spellings = partySpellings.get(key(name)) ?? new Map<string, number>();
        spellings.set(name, (spellings.get(name) ?? 0) + 1);
        partySpellings.set(key(name), spellings);
      }
    }
    for (const [k, spellings] of partySpellings) this.companyKeys.set(k, mostUsed(spellings)!);
    this.partnerships = partnerships.map((p) => ({ ...p, a: this.companyKeys.get(key(p.a))!, b: this.companyKeys.get(key(p.b))! }));
    const dates = this.placed.map((p) => p.published).filter((d): d is string => d !== null);
    this.newest = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null;
    this.sortedSubjects = [...new Set(this.subjectKeys.values())].sort((a, b) => a.localeCompare(b));
    this.sortedCompanies = [...new Set(this.companyKeys.values())].sort((a, b) => a.localeCompare(b));
    const learned = facts.flatMap((f) => (f.names ?? []).map((n) => n.name));
    this.knownNames = new Set([...this.sortedSubjects, ...this.sortedCompanies, ...learned]);
  }

  /**
   * The subject `text` names, in any spelling the articles use ("gpt 5" →
   * `GPT-5`), through the alias table ("Mistral" → `Mistral AI`) or a code
   * name an article gave ("Orion" → `GPT-4.5`). Null when no article dates it.
   */
  resolveSubject(text: string): string | null {
    const listed = canonicalSubject(text);
    const byAlias = this.aliasKeys.get(key(text)) ?? (listed ? this.aliasKeys.get(key(listed)) : undefined);
    if (byAlias) return byAlias;
    return this.subjectKeys.get(key(text)) ?? (listed ? (this.subjectKeys.get(key(listed)) ?? listed) : null);
  }


  /** The organisation `text` names ("open ai", "Azure" → `Microsoft`), or a party the articles name, in any spelling. */
  resolveCompany(text: string): string | null {
    const listed = canonicalCompany(text);
    if (listed) return this.companyKeys.get(key(listed)) ?? listed;
    return this.companyKeys.get(key(text)) ?? null;
  }

  /**
   * The dated claims about `subject` in order: by the publication date of
   * their article, then, within one article, by the date they give (an
   * article that retells a story tells it from the oldest plan) and their
   * position. A claim is `superseded` when a later one about the same subject
   * and the same kind of event (a postponement moves a release) gives a date
   * that does not include it (an undated article moves nothing but its own
   * claims: nobody knows whether it came later). Without a subject: the recent and upcoming
   * events (ending at most `recentDays` before the newest article), by date.
   * Any name the articles use works: the subjects are the names they date.
   */
  timeline(subject?: string): Timeline {
    const events = (this.events ??= this.withSupersession());
    if (subject === undefined || subject.trim() === '') {
      const from = this.newest ? isoDay(new Date(Date.parse(this.newest) - this.recentDays * 86_400_000)) : null;
      const recent = events
        .filter((e) => !e.superseded && e.start !== null && (from === null || (e.end ?? e.start) >= from))
        .sort((a, b) => compareNullable(a.start, b.start) || compareNullable(a.end, b.end));
      return { subject: null, events: recent };
    }
    const canonical = this.resolveSubject(subject);
    if (!canonical) return { subject: subject.trim(), events: [] };
    return { subject: canonical, events: events.filter((e) => e.subject === canonical) };
  }

  private withSupersession(): TimelineEvent[] {
    return this.placed.map(({ claim, published }, i) => {
      const laterOnes = this.placed
        .slice(i + 1)
        .filter((p) => p.claim.citation.articleId === claim.citation.articleId || (published !== null && p.published !== null))
        .map((p) => p.claim);
      const sameArticle = this.placed.filter((p, j) => j !== i && p.claim.citation.articleId === claim.citation.articleId).map((p) => p.claim);
      const later = [...laterOnes, ...(claim.formerPlan ? sameArticle : [])];
      const superseded =
        claim.status !== 'done' &&
        claim.status !== 'cancelled' &&
        resolved(claim) &&
        later.some(
          (other) =>
            other.subject === claim.subject &&
            !other.formerPlan &&
            sameStory(other.event, claim.event) &&
            other.status !== 'cancelled' &&
            resolved(other) &&
            !(other.start === claim.start && other.end === claim.end) &&
            !contains(other, claim),
        );
      return { ...claim, superseded };
    });
  }

  /** Every tie of `company` (any spelling, or one of its platforms), each cited; empty when unknown. Any organisation the articles name works. */
  partners(company: string): PartnerMap {
    const canonical = this.resolveCompany(company);
    if (!canonical) return { company: company.trim(), partners: [] };
    const other = (p: PartnershipClaim) => (p.a === canonical ? p.b : p.a);
    const partners = this.partnerships
      .filter((p) => p.a === canonical || p.b === canonical)
      .sort((x, y) => other(x).localeCompare(other(y)) || x.nature.localeCompare(y.nature) || compareNullable(x.citation.published, y.citation.published));
    return { company: canonical, partners };
  }

  /** Subjects with dated claims or code names (names the articles use, spelled as most of them do), for autocompletion. */
  subjects(): string[] {
    return [...this.sortedSubjects];
  }

  /** Organisations with known partnerships, for autocompletion. */
  companies(): string[] {
    return [...this.sortedCompanies];
  }

  /** The kind of a name across the corpus (the alias table's, else the kind most articles' cues give it, a person when it opens with a first name the corpus's people use); `other` when nothing types it. */
  kindOf(name: string): NameKind {
    return this.directory.kindOf(name);
  }

  /** True when `name` names a place: one the place table knows ("Londres", "États-Unis"), or one the corpus types as a place (« à Paris » in most articles that type it). */
  isPlace(name: string): boolean {
    return isKnownPlace(name) || this.directory.kindOf(name) === 'place';
  }

  /** True when `canonical` is a subject, an organisation or any other name the articles use (as they write it). */
  knows(canonical: string): boolean {
    return this.knownNames.has(canonical);
  }

  /**
   * The names a question uses that the articles use too, in any case and
   * spacing ("gpt 5" → `GPT-5`, "orion" → `GPT-4.5`), with their kind
   * across the corpus; people and places left out.
   */
  findNames(question: string): EntityMention[] {
    this.questionNames ??= new QuestionNames(
      this.sortedSubjects,
      this.sortedCompanies,
      this.aliasClaims.map((a) => [a.alias, this.subjectKeys.get(key(a.subject))!] as [string, string]),
      this.directory,
      tableSpellings(),
    );
    return this.questionNames.find(question);
  }

  /** Every code name the articles give, each cited ("Orion" for `GPT-4.5`). */
  aliases(): AliasClaim[] {
    return [...this.aliasClaims];
  }

  /** The code names of one subject ("Quel est le nom de code de GPT-4.5 ?"); empty when none is known. */
  aliasesOf(subject: string): AliasClaim[] {
    const canonical = this.resolveSubject(subject);
    return canonical ? this.aliasClaims.filter((a) => key(a.subject) === key(canonical)) : [];
  }
}

