import { citeSpan } from '../passages/citation';
import type { PartnershipClaim, PartnershipNature } from './fact';
import { providedBy, type EntityMention } from './entities';
import { PERSON_TITLES } from './learnNames';
import type { SentenceContext } from './extractDateClaims';
import { foldForMatching } from '../text/foldForMatching';
import { vocabulariesFor } from '../text/language';
import { VOCABULARIES, wordsPattern, type Vocabulary } from '../text/vocabulary';

/** Each language's tie words compiled: words that tie two organisations, those that state a partnership by themselves, each nature's cues, rivalry. */
interface CompiledTies {
  tie: RegExp;
  strongTie: RegExp;
  natures: ReadonlyArray<readonly [RegExp, PartnershipNature]>;
  /** Every nature's cues and the strong tie words as one alternation: a sentence without any states no tie. */
  anyClaimCue: RegExp;
  rivalry: RegExp;
  ownership: OwnershipGrammar;
}

/** {@link OwnershipWords} as tests of the text between a cue and its names. */
interface OwnershipGrammar {
  /** Only complement words: « du joaillier américain ». */
  complement: RegExp;
  /** The agent preposition, a year before it allowed, then complement words: « en 2016 par la ». */
  agent: RegExp;
  /** A joining word, an acronym in parentheses before it allowed: « (FCA) et ». */
  joins: RegExp;
  /** A short auxiliary at most, between a name and its verb: « ont », « va ». */
  auxiliary: RegExp;
  abandoned: RegExp;
  negation: RegExp;
}

function compileTies(vocabulary: Vocabulary): CompiledTies {
  const words = vocabulary.ties.ownership;
  const complements = `(?:[\\s'’]|(?:${words.complement})(?![\\p{L}]))*`;
  return {
    tie: wordsPattern(vocabulary.tieWords),
    strongTie: wordsPattern(vocabulary.strongTieWords),
    natures: vocabulary.ties.natures.map(([source, nature]) => [wordsPattern(source), nature] as const),
    anyClaimCue: wordsPattern([...vocabulary.ties.natures.map(([source]) => source), vocabulary.strongTieWords].map((source) => `(?:${source})`).join('|'), 'u'),
    rivalry: wordsPattern(vocabulary.ties.rivalry),
    ownership: {
      complement: new RegExp(`^${complements}$`, 'u'),
      agent: new RegExp(`^\\s*,?\\s*(?:\\p{L}{1,3}\\s+\\p{N}{4}\\s+)?(?:${words.agent})(?![\\p{L}])${complements}$`, 'u'),
      joins: new RegExp(`^\\s*(?:\\([^)]*\\)\\s*)?(?:${words.joins})(?![\\p{L}])${complements}$`, 'u'),
      auxiliary: /^\s*(?:\p{L}{1,4}\s+){0,2}$/u,
      abandoned: wordsPattern(words.abandoned, 'u'),
      negation: new RegExp(vocabulary.claims.negation, 'u'),
    },
  };
}

const TIES: Record<'fr' | 'en', CompiledTies> = { fr: compileTies(VOCABULARIES.fr), en: compileTies(VOCABULARIES.en) };

/** A person's title then a tie word (« directeur partenariats », « directrice des partenariats », "director of partnerships"): a job, no tie. */
const JOB_TITLE_TIE = new RegExp(
  `(?:^|[^\\p{L}])(?:${[...PERSON_TITLES].map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})\\s+(?:(?:des|du|de la|de l'|of|of the)\\s+)?(${VOCABULARIES.fr.strongTieWords}|${VOCABULARIES.en.strongTieWords})(?![\\p{L}])`,
  'gud',
);

/** The folded sentence with tie words that are part of a job title blanked out (same length, offsets kept). */
function withoutJobTitles(folded: string): string {
  let out = folded;
  for (const match of folded.matchAll(JOB_TITLE_TIE)) {
    const [start, end] = match.indices![1];
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  }
  return out;
}

