import type { DateEventKind } from '../facts/fact';
import type { QuestionAnalysis } from './analyzeQuestion';
import { EN_PARTICIPLE } from './eventWords';

/** Why the articles do not answer. */
export type AbstentionReason = 'subject-absent' | 'not-stated';


const FR_FUTURE: Record<DateEventKind, string> = {
  release: 'sortira',
  launch: 'sera lancé',
  unveiling: 'sera dévoilé',
  deployment: 'sera déployé',
  postponement: 'sortira',
  announcement: 'sera annoncé',
  training: 'sera entraîné',
  other: 'sortira',
};

const FR_PAST: Record<DateEventKind, string> = {
  release: 'est sorti',
  launch: 'a été lancé',
  unveiling: 'a été dévoilé',
  deployment: 'a été déployé',
  postponement: 'est sorti',
  announcement: 'a été annoncé',
  training: 'a été entraîné',
  other: 'est sorti',
};

/** "de OpenAI" → "d'OpenAI": French elision before a vowel. */
export function frenchOf(name: string): string {
  return /^[aeiouyàâéèêîôûAEIOUYÀÂÉÈÊÎÔÛ]/.test(name) ? `d'${name}` : `de ${name}`;
}

function whatEn(analysis: QuestionAnalysis, subject: string): string {
  switch (analysis.kind) {
    case 'date': {
      const event = analysis.event ?? 'release';
      return `when ${subject} ${analysis.past ? 'was' : 'will be'} ${EN_PARTICIPLE[event]}`;
    }
    case 'partnership':
      return subject ? `who ${subject} works with${analysis.nature ? ` (${analysis.nature})` : ''}` : 'who works with whom here';
    case 'fact':
      switch (analysis.target) {
        case 'code-name':
          return `${subject}'s code name`;
        case 'amount':
          return subject ? `how much is involved for ${subject}` : 'what amount is involved';
        case 'count':
          return 'how many';
        case 'person':
          return 'who it is';
        case 'place':
          return 'where';
        default:
          return subject ? `what you asked about ${subject}` : 'what you asked';
      }
  }
}

function whatFr(analysis: QuestionAnalysis, subject: string): string {
  switch (analysis.kind) {
    case 'date': {
      const event = analysis.event ?? 'release';
      return `quand ${subject} ${analysis.past ? FR_PAST[event] : FR_FUTURE[event]}`;
    }
    case 'partnership':
      return subject ? `avec qui ${subject} travaille` : 'qui travaille avec qui';
    case 'fact':
      switch (analysis.target) {
        case 'code-name':
          return `le nom de code ${frenchOf(subject)}`;
        case 'amount':
          return 'de quel montant il s’agit';
        case 'count':
          return 'combien';
        case 'person':
          return 'de qui il s’agit';
        case 'place':
          return 'où';
        default:
          return subject ? `ce que vous demandez sur ${subject}` : 'ce que vous demandez';
      }
  }
}

/**
 * Says plainly, in the question's language, that the indexed articles do not
 * answer: "The indexed articles don't say when GPT-6 will be released." /
 * « Les articles indexés ne disent pas quand GPT-6 sortira. », adding when the
 * subject is never mentioned at all.
 */
export function abstentionText(analysis: QuestionAnalysis, subject: string | null, reason: AbstentionReason): string {
  const name = subject ?? '';
  if (analysis.language === 'fr') {
    const base = `Les articles indexés ne disent pas ${whatFr(analysis, name)}.`;
    return reason === 'subject-absent' && subject ? `${base} Ils ne mentionnent pas ${subject}.` : base;
  }
  const base = `The indexed articles don't say ${whatEn(analysis, name)}.`;
  return reason === 'subject-absent' && subject ? `${base} They don't mention ${subject}.` : base;
}
