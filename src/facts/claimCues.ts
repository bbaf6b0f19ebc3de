import type { Language } from '../articles/article';
import type { DateEventKind } from './fact';

/** A word in a clause that says what happens (an event) or how sure the article is (a status). */
export interface Cue<T> {
  start: number;
  end: number;
  value: T;
}

type CueTable<T> = Array<[RegExp, T]>;

const W = '(?<![\\p{L}\\d])';
const Z = '(?![\\p{L}\\d])';

function cue(source: string): RegExp {
  return new RegExp(`${W}(?:${source})${Z}`, 'gu');
}

/** Verbs and nouns of events, on folded text (lower case, no accents). */
const EVENT_CUES: Record<'fr' | 'en', CueTable<DateEventKind>> = {
  fr: [
    [cue("report(?:e|ee|es|ees|er|era|eront|erait|eraient)|repouss\\p{L}*|retard(?:e|ee|es|ees|er|era)?|decal(?:e|ee|es|ees|er|age)"), 'postponement'],
    [cue('sorti|sortie|sorties|sortir|sortira|sortiront|sortirait|sortiraient|publie|publiee|publiera|publication|disponible|disponibles|disponibilite|livre|livrera|livraison|commercialise|commercialisee|commercialisera|arrive|arrivera|arriveront|arriverait|arrivee'), 'release'],
    [cue('devoil\\p{L}*|present(?:e|ee|es|ees|era|eront|erait|ation|er)|revel(?:e|ee|era|er)'), 'unveiling'],
    [cue('lanc(?:e|ee|es|ees|er|era|eront|erait|eraient|ement|ements)|mise sur le marche'), 'launch'],
    [cue('deploi\\p{L}*|deploy\\p{L}*|mise en production'), 'deployment'],
    [cue('entrain(?:e|ee|es|er|era|ement)|formation'), 'training'],
    [cue('annonc(?:e|ee|es|ees|er|era|eront|erait|ent)'), 'announcement'],
  ],
  en: [
    [cue('postpon\\p{L}*|delay(?:s|ed|ing)?|push(?:ed|es)? back|pushed (?:the \\p{L}+ )?(?:into|to)|slip(?:s|ped)?'), 'postponement'],
    [cue('releas(?:e|es|ed|ing)|ship(?:s|ped|ping)?|available|availability|arrive(?:s|d)?|rolls? out to'), 'release'],
    [cue('unveil(?:s|ed|ing)?|present(?:s|ed|ing)|showcas(?:e|es|ed|ing)|reveal(?:s|ed|ing)?|debut(?:s|ed)?'), 'unveiling'],
    [cue('launch(?:es|ed|ing)?'), 'launch'],
    [cue('deploy(?:s|ed|ing|ment)?|roll(?:s|ed|ing)? out|rollout|host(?:s|ed|ing)?'), 'deployment'],
    [cue('train(?:s|ed|ing)|pre-?train(?:s|ed|ing)?'), 'training'],
    [cue('announc(?:e|es|ed|ing|ement)'), 'announcement'],
  ],
};

/** Words that cancel an event. */
const CANCEL_CUES: Record<'fr' | 'en', RegExp> = {
  fr: cue('annul(?:e|ee|es|ees|er|era|ation)|abandonn(?:e|ee|es|er|era)|renonce'),
  en: cue('cancel(?:s|ed|led|ing)?|scrap(?:s|ped)|shelv(?:e|es|ed)|abandon(?:s|ed)?|axed'),
};

/** Hearsay: the claim rests on unnamed sources or the journalistic conditional. */
const RUMOUR_CUES: Record<'fr' | 'en', RegExp> = {
  fr: cue("selon (?:des|les|plusieurs|nos|certaines|de) (?:sources|rumeurs|informations|personnes)|selon (?:the information|bloomberg|reuters|the verge|le wall street journal|the wall street journal)|d'apres (?:des|nos|plusieurs) sources|rumeurs?|aurait|auraient|il se murmure|pourrait|pourraient|serait|seraient"),
  en: cue("reportedly|is said to|are said to|rumou?r(?:s|ed)?|according to (?:sources|people|insiders|a report|reports|the information|bloomberg|reuters)|people familiar|sources (?:say|said|claim|told)|could|might"),
};

/** The article expects it without a firm plan. */
const EXPECT_CUES: Record<'fr' | 'en', RegExp> = {
  fr: cue("devrai(?:t|ent)|devra|devront|attendu|attendue|attendus|attendues|s'attend(?:ent)?|probablement|vraisemblablement|table sur"),
  en: cue('expected|expects?|should|likely|anticipated|on track'),
};

