import type { Article } from '../articles/article';
import type { PartnerMap, Timeline, TimelineEvent } from '../scoop';
import { isoDay, publicationInterval } from './calendar';
import { canonicalCompany, canonicalSubject } from './entities';
import type { AliasClaim, ArticleFacts, DateClaim, DateEventKind, PartnershipClaim } from './fact';
import { foldForMatching } from '../text/foldForMatching';

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

/** Events that move together: a postponement moves the release it postpones. */
function eventFamily(event: DateEventKind): string {
  return event === 'release' || event === 'launch' || event === 'unveiling' || event === 'postponement' ? 'availability' : event;
}

function key(text: string): string {
  return foldForMatching(text).replace(/[\s_-]+/g, '');
}

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
  private readonly partnerships: PartnershipClaim[];
  private readonly aliasClaims: AliasClaim[];
  private readonly subjectKeys = new Map<string, string>();
  private readonly companyKeys = new Map<string, string>();
  private readonly aliasKeys = new Map<string, string>();
  private readonly newest: string | null;
  private readonly recentDays: number;
  private readonly sortedSubjects: readonly string[];
  private readonly sortedCompanies: readonly string[];
  private readonly knownNames: ReadonlySet<string>;

  constructor(facts: ArticleFacts[], articles: Article[], options: FactBookOptions = {}) {
    this.recentDays = options.recentDays ?? 90;
    const articleById = new Map(articles.map((article, index) => [article.id, { article, index }]));
    this.placed = [];
    this.partnerships = [];
    this.aliasClaims = [];
    for (const articleFacts of facts) {
      const found = articleById.get(articleFacts.articleId);
      const interval = publicationInterval(found?.article.published ?? articleFacts.dates[0]?.citation.published ?? null);
      const published = interval ? isoDay(interval.start) : null;
      for (const claim of articleFacts.dates) this.placed.push({ claim, published, order: found?.index ?? Number.MAX_SAFE_INTEGER });
      this.partnerships.push(...articleFacts.partnerships);
      this.aliasClaims.push(...(articleFacts.aliases ?? []));
    }
    this.placed.sort(
      (x, y) =>
        compareNullable(x.published, y.published) ||
        x.order - y.order ||
        compareNullable(x.claim.start, y.claim.start) ||
        x.claim.citation.start - y.claim.citation.start,
    );
    for (const { claim } of this.placed) this.subjectKeys.set(key(claim.subject), claim.subject);
    for (const alias of this.aliasClaims) {
      this.subjectKeys.set(key(alias.subject), alias.subject);
      this.aliasKeys.set(key(alias.alias), alias.subject);
    }
    for (const p of this.partnerships) {
      this.companyKeys.set(key(p.a), p.a);
      this.companyKeys.set(key(p.b), p.b);
    }
    const dates = this.placed.map((p) => p.published).filter((d): d is string => d !== null);
    this.newest = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null;
    this.sortedSubjects = [...new Set(this.subjectKeys.values())].sort((a, b) => a.localeCompare(b));
    this.sortedCompanies = [...new Set(this.companyKeys.values())].sort((a, b) => a.localeCompare(b));
    const learned = facts.flatMap((f) => (f.names ?? []).map((n) => n.name));
    this.knownNames = new Set([...this.sortedSubjects, ...this.sortedCompanies, ...learned]);
  }

  /**
   * The canonical subject `text` names: a known spelling ("gpt 5" → `GPT-5`),
   * a code name an article gave ("Orion" → `GPT-4.5`), or a subject the
   * articles date. Null when nothing matches.
   */
  resolveSubject(text: string): string | null {
    const canonical = canonicalSubject(text);
    const byAlias = this.aliasKeys.get(key(canonical ?? text));
    if (byAlias) return byAlias;
    if (canonical) return canonical;
    return this.subjectKeys.get(key(text)) ?? null;
  }

  /** The canonical organisation `text` names ("open ai", "Azure" → `Microsoft`), or a party the articles name. */
  resolveCompany(text: string): string | null {
    return canonicalCompany(text) ?? this.companyKeys.get(key(text)) ?? null;
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
   */
  timeline(subject?: string): Timeline {
    const events = this.withSupersession();
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
      const later = this.placed
        .slice(i + 1)
        .filter((p) => p.claim.citation.articleId === claim.citation.articleId || (published !== null && p.published !== null))
        .map((p) => p.claim);
      const superseded =
        claim.status !== 'done' &&
        claim.status !== 'cancelled' &&
        resolved(claim) &&
        later.some(
          (other) =>
            other.subject === claim.subject &&
            eventFamily(other.event) === eventFamily(claim.event) &&
            other.status !== 'cancelled' &&
            resolved(other) &&
            !(other.start === claim.start && other.end === claim.end) &&
            !contains(other, claim),
        );
      return { ...claim, superseded };
    });
  }

  /** Every tie of `company` (any spelling, or one of its platforms), each cited; empty when unknown. */
  partners(company: string): PartnerMap {
    const canonical = this.resolveCompany(company);
    if (!canonical) return { company: company.trim(), partners: [] };
    const other = (p: PartnershipClaim) => (p.a === canonical ? p.b : p.a);
    const partners = this.partnerships
      .filter((p) => p.a === canonical || p.b === canonical)
      .sort((x, y) => other(x).localeCompare(other(y)) || x.nature.localeCompare(y.nature) || compareNullable(x.citation.published, y.citation.published));
    return { company: canonical, partners };
  }

  /** Subjects with dated claims or code names, for autocompletion. */
  subjects(): string[] {
    return [...this.sortedSubjects];
  }

  /** Organisations with known partnerships, for autocompletion. */
  companies(): string[] {
    return [...this.sortedCompanies];
  }

  /** True when `canonical` is a subject, an organisation or any other name the articles use (as they write it). */
  knows(canonical: string): boolean {
    return this.knownNames.has(canonical);
  }

  /** Every code name the articles give, each cited ("Orion" for `GPT-4.5`). */
  aliases(): AliasClaim[] {
    return [...this.aliasClaims];
  }

  /** The code names of one subject ("Quel est le nom de code de GPT-4.5 ?"); empty when none is known. */
  aliasesOf(subject: string): AliasClaim[] {
    const canonical = this.resolveSubject(subject);
    return canonical ? this.aliasClaims.filter((a) => a.subject === canonical) : [];
  }
}
