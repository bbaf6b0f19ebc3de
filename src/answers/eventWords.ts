import type { DateEventKind } from '../facts/fact';

/** "de OpenAI" → "d'OpenAI": French elision before a vowel. */
export function frenchOf(name: string): string {
  return /^[aeiouyàâéèêîôûAEIOUYÀÂÉÈÊÎÔÛ]/.test(name) ? `d'${name}` : `de ${name}`;
}

/** How one kind of dated event is worded in each language, so an acquisition reads as one, not as a release. */
export interface EventWording {
  en: {
    /** Past participle ("GPT-5 will be released"), or null when the event reads better as a noun ("PSG's match"). */
    participle: string | null;
    /** The event as a noun ("release", "acquisition", "entry into force"). */
    noun: string;
  };
  fr: {
    /** The event as a noun with its article ("la sortie", "le rachat", "l'entrée en vigueur"). */
    noun: string;
    feminine: boolean;
    /** "quand X sortira", "quand aura lieu le match de X". */
    future: (subject: string) => string;
    past: (subject: string) => string;
  };
}

function verbal(participle: string, noun: string, frNoun: string, feminine: boolean, future: string, past: string): EventWording {
  return { en: { participle, noun }, fr: { noun: frNoun, feminine, future: (s) => `${s} ${future}`, past: (s) => `${s} ${past}` } };
}

function nominal(noun: string, frNoun: string, feminine: boolean): EventWording {
  return {
    en: { participle: null, noun },
    fr: { noun: frNoun, feminine, future: (s) => `aura lieu ${frNoun} ${frenchOf(s)}`, past: (s) => `a eu lieu ${frNoun} ${frenchOf(s)}` },
  };
}

/** The wording of every kind of dated event, English and French. */
export const EVENT_WORDS: Readonly<Record<DateEventKind, EventWording>> = {
  release: verbal('released', 'release', 'la sortie', true, 'sortira', 'est sorti'),
  launch: verbal('launched', 'launch', 'le lancement', false, 'sera lancé', 'a été lancé'),
  unveiling: verbal('unveiled', 'unveiling', 'la présentation', true, 'sera dévoilé', 'a été dévoilé'),
  deployment: verbal('deployed', 'deployment', 'le déploiement', false, 'sera déployé', 'a été déployé'),
  postponement: verbal('released', 'release', 'la sortie', true, 'sortira', 'est sorti'),
  announcement: verbal('announced', 'announcement', "l'annonce", true, 'sera annoncé', 'a été annoncé'),
  training: verbal('trained', 'training', "l'entraînement", false, 'sera entraîné', 'a été entraîné'),
  acquisition: verbal('acquired', 'acquisition', 'le rachat', false, 'sera racheté', 'a été racheté'),
  held: verbal('held', 'date', 'la tenue', true, 'aura lieu', 'a eu lieu'),
  election: nominal('election', "l'élection", true),
  match: nominal('match', 'le match', false),
  'entry-into-force': nominal('entry into force', "l'entrée en vigueur", true),
  other: verbal('due', 'date', "l'échéance", true, 'sortira', 'est sorti'),
};

