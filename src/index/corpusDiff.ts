import type { Article } from '../articles/article';

/** What {@link diffCorpus} needs of an indexed article: its content id and where it came from. */
export interface IndexedSource {
  article: Pick<Article, 'id' | 'source'>;
}

/** One corpus article and the indexed entry whose work it reuses, if any. */
export interface PlannedArticle<E> {
  article: Article;
  /**
   * The entry indexed with this article's content: from the same source, or
   * from another one that left the corpus (a renamed or moved file). None
   * when the article must be split, embedded and extracted.
   */
  reuse?: E;
}

/** How a corpus differs from what is indexed, article by source. */
export interface CorpusDiff<E> {
  /** The corpus in order, first article of each source only. */
  plan: PlannedArticle<E>[];
  /** Articles whose source is new. */
  added: number;
  /** Articles whose source was indexed with other content. */
  updated: number;
  /** Indexed sources no longer in the corpus. */
  removed: number;
  /** Indexed entries no article reuses: their passages leave the index. */
  dropped: E[];
  /** Sources met more than once (all but their first article are left out). */
  duplicates: string[];
  /** Whether the index must change at all. */
  changed: boolean;
}

/**
 * Compares what is indexed with a corpus: a new source is added, a source
 * with new content (new id) is updated, a source no longer there is removed.
 * An article whose content is indexed under a source that left (a renamed
 * file) reuses that entry, so it is not embedded again.
 */
export function diffCorpus<E extends IndexedSource>(indexed: readonly E[], articles: readonly Article[]): CorpusDiff<E> {
  const previous = new Map(indexed.map((entry) => [entry.article.source, entry]));
  const seen = new Set<string>();
  const plan: PlannedArticle<E>[] = [];
  const duplicates: string[] = [];
  let added = 0;
  let updated = 0;
  for (const article of articles) {
    if (seen.has(article.source)) {
      duplicates.push(article.source);
      continue;
    }
    seen.add(article.source);
    const old = previous.get(article.source);
    if (old && old.article.id === article.id) {
      plan.push({ article, reuse: old });
      continue;
    }
    if (old) updated += 1;
    else added += 1;
    plan.push({ article });
  }
  const gone = indexed.filter((entry) => !seen.has(entry.article.source));
  const kept = new Set(plan.map((item) => item.reuse));
  const replaced = indexed.filter((entry) => seen.has(entry.article.source) && !kept.has(entry));
  const reusable = new Map([...gone, ...replaced].map((entry) => [entry.article.id, entry]));
  for (const item of plan) {
    if (item.reuse) continue;
    const moved = reusable.get(item.article.id);
    if (moved) {
      reusable.delete(item.article.id);
      item.reuse = moved;
    }
  }
  return {
    plan,
    added,
    updated,
    removed: gone.length,
    dropped: [...reusable.values()],
    duplicates,
    changed: added + updated + gone.length > 0,
  };
}
