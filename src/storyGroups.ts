import type { Article } from './articles/article';
import { findNearDuplicates } from './articles/nearDuplicates';
import type { ArticleFacts } from './facts/fact';
import type { SearchHit } from './retrieval/searchHit';

/** Another article of the same story, as `/sources` lists it beside the story's first article. */
export interface AlsoReported {
  source: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

/** The outlets (else the files) a story also ran in, each once, in order: what "also in …" lists. */
export function outletsOf(alsoIn: readonly AlsoReported[]): string[] {
  return [...new Set(alsoIn.map((also) => also.outlet ?? also.source))];
}

function claimKeys(facts: ArticleFacts | undefined): Set<string> {
  const keys = new Set<string>();
  for (const claim of facts?.dates ?? []) keys.add(`d|${claim.subject}|${claim.event}|${claim.start}|${claim.end}|${claim.status}`);
  for (const claim of facts?.partnerships ?? []) keys.add(`p|${[claim.a, claim.b].sort().join('|')}|${claim.nature}`);
  return keys;
}

function earliestFirst(a: { article: Article; order: number }, b: { article: Article; order: number }): number {
  const pa = a.article.published;
  const pb = b.article.published;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return pa < pb ? -1 : 1;
  }
  return a.order - b.order;
}

function outletOf(article: Article): string | null {
  if (article.outlet) return article.outlet;
  if (!article.url) return null;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Words shared, as a share of the smaller passage's words (the overlap coefficient). */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** Share of the smaller passage's words the other must hold for one to stand for the other. */
const SAME_PASSAGE = 0.8;

/**
 * One story, one entry: articles that tell the same story (near-duplicates,
 * see `findNearDuplicates`) grouped under their earliest article, which
 * answers cite. A later article of the group that changes a claim (a date
 * claim or a partnership its earliest article does not make, as the facts
 * extracted at ingest say) is kept as its own entry.
 */
export class StoryGroups {
  private readonly leadById = new Map<string, Article>();
  private readonly membersByLead = new Map<string, Article[]>();
  /** The words of the passages {@link collapse} compared, read once each (only passages of grouped articles come here). */
  private readonly wordsOfPassage = new WeakMap<object, Set<string>>();

  constructor(
    articles: readonly Article[],
    facts: readonly ArticleFacts[],
    private readonly passagesOf: (articleId: string) => { id: string; text: string; start: number; end: number; ordinal: number; articleId: string }[],
  ) {
    const factsById = new Map(facts.map((entry) => [entry.articleId, entry]));
    for (const group of findNearDuplicates(articles)) {
      const ordered = group.map((i) => ({ article: articles[i], order: i })).sort(earliestFirst);
      const leads: { article: Article; claims: Set<string> }[] = [];
      for (const { article } of ordered) {
        const claims = claimKeys(factsById.get(article.id));
        const lead = leads.find((candidate) => [...claims].every((key) => candidate.claims.has(key)));
        if (!lead) {
          leads.push({ article, claims });
          continue;
        }
        this.leadById.set(article.id, lead.article);
        const members = this.membersByLead.get(lead.article.id) ?? [];
        members.push(article);
        this.membersByLead.set(lead.article.id, members);
      }
    }
  }

  /** The article that stands for `article`'s story: its earliest telling, or itself. */
  leadOf(article: Article): Article {
    return this.leadById.get(article.id) ?? article;
  }

  /** True when `article` is folded into an earlier telling of its story. */
  isFolded(articleId: string): boolean {
    return this.leadById.has(articleId);
  }

  /** The later tellings folded into `lead`, earliest first. */
  alsoReported(lead: Article): AlsoReported[] {
    return (this.membersByLead.get(lead.id) ?? []).map((article) => this.summaryOf(article));
  }

  /**
   * The story's other tellings, earliest first: for its earliest article the
   * later ones folded into it; for a folded article its earliest and the rest.
   */
  tellingsBesides(article: Article): AlsoReported[] {
    const lead = this.leadOf(article);
    const tellings = lead.id === article.id ? [] : [this.summaryOf(lead)];
    return [...tellings, ...this.alsoReported(lead).filter((also) => also.source !== article.source)];
  }

  private summaryOf(article: Article): AlsoReported {
    return { source: article.source, title: article.title, outlet: outletOf(article), url: article.url, published: article.published };
  }

  /** The outlet of an article: its own field, else its URL's host. */
  outletOf(article: Article): string | null {
    return outletOf(article);
  }

  /** How many articles are folded into earlier ones. */
  get foldedCount(): number {
    return this.leadById.size;
  }

  /**
   * Search hits with each folded article's passage replaced by the passage of
   * its story's earliest article that says the same (holds the words of the
   * shorter of the two, mostly),
   * so an answer cites the story once; a passage the earliest article does
   * not have stays as it is. Duplicates, and passages in `shown` (already
   * shown, "more sources"), are dropped; order kept.
   */
  collapse(hits: SearchHit[], shown: readonly string[] = []): SearchHit[] {
    const seen = new Set<string>(shown);
    const collapsed: SearchHit[] = [];
    for (const hit of hits) {
      let chosen = hit;
      const lead = this.leadById.get(hit.article.id);
      if (lead) {
        const words = this.wordsOf(hit.passage);
        let best: { passage: SearchHit['passage']; score: number } | null = null;
        for (const passage of this.passagesOf(lead.id)) {
          const score = overlap(words, this.wordsOf(passage));
          if (score >= SAME_PASSAGE && (!best || score > best.score)) best = { passage, score };
        }
        if (best) chosen = { passage: best.passage, article: lead, score: hit.score };
      }
      if (seen.has(chosen.passage.id)) continue;
      seen.add(chosen.passage.id);
      collapsed.push(chosen);
    }
    return collapsed;
  }

  private wordsOf(passage: { text: string }): Set<string> {
    let words = this.wordsOfPassage.get(passage);
    if (!words) this.wordsOfPassage.set(passage, (words = wordSet(passage.text)));
    return words;
  }
}
