import type { PartnershipClaim } from './fact';
import type { PartnerMap } from './factBook';

/** One tie of a company with one partner, of one nature, with every claim that states it. */
export interface PartnerTie {
  /** The company asked about, as the fact book names it. */
  company: string;
  partner: string;
  nature: PartnershipClaim['nature'];
  /** `to` when the company provides to the partner, `from` when the partner provides to it, else `mutual`. */
  direction: 'to' | 'from' | 'mutual';
  /** The claims, in the fact book's order (the first is the one to quote first). */
  claims: PartnershipClaim[];
}

/**
 * A company's partnership claims as ties, one per partner, nature and
 * direction, whichever way round each article names the pair ("Renault et
 * Nissan", « Nissan et Renault »), in the order of their first claim.
 */
export function partnerTies(map: PartnerMap): PartnerTie[] {
  const ties = new Map<string, PartnerTie>();
  for (const claim of map.partners) {
    const companyFirst = claim.a === map.company;
    const partner = companyFirst ? claim.b : claim.a;
    const direction = claim.direction === 'mutual' ? 'mutual' : companyFirst ? 'to' : 'from';
    const key = `${partner}\u0000${claim.nature}\u0000${direction}`;
    const tie = ties.get(key) ?? { company: map.company, partner, nature: claim.nature, direction, claims: [] };
    ties.set(key, tie);
    tie.claims.push(claim);
  }
  return [...ties.values()];
}

/** The tie as an arrow between its two names: "Renault ↔ Nissan", "Microsoft → OpenAI". */
export function tieArrow(tie: PartnerTie, name: (text: string) => string = (text) => text): string {
  if (tie.direction === 'from') return `${name(tie.partner)} → ${name(tie.company)}`;
  return `${name(tie.company)} ${tie.direction === 'to' ? '→' : '↔'} ${name(tie.partner)}`;
}
