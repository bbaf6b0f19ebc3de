import type { Language } from '../articles/article';
import { citeSpan } from '../passages/citation';
import type { PartnershipClaim, PartnershipNature } from './fact';
import type { EntityMention } from './entities';
import type { SentenceContext } from './extractDateClaims';
import { foldForMatching } from '../text/foldForMatching';
import { VOCABULARIES } from '../text/vocabulary';

const W = '(?<![\\p{L}\\d])';
const Z = '(?![\\p{L}\\d])';

function tieWords(language: 'fr' | 'en'): RegExp {
  return words(VOCABULARIES[language].tieWords);
}

function strongTieWords(language: 'fr' | 'en'): RegExp {
  return words(VOCABULARIES[language].strongTieWords);
}

function words(source: string): RegExp {
  return new RegExp(`${W}(?:${source})${Z}`, 'gu');
}

/** Words that tie two organisations, and those that state a partnership by themselves (the shared vocabulary). */
const TIE: Record<'fr' | 'en', RegExp> = { fr: tieWords('fr'), en: tieWords('en') };
const STRONG_TIE: Record<'fr' | 'en', RegExp> = { fr: strongTieWords('fr'), en: strongTieWords('en') };

/** What kind of tie: each nature with its cue words. */
const NATURES: Record<'fr' | 'en', Array<[RegExp, PartnershipNature]>> = {
  fr: [
    [words("cloud|heberg\\p{L}*|centres? de donnees|infrastructure de supercalcul|supercalcul|puissance de calcul|capacite de calcul|capacites de calcul"), 'cloud'],
    [words('puces?|gpu|gpus|processeurs?|accelerateurs?|semi-conducteurs?|superpuces?'), 'chips'],
    [words("invest\\p{L}*|a leve|ont leve|leve|levee|participation|prise de participation|levee de fonds|tour de table|actionnaire|actionnaires|financ(?:e|era|ement)"), 'investment'],
    [words("distribu\\p{L}*|catalogue|place de marche|commercialis\\p{L}*|revend\\p{L}*"), 'distribution'],
    [words("integr\\p{L}*|s'appuie sur|s'appuiera sur|s'appuyer sur"), 'integration'],
    [words('recherche|laboratoire commun|co-?develop\\p{L}*|developper conjointement'), 'research'],
  ],
  en: [
    [words('cloud|host(?:s|ed|ing)?|data cent(?:er|re)s?|computing capacity|compute capacity|computing power|compute'), 'cloud'],
    [words('chips?|superchips?|gpus?|processors?|accelerators?|semiconductors?'), 'chips'],
    [words('invest(?:s|ed|ing|ment|ments|or|ors)?|raised|raises|raise|stake|funding round|led the round|equity|backer|backers|backed'), 'investment'],
    [words('distribut\\p{L}*|resell\\p{L}*|marketplace|catalog(?:ue)?'), 'distribution'],
    [words('integrat\\p{L}*|built into|powered by|relies on|rely on'), 'integration'],
    [words('research|joint lab|co-?develop\\p{L}*|jointly develop\\p{L}*'), 'research'],
  ],
};

/** Ties that are natures too: their cue is enough, without a separate "partner" word. */
const SELF_TYING: ReadonlySet<PartnershipNature> = new Set(['investment', 'distribution', 'integration']);

/** Rivalry, not partnership. */
const RIVALRY = words('concurren\\p{L}*|rival\\p{L}*|compet\\p{L}*|course|race|face a|versus|vs|contre|against|depend\\p{L}*|dependance');

