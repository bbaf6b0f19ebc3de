import type { NumberedCitation } from './answer';
import type { Citation } from '../passages/citation';

/**
 * The citations of one answer, numbered in order of first use: citing the
 * same span twice gives the same number, so `[n]` markers and the list agree.
 */
export class CitationList {
  private readonly cited: NumberedCitation[] = [];

  /** The `[n]` marker for `citation`, numbering it if it is new. */
  marker(citation: Citation): string {
    const known = this.cited.find(
      (c) => c.articleId === citation.articleId && c.start === citation.start && c.end === citation.end,
    );
    if (known) return `[${known.n}]`;
    const n = this.cited.length + 1;
    this.cited.push({ ...citation, n });
    return `[${n}]`;
  }

  /** Markers for several citations, joined: `[1][2]`. */
  markers(citations: Citation[]): string {
    return citations.map((citation) => this.marker(citation)).join('');
  }

  /** Every citation used so far, by number. */
  list(): NumberedCitation[] {
    return [...this.cited];
  }
}
