import { findEntities, providedBy } from '../facts/entities';
import { namesOfSentence } from '../facts/sentenceNames';
import { PARTNERSHIP_NATURE_WORDS } from '../facts/partnershipNatureWords';
import type { PartnershipClaim } from '../facts/fact';
import { partnerTies, type PartnerTie } from '../facts/partnerTies';
import type { QuestionAnalysis } from './analyzeQuestion';
import { frenchOf } from './eventWords';
import type { CitationList } from './citationList';

const LISTS = {
  fr: new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }),
};

function tieText(tie: PartnerTie, language: 'fr' | 'en'): string {
  const [a, b] = tie.direction === 'from' ? [tie.partner, tie.company] : [tie.company, tie.partner];
  if (tie.direction !== 'mutual') {
    if (language === 'fr') {
      switch (tie.nature) {
        case 'cloud':
          return `${a} fournit le cloud et l'hébergement à ${b}`;
        case 'investment':
          return `${a} investit dans ${b}`;
        case 'chips':
          return `${a} fournit des puces à ${b}`;
        case 'distribution':
          return `${a} distribue les modèles ${frenchOf(b)}`;
        case 'integration':
          return `${a} intègre la technologie ${frenchOf(b)}`;
        case 'acquisition':
          return `Rachat ${frenchOf(b)} par ${a}`;
        default:
          return `${a} travaille avec ${b}`;
      }
    }
    switch (tie.nature) {
      case 'cloud':
        return `${a} provides cloud computing and hosting to ${b}`;
      case 'investment':
        return `${a} invests in ${b}`;
      case 'chips':
        return `${a} supplies chips to ${b}`;
      case 'distribution':
        return `${a} distributes ${b}'s models`;
      case 'integration':
        return `${a} integrates ${b}'s technology`;
      case 'acquisition':
        return `${a}'s acquisition of ${b}`;
      default:
        return `${a} works with ${b}`;
    }
  }
  if (tie.nature === 'merger') return language === 'fr' ? `Fusion de ${a} et ${b}` : `Merger of ${a} and ${b}`;
  if (tie.nature === 'acquisition') return language === 'fr' ? `Rachat entre ${a} et ${b}` : `Acquisition between ${a} and ${b}`;
  const nature = tie.nature === 'other' ? '' : ` (${PARTNERSHIP_NATURE_WORDS[language][tie.nature]})`;
  return language === 'fr' ? `${a} et ${b} sont partenaires${nature}` : `${a} and ${b} are partners${nature}`;
}


/** The cloud platform a tie's sentences name, made by one of its two parties ("Azure" for Microsoft), as the alias table knows it; null when they name none. */
function platformOf(tie: PartnerTie): string | null {
  const parties = new Set([tie.company, tie.partner]);
  for (const claim of tie.claims) {
    const platform = findEntities(claim.citation.snippet).find(
      (mention) => mention.kind === 'product' && mention.company !== null && parties.has(mention.company) && providedBy(mention.canonical) === 'cloud',
    );
    if (platform) return platform.canonical;
  }
  return null;
}

function otherParty(claim: PartnershipClaim, companies: Set<string>): string {
  return companies.has(claim.a) ? claim.b : claim.a;
}

/**
 * Answers a partnership question from the company's partnership claims (the
 * same ones `/partners` shows): who the partners are and the nature of each
 * tie, each tie cited. Claims of the asked nature ("who hosts" → cloud) come
 * first; with two companies named, only the ties between them. Null when no
 * claim fits, or when the question asks who bought or merged and no claim
 * says so (another tie is no answer to it).
 */
export function answerPartnershipFromClaims(
  analysis: QuestionAnalysis,
  company: string,
  claims: PartnershipClaim[],
  citations: CitationList,
): { text: string; partners: string[] } | null {
  const language = analysis.language;
  const named = new Set(analysis.subjects.map((s) => s.company ?? s.canonical));
  named.add(company);
  const others = [...named].filter((name) => name !== company);
  let pool = claims.filter((c) => c.a === company || c.b === company);
  if (others.length > 0) {
    const between = pool.filter((c) => others.includes(otherParty(c, new Set([company]))));
    const about = pool.filter((c) => namesOfSentence(c.citation.snippet).some((m) => others.includes(m.canonical)));
    pool = between.length > 0 ? between : about;
  }
  if (pool.length === 0) return null;
  const matching = analysis.nature ? pool.filter((c) => c.nature === analysis.nature) : [];
  if (matching.length === 0 && (analysis.nature === 'acquisition' || analysis.nature === 'merger')) return null;
  const focus = matching.length > 0 ? matching : pool;

  const byPartner = new Map<string, PartnershipClaim[]>();
  for (const claim of focus) {
    const partner = otherParty(claim, new Set([company]));
    byPartner.set(partner, [...(byPartner.get(partner) ?? []), claim]);
  }
  const partners = [...byPartner.entries()].sort((x, y) => y[1].length - x[1].length).slice(0, 5);
  const lines: string[] = [];
  if (partners.length > 1) {
    const names = partners.map(([partner]) => partner);
    const list = LISTS[language].format(names);
    const nature = matching.length > 0 && analysis.nature ? PARTNERSHIP_NATURE_WORDS[language][analysis.nature] : null;
    lines.push(
      language === 'fr'
        ? `Partenaires ${nature ? `(${nature}) ` : ''}${frenchOf(company)} cités : ${list}.`
        : `${company}'s ${nature ? `${nature} ` : ''}partners in the articles: ${list}.`,
    );
  }
  for (const [, partnerClaims] of partners) {
    for (const tie of partnerTies({ company, partners: partnerClaims })) {
      const markers = tie.claims
        .slice(0, 2)
        .map((c) => citations.marker(c.citation))
        .join('');
      const platform = tie.nature === 'cloud' ? platformOf(tie) : null;
      lines.push(`${tieText(tie, language)}${platform ? ` (${platform})` : ''} ${markers}.`);
    }
  }
  return { text: lines.join('\n'), partners: partners.map(([partner]) => partner) };
}