const CLOUD_PROVIDERS = new Set(['Microsoft', 'Amazon', 'Google', 'Oracle', 'CoreWeave', 'Scaleway', 'OVHcloud', 'IBM', 'Alibaba', 'Lambda']);
const CHIP_SUPPLIERS = new Set(['Nvidia', 'AMD', 'Intel', 'TSMC', 'Broadcom', 'Cerebras', 'Qualcomm', 'Samsung', 'SK Hynix', 'Arm']);
const PLATFORMS = new Set(['Azure', 'AWS', 'Bedrock', 'Google Cloud', 'Vertex AI', 'Oracle Cloud']);
const CHIPS = new Set(['H100', 'H200', 'B200', 'B300', 'GB200', 'GB300', 'Blackwell', 'Hopper', 'MI300X', 'MI325X', 'MI350', 'MI355X', 'MI400', 'Trainium', 'Trainium2', 'Trainium3']);
const PASSIVE_INVESTMENT = /(?:backed by|led by|mene par|menee par|aupres de|aupres d'|soutenu par|soutenue par|from)\s*/u;

function firstAfter(party: Party, from: number): number {
  return Math.min(Infinity, ...party.at.filter((at) => at >= from));
}

function lang(language: Language): Array<'fr' | 'en'> {
  return language === 'und' ? ['fr', 'en'] : [language === 'en' ? 'en' : 'fr'];
}

function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

interface Party {
  name: string;
  /** Offsets of its mentions in the sentence. */
  at: number[];
  /** Named through one of its platforms (Azure, AWS). */
  viaPlatform: boolean;
  /** Named through one of its chips (H100, Trainium). */
  viaChip: boolean;
}

function partiesOf(entities: EntityMention[]): Party[] {
  const byName = new Map<string, Party>();
  for (const entity of entities) {
    const chip = CHIPS.has(entity.canonical);
    const name = entity.kind === 'company' ? entity.canonical : PLATFORMS.has(entity.canonical) || chip ? entity.company : null;
    if (!name) continue;
    const party = byName.get(name) ?? { name, at: [], viaPlatform: false, viaChip: false };
    party.at.push(entity.start);
    party.viaPlatform ||= entity.kind === 'product' && !chip;
    party.viaChip ||= chip;
    byName.set(name, party);
  }
  return [...byName.values()];
}

function directed(provider: Party | undefined, other: Party | undefined): { a: string; b: string; direction: 'a-to-b' } | null {
  return provider && other ? { a: provider.name, b: other.name, direction: 'a-to-b' } : null;
}

function orientation(
  nature: PartnershipNature,
  [first, second]: [Party, Party],
  folded: string,
  cueAt: number,
): { a: string; b: string; direction: 'a-to-b' | 'mutual' } {
  const mutual = { a: first.name, b: second.name, direction: 'mutual' as const };
  const pair = [first, second];
  if (nature === 'cloud') {
    const providers = pair.filter((p) => CLOUD_PROVIDERS.has(p.name) || p.viaPlatform);
    if (providers.length === 1) return directed(providers[0], pair.find((p) => p !== providers[0])) ?? mutual;
  }
  if (nature === 'chips') {
    const viaChip = pair.filter((p) => p.viaChip);
    const suppliers = viaChip.length === 1 ? viaChip : pair.filter((p) => CHIP_SUPPLIERS.has(p.name));
    if (suppliers.length === 1) return directed(suppliers[0], pair.find((p) => p !== suppliers[0])) ?? mutual;
  }
  if (nature === 'distribution') {
    const platforms = pair.filter((p) => p.viaPlatform);
    if (platforms.length === 1) return directed(platforms[0], pair.find((p) => p !== platforms[0])) ?? mutual;
  }
  if (nature === 'investment') {
    const marker = PASSIVE_INVESTMENT.exec(folded.slice(cueAt, cueAt + 80));
    if (marker) {
      const from = cueAt + marker.index + marker[0].length;
      const investor = [...pair].sort((x, y) => firstAfter(x, from) - firstAfter(y, from))[0];
      if (firstAfter(investor, from) < Infinity) return directed(investor, pair.find((p) => p !== investor)) ?? mutual;
    }
    const nearestBefore = (p: Party) => Math.max(-1, ...p.at.filter((at) => at < cueAt));
    const investor = [...pair].sort((x, y) => nearestBefore(y) - nearestBefore(x))[0];
    const raising = /^(?:a leve|ont leve|leve|levee|raised|raises|raise)/u.test(folded.slice(cueAt));
    if (!raising && nearestBefore(investor) >= 0) return directed(investor, pair.find((p) => p !== investor)) ?? mutual;
  }
  return mutual;
}

/**
 * The partnerships one sentence states: two organisations (platforms count
 * for their owner: Azure for Microsoft), a word that ties them, and a nature
 * (cloud, chips, investment, distribution, integration, research). A sentence
 * naming more than two organisations, or speaking of rivalry, gives nothing.
 */
export function extractPartnerships({ article, span, entities }: SentenceContext): PartnershipClaim[] {
  const sentence = article.text.slice(span.start, span.end);
  const folded = foldForMatching(sentence);
  const parties = partiesOf(entities);
  if (parties.length !== 2) return [];
  const languages = lang(article.language);
  const tie = languages.map((l) => firstMatch(TIE[l], folded)).find(Boolean);
  const rivalry = firstMatch(RIVALRY, folded);
  const claims: PartnershipClaim[] = [];
  const seen = new Set<PartnershipNature>();
  for (const l of languages) {
    for (const [pattern, nature] of NATURES[l]) {
      const cue = firstMatch(pattern, folded);
      if (!cue || seen.has(nature)) continue;
      if (!tie && !SELF_TYING.has(nature)) continue;
      if (rivalry && !/partena|partner|accord|agreement|deal|contrat|contract|invest/u.test(folded)) continue;
      seen.add(nature);
      const oriented = orientation(nature, parties as [Party, Party], folded, cue.index);
      claims.push({ ...oriented, nature, citation: citeSpan(article, span) });
    }
  }
  const cloudToChipMaker = claims.findIndex((c) => c.nature === 'cloud' && CHIP_SUPPLIERS.has(c.b));
  if (cloudToChipMaker >= 0 && claims.some((c) => c.nature === 'chips')) claims.splice(cloudToChipMaker, 1);
  const strongTie = languages.some((l) => firstMatch(STRONG_TIE[l], folded));
  if (claims.length === 0 && strongTie && !rivalry) {
    claims.push({ a: parties[0].name, b: parties[1].name, nature: 'other', direction: 'mutual', citation: citeSpan(article, span) });
  }
  return claims;
}