/** A firm plan: future tense, "plans to", "prévoit", a reported announcement. */
const PLAN_CUES: Record<'fr' | 'en', RegExp> = {
  fr: cue("sera|seront|va|vont|prevoit|prevoient|prevu|prevue|prevus|prevues|compte|comptent|entend|entendent|projette|planifie|doit|doivent|a annonce qu|a annonce que|a confirme qu|a confirme que|annonce qu|annonce que|promet|a promis|\\p{L}+(?:era|eront|ira|iront)"),
  en: cue("will|would|'ll|plans?|planned|is set to|are set to|scheduled|slated|aims? to|aimed to|intends? to|is going to|are going to|is to|are to|due|promised|announced (?:that|it would|plans)"),
};

/** Past tense: the event is reported as done. */
const PAST_CUES: Record<'fr' | 'en', RegExp> = {
  fr: cue("(?:a|ont|avait|avaient|est|sont|etait|etaient)(?: (?:deja|bien|officiellement|finalement|discretement|enfin))? (?:ete )?\\p{L}+(?:e|ee|es|ees|i|ie|is|ies|u|ue)|\\p{L}+(?:a|erent)(?= (?:le|la|les|son|sa|ses|un|une|en|au|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))"),
  en: cue('was|were|has been|have been|had been|\\p{L}{3,}ed(?! to)'),
};

/** Conditional in reported speech ("a annoncé qu'il lancerait"): a past plan, not a rumour. */
const REPORTED_PLAN = /(?:annonc|confirm|promis|indiqu|assur|declar|affirm|explique)\p{L}* qu/u;
/** The journalistic conditional on an event verb ("OpenAI lancerait GPT-5 en mai"): unconfirmed. */
const CONDITIONAL = /\p{L}+(?:rait|raient)(?![\p{L}])/u;

function collect<T>(folded: string, table: CueTable<T>, from: number, to: number): Array<Cue<T>> {
  const found: Array<Cue<T>> = [];
  const slice = folded.slice(from, to);
  for (const [pattern, value] of table) {
    pattern.lastIndex = 0;
    for (const match of slice.matchAll(pattern)) {
      found.push({ start: from + match.index, end: from + match.index + match[0].length, value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function lang(language: Language): 'fr' | 'en' {
  return language === 'en' ? 'en' : 'fr';
}

/** Event cues (release, launch, postponement...) in `folded.slice(from, to)`, in text order. */
export function findEventCues(folded: string, language: Language, from: number, to: number): Array<Cue<DateEventKind>> {
  const langs = language === 'und' ? (['fr', 'en'] as const) : [lang(language)];
  return langs.flatMap((l) => collect(folded, EVENT_CUES[l], from, to)).sort((a, b) => a.start - b.start);
}

function has(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** What a clause says about how sure the claim is, read from its words. */
export interface StatusReading {
  cancelled: boolean;
  rumoured: boolean;
  expected: boolean;
  planned: boolean;
  past: boolean;
  reportedPlan: boolean;
  conditional: boolean;
  /** "initialement prévu", "originally slated": a plan made before, its date in the past of the article. */
  formerPlan: boolean;
}

const FORMER_PLAN = cue("initialement|auparavant|a l'origine|au depart|originally|initially|previously|at first");

/** Reads the status cues of a folded clause. */
export function readStatusCues(foldedClause: string, language: Language): StatusReading {
  const langs = language === 'und' ? (['fr', 'en'] as const) : [lang(language)];
  const any = (table: Record<'fr' | 'en', RegExp>) => langs.some((l) => has(table[l], foldedClause));
  return {
    cancelled: any(CANCEL_CUES),
    rumoured: any(RUMOUR_CUES),
    expected: any(EXPECT_CUES),
    planned: any(PLAN_CUES),
    past: any(PAST_CUES),
    reportedPlan: REPORTED_PLAN.test(foldedClause),
    conditional: CONDITIONAL.test(foldedClause),
    formerPlan: has(FORMER_PLAN, foldedClause),
  };
}

/** Hearsay that covers a whole sentence. */
const SENTENCE_HEARSAY: Record<'fr' | 'en', RegExp> = {
  fr: cue("selon (?:des|les|plusieurs|nos|certaines) (?:sources|rumeurs|personnes)|d'apres (?:des|nos|plusieurs) sources|selon (?:the information|bloomberg|reuters)"),
  en: cue('according to (?:sources|people|insiders|a report|reports|the information|bloomberg|reuters)|people familiar|reportedly|sources (?:say|said|told)'),
};

/** Sentence-wide hearsay ("Selon les sources, ...", "..., according to people familiar with the matter"). */
export function sentenceIsHearsay(foldedSentence: string, language: Language): boolean {
  const langs = language === 'und' ? (['fr', 'en'] as const) : [lang(language)];
  return langs.some((l) => has(SENTENCE_HEARSAY[l], foldedSentence));
}
