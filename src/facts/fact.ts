import type { Citation } from '../passages/citation';
import type { ArticleName } from './learnNames';
import type { DateEventKind, PartnershipNature } from '../text/vocabulary';

export type { DateEventKind, PartnershipNature } from '../text/vocabulary';

/** How sure the article is that the event happened or will happen then. */
export type ClaimStatus = 'done' | 'planned' | 'expected' | 'rumoured' | 'postponed' | 'cancelled';

/** "Subject X: event E happens at date D", as one article states it. */
export interface DateClaim {
  /** Canonical subject name (e.g. `GPT-5`). */
  subject: string;
  event: DateEventKind;
  /** The date expression exactly as the article writes it. */
  when: string;
  /** Resolved range as ISO dates (`YYYY-MM-DD`), or null when it cannot be resolved honestly. */
  start: string | null;
  end: string | null;
  /** True when the range counts from the article's publication date ("dans quelques semaines"); absent means false. */
  relative?: boolean;
  status: ClaimStatus;
  /** True when the article gives it as the first plan ("initialement prévue au printemps", "originally slated for"): it moves no other claim. */
  formerPlan?: boolean;
  citation: Citation;
}

/** "A works with B on N", as one article states it. `a` provides to / acts on `b` where a direction is known. */
export interface PartnershipClaim {
  a: string;
  b: string;
  nature: PartnershipNature;
  /** `a-to-b` when a provides the service or money to b; `mutual` otherwise. */
  direction: 'a-to-b' | 'mutual';
  citation: Citation;
}

/** "X is the code name of Y", as one article states it ("GPT-4.5, nommé Orion"). */
export interface AliasClaim {
  /** The code name or other name, as canonical as it gets (`Orion`, `GPT-2024`). */
  alias: string;
  /** The canonical subject it names (`GPT-4.5`). */
  subject: string;
  /** True when the article hedges it ("probablement le nom de code"). */
  hedged: boolean;
  citation: Citation;
}

/** Every fact extracted from one article. */
export interface ArticleFacts {
  articleId: string;
  dates: DateClaim[];
  partnerships: PartnershipClaim[];
  /** Code names and other names of subjects; absent in facts stored before aliases existed. */
  aliases?: AliasClaim[];
  /** Every name the article uses, learned from its text, with its kind and how often it appears. */
  names?: ArticleName[];
}
