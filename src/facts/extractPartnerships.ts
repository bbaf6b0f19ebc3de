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
const SELF_TYING: ReadonlySet<PartnershipNature> = new Set(['investment', 'distribution', 'integration', 'acquisition', 'merger']);

/** What the alias table says a party provides (Microsoft: cloud, Nvidia: chips); nothing for a name it does not list. */
const isCloudProvider = (name: string) => providedBy(name) === 'cloud';
const isChipSupplier = (name: string) => providedBy(name) === 'chips';
const PASSIVE_INVESTMENT = /(?:backed by|led by|mene par|menee par|aupres de|aupres d'|soutenu par|soutenue par|from)\s*/u;
/** "le rachat de Tiffany par LVMH", "acquired by LVMH": the buyer comes after. */
const PASSIVE_ACQUISITION = /(?:^|[^\p{L}])(?:par|by)\s+/u;

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
function partiesOf(entities: EntityMention[], sentence: string): Party[] {
  const byName = new Map<string, Party>();
  const add = (entity: EntityMention, name: string, chip: boolean) => {
    const spelledOut = entities.find((other) => other.end <= entity.start && isAcronymOf(entity, other, sentence));
    if (spelledOut) name = spelledOut.kind === 'company' || spelledOut.kind === 'name' ? spelledOut.canonical : name;
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

/** Whether `acronym` is `name`'s initials, written right after it in parentheses: "Fiat Chrysler Automobiles (FCA)", « Organisation mondiale de la santé (OMS) ». */
function isAcronymOf(acronym: EntityMention, name: EntityMention, sentence: string): boolean {
  if (!/^\p{Lu}{2,6}$/u.test(acronym.text) || !/^\s*\(\s*$/u.test(sentence.slice(name.end, acronym.start))) return false;
  const initials = name.text.split(/[\s'’-]+/u).filter((word) => word.length > 3 || /^\p{Lu}/u.test(word)).map((word) => word[0].toUpperCase()).join('');
  return initials === acronym.text;
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
 * Who buys whom, or who merges, when the sentence's grammar says it plainly,
 * else null (no claim): an acquisition needs its target as the first name
 * after the cue and its buyer as the name right before it ("LVMH a finalisé
 * le rachat du joaillier Tiffany") or the first after « par » / "by" ("Darty,
 * rachetée en 2016 par la Fnac"); a merger needs the two parties as the
 * names next to the cue ("la fusion entre FCA et PSA", "Renault fusionne avec
 * Nissan"). A party whose name holds the cue ("Fusion Capital") is none.
 */
function ownershipChange(
  nature: 'acquisition' | 'merger',
  pair: [Party, Party],
  entities: EntityMention[],
  folded: string,
  cue: RegExpExecArray,
): { a: string; b: string; direction: 'a-to-b' | 'mutual' } | null {
  const cueStart = cue.index;
  const cueEnd = cue.index + cue[0].length;
  if (entities.some((e) => e.start <= cueStart && cueEnd <= e.end)) return null;
  const partyAt = (entity: EntityMention | undefined) => (entity ? pair.find((p) => p.at.includes(entity.start)) : undefined);
  const after = entities.filter((e) => e.start >= cueEnd && e.start < cueEnd + NEXT_TO_CUE);
  const before = entities.filter((e) => e.end <= cueStart && e.end > cueStart - NEXT_TO_CUE);
  if (nature === 'merger') {
    const near = [...before, ...after].filter((e) => partyAt(e));
    const first = near[0];
    const second = near.find((e) => partyAt(e) !== partyAt(first));
    if (!first || !second) return null;
    const joined = MERGING_JOIN.test(folded.slice(first.end, second.start).replace(/^\s*\([^)]*\)/u, ''));
    const cueOpens = second.start < cueStart ? cueStart - second.end <= 20 : first.end <= cueStart ? true : MERGING_OF.test(folded.slice(cueEnd, first.start));
    return joined && cueOpens ? { a: pair[0].name, b: pair[1].name, direction: 'mutual' } : null;
  }
  const passive = PASSIVE_ACQUISITION.exec(folded.slice(cueEnd, cueEnd + 40));
  let buyer: Party | undefined;
  let target: Party | undefined;
  if (passive) {
    const by = cueEnd + passive.index + passive[0].length;
    buyer = partyAt(entities.find((e) => e.start >= by));
    const between = after.find((e) => e.start < by);
    target = partyAt(between ?? before[before.length - 1]);
  } else {
    buyer = partyAt(before[before.length - 1]);
    target = partyAt(after[0]);
  }
  return buyer && target && buyer !== target ? { a: buyer.name, b: target.name, direction: 'a-to-b' } : null;
}

/** What joins two merging names: « et », « avec », "and", "with", a cue between them (« X fusionne avec Y »). */
const MERGING_JOIN = /^\s*(?:,\s*)?(?:\p{L}+\s+){0,2}(?:et|and|avec|with|&|\/)\s+(?:(?:les?|la|l'|the|\p{Ll}+)\s+){0,3}$|^\s*(?:fusionn\p{L}*|merg\p{L}*)\s+(?:avec|with)\s+$/u;
/** What opens a merger noun's parties: « la fusion entre », « de », "merger of", "between". */
const MERGING_OF = /^\s*(?:entre|de|d'|du|des|of|between)\s+(?:(?:les?|la|l'|the|deux|two|\p{Ll}+)\s+){0,4}$/u;

/** How far from its cue, in characters, a party of an acquisition or a merger may be named ("le rachat du joaillier américain Tiffany"). */
const NEXT_TO_CUE = 60;

function distance(entity: EntityMention, cueStart: number, cueEnd: number): number {
  return entity.end <= cueStart ? cueStart - entity.end : entity.start - cueEnd;
}

/**
 * The partnerships one sentence states: two organisations (platforms count
 * for their owner: Azure for Microsoft), a word that ties them, and a nature
 * (cloud, chips, investment, distribution, integration, research, an
 * acquisition with its buyer, a merger). A sentence
 * naming more than two organisations, or speaking of rivalry, gives nothing.
 */
export function extractPartnerships({ article, span, entities }: SentenceContext): PartnershipClaim[] {
  const sentence = article.text.slice(span.start, span.end);
  const parties = partiesOf(entities, sentence);
  if (parties.length !== 2) return [];
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
      if (nature === 'acquisition' || nature === 'merger') {
        const change = ownershipChange(nature, parties as [Party, Party], entities, folded, cue);
        if (!change) continue;
        seen.add(nature);
        claims.push({ ...change, nature, citation: citeSpan(article, span) });
        continue;
      }
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