/** Ties that are natures too: their cue is enough, without a separate "partner" word. */
const SELF_TYING: ReadonlySet<PartnershipNature> = new Set(['investment', 'distribution', 'integration', 'acquisition', 'merger']);

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
function partiesOf(entities: EntityMention[], sentence: string): Party[] {
  const byName = new Map<string, Party>();
  const add = (entity: EntityMention, name: string, chip: boolean) => {
    const spelledOut = ACRONYM.test(entity.text) ? entities.find((other) => other.end <= entity.start && isAcronymOf(entity, other, sentence)) : undefined;
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

/** What an acronym is written as: two to six capitals. */
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** Whether `acronym` is `name`'s initials, written right after it in parentheses: "Fiat Chrysler Automobiles (FCA)", « Organisation mondiale de la santé (OMS) ». */
function isAcronymOf(acronym: EntityMention, name: EntityMention, sentence: string): boolean {
  if (!ACRONYM.test(acronym.text) || !/^\s*\(\s*$/u.test(sentence.slice(name.end, acronym.start))) return false;
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

/** Between an active buyer and its cue, a few lower-case words and nothing else (« LVMH a finalisé jeudi le rachat »). */
const BUYER_TO_CUE = /^\s*(?:[\p{Ll}'’]+\s*){0,4}$/u;

/**
 * Who buys whom, or who merges, when the words next to the cue say it
 * plainly, else null (no claim). An acquisition's target is the name after
 * the cue with only complement words between (« le rachat du joaillier
 * américain Tiffany »), or the name before a passive (« Tiffany, racheté par
 * »); its buyer is the name right before an active cue (« LVMH a racheté »)
 * or right after the agent preposition (« … par la Fnac », "by LVMH"). Merging
 * names are joined by « et » / « avec » and sit next to the cue (« la fusion
 * entre FCA et PSA », « Renault fusionne avec Nissan », « X et Y ont fusionné
 * »). A deal given up, denied or negated (« renonce au rachat », "failed to
 * acquire") is none, nor is a party whose name holds the cue ("Fusion Capital").
 */
function ownershipChange(
  nature: 'acquisition' | 'merger',
  pair: [Party, Party],
  entities: EntityMention[],
  folded: string,
  cue: RegExpExecArray,
  grammar: OwnershipGrammar,
): { a: string; b: string; direction: 'a-to-b' | 'mutual' } | null {
  const cueStart = cue.index;
  const cueEnd = cue.index + cue[0].length;
  if (grammar.abandoned.test(folded) || grammar.negation.test(folded)) return null;
  if (entities.some((e) => e.start <= cueStart && cueEnd <= e.end)) return null;
  const partyAt = (entity: EntityMention | undefined) => (entity ? pair.find((p) => p.at.includes(entity.start)) : undefined);
  const gap = (from: number, to: number) => folded.slice(from, to);
  const named = entities.filter((e) => partyAt(e)).sort((x, y) => x.start - y.start);
  const after = named.filter((e) => e.start >= cueEnd);
  const before = named.filter((e) => e.end <= cueStart);
  const lastBefore = before[before.length - 1];
  if (nature === 'merger') {
    const [first, second] = [...before, ...after].filter((e, i, all) => all.findIndex((o) => partyAt(o) === partyAt(e)) === i).slice(0, 2);
    if (!first || !second) return null;
    const joined = grammar.joins.test(gap(first.end, second.start));
    const cueFirst = cueEnd <= first.start && grammar.complement.test(gap(cueEnd, first.start)) && joined;
    const cueBetween = first.end <= cueStart && cueEnd <= second.start && grammar.auxiliary.test(gap(first.end, cueStart)) && grammar.joins.test(gap(cueEnd, second.start));
    const cueLast = second.end <= cueStart && grammar.auxiliary.test(gap(second.end, cueStart)) && joined;
    return cueFirst || cueBetween || cueLast ? { a: pair[0].name, b: pair[1].name, direction: 'mutual' } : null;
  }
  const next = after[0];
  const target = next && grammar.complement.test(gap(cueEnd, next.start)) ? next : undefined;
  const agentFrom = target ? target.end : cueEnd;
  const agentNamed = after.find((e) => e.start >= agentFrom && grammar.agent.test(gap(agentFrom, e.start)));
  let buyer: EntityMention | undefined;
  let bought: EntityMention | undefined;
  if (agentNamed) {
    buyer = agentNamed;
    const passiveTarget = lastBefore && grammar.auxiliary.test(gap(lastBefore.end, cueStart).replace(/^\s*,/u, '')) ? lastBefore : undefined;
    bought = target && target !== agentNamed ? target : passiveTarget;
  } else if (target && lastBefore && BUYER_TO_CUE.test(gap(lastBefore.end, cueStart))) {
    buyer = lastBefore;
    bought = target;
  }
  const buyerParty = partyAt(buyer);
  const targetParty = partyAt(bought);
  return buyerParty && targetParty && buyerParty !== targetParty ? { a: buyerParty.name, b: targetParty.name, direction: 'a-to-b' } : null;
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
  const languages = vocabulariesFor(article.language).map((v) => TIES[v.language]);
  const read = foldForMatching(sentence);
  if (!languages.some((l) => l.anyClaimCue.test(read))) return [];
  const folded = languages.some((l) => firstMatch(l.strongTie, read)) ? withoutJobTitles(read) : read;
  if (folded !== read && !languages.some((l) => l.anyClaimCue.test(folded))) return [];
  const untyped = hasUntypedParty(parties, entities);
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
        const change = ownershipChange(nature, parties as [Party, Party], entities, folded, cue, l.ownership);
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
  if (untyped && (!strongTie || rivalry)) return claims.filter((c) => c.nature === 'acquisition' || c.nature === 'merger');
  if (claims.length === 0 && strongTie && !rivalry) {
    claims.push({ a: parties[0].name, b: parties[1].name, nature: 'other', direction: 'mutual', citation: citeSpan(article, span) });
  }
  return claims;
}
