import { citeSpan } from '../passages/citation';
import type { PartnershipClaim, PartnershipNature } from './fact';
import { providedBy, type EntityMention } from './entities';
import type { SentenceContext } from './extractDateClaims';
import { foldForMatching } from '../text/foldForMatching';
import { vocabulariesFor } from '../text/language';
import { VOCABULARIES, wordsPattern, type Vocabulary } from '../text/vocabulary';

/** Each language's tie words compiled: words that tie two organisations, those that state a partnership by themselves, each nature's cues, rivalry. */
interface CompiledTies {
  tie: RegExp;
  strongTie: RegExp;
  natures: ReadonlyArray<readonly [RegExp, PartnershipNature]>;
  rivalry: RegExp;
}

function compileTies(vocabulary: Vocabulary): CompiledTies {
  return {
    tie: wordsPattern(vocabulary.tieWords),
    strongTie: wordsPattern(vocabulary.strongTieWords),
    natures: vocabulary.ties.natures.map(([source, nature]) => [wordsPattern(source), nature] as const),
    rivalry: wordsPattern(vocabulary.ties.rivalry),
  };
}

const TIES: Record<'fr' | 'en', CompiledTies> = { fr: compileTies(VOCABULARIES.fr), en: compileTies(VOCABULARIES.en) };

/** Ties that are natures too: their cue is enough, without a separate "partner" word. */
const SELF_TYING: ReadonlySet<PartnershipNature> = new Set(['investment', 'distribution', 'integration']);

/** What the alias table says a party provides (Microsoft: cloud, Nvidia: chips); nothing for a name it does not list. */
const isCloudProvider = (name: string) => providedBy(name) === 'cloud';
const isChipSupplier = (name: string) => providedBy(name) === 'chips';
const PASSIVE_INVESTMENT = /(?:backed by|led by|mene par|menee par|aupres de|aupres d'|soutenu par|soutenue par|from)\s*/u;

function firstAfter(party: Party, from: number): number {
  return Math.min(Infinity, ...party.at.filter((at) => at >= from));
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

/**
 * The parties a sentence names: its organisations (a platform or a chip
 * counts for its maker: Azure for Microsoft), and, when that makes fewer than
 * two, the names whose kind the article does not say (a company no cue
 * types); people, places and products without a maker are no parties.
 */
function partiesOf(entities: EntityMention[]): Party[] {
  const byName = new Map<string, Party>();
  const add = (entity: EntityMention, name: string, chip: boolean) => {
    const party = byName.get(name) ?? { name, at: [], viaPlatform: false, viaChip: false };
    party.at.push(entity.start);
    party.viaPlatform ||= entity.kind === 'product' && !chip;
    party.viaChip ||= chip;
    byName.set(name, party);
  };
  for (const entity of entities) {
    if (entity.kind === 'company') add(entity, entity.canonical, false);
    else if (entity.kind === 'product' && entity.company && providedBy(entity.canonical)) add(entity, entity.company, isChipSupplier(entity.canonical));
  }
  if (byName.size < 2) {
    for (const entity of entities) if (entity.kind === 'name') add(entity, entity.canonical, false);
  }
  return [...byName.values()];
}

/** Whether any party is a name the article does not type (see `partiesOf`). */
function hasUntypedParty(parties: Party[], entities: EntityMention[]): boolean {
  return parties.some((p) => entities.some((e) => e.kind === 'name' && e.canonical === p.name));
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
    const providers = pair.filter((p) => isCloudProvider(p.name) || p.viaPlatform);
    if (providers.length === 1) return directed(providers[0], pair.find((p) => p !== providers[0])) ?? mutual;
  }
  if (nature === 'chips') {
    const viaChip = pair.filter((p) => p.viaChip);
    const suppliers = viaChip.length === 1 ? viaChip : pair.filter((p) => isChipSupplier(p.name));
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
  const parties = partiesOf(entities);
  if (parties.length !== 2) return [];
  const sentence = article.text.slice(span.start, span.end);
  const folded = foldForMatching(sentence);
  const untyped = hasUntypedParty(parties, entities);
  const languages = vocabulariesFor(article.language).map((v) => TIES[v.language]);
  const tie = languages.map((l) => firstMatch(l.tie, folded)).find(Boolean);
  const rivalry = languages.map((l) => firstMatch(l.rivalry, folded)).find(Boolean);
  const claims: PartnershipClaim[] = [];
  const seen = new Set<PartnershipNature>();
  for (const l of languages) {
    for (const [pattern, nature] of l.natures) {
      const cue = firstMatch(pattern, folded);
      if (!cue || seen.has(nature)) continue;
      if (!tie && !SELF_TYING.has(nature)) continue;
      if (rivalry && !/partena|partner|accord|agreement|deal|contrat|contract|invest/u.test(folded)) continue;
      seen.add(nature);
      const oriented = orientation(nature, parties as [Party, Party], folded, cue.index);
      claims.push({ ...oriented, nature, citation: citeSpan(article, span) });
    }
  }
  const cloudToChipMaker = claims.findIndex((c) => c.nature === 'cloud' && isChipSupplier(c.b));
  if (cloudToChipMaker >= 0 && claims.some((c) => c.nature === 'chips')) claims.splice(cloudToChipMaker, 1);
  const strongTie = languages.some((l) => firstMatch(l.strongTie, folded));
  if (untyped && (!strongTie || rivalry)) return [];
  if (claims.length === 0 && strongTie && !rivalry) {
    claims.push({ a: parties[0].name, b: parties[1].name, nature: 'other', direction: 'mutual', citation: citeSpan(article, span) });
  }
  return claims;
}
