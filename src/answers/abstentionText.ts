import type { QuestionAnalysis } from './analyzeQuestion';
import { EVENT_WORDS, frenchOf } from './eventWords';

/** Why the articles do not answer. */
export type AbstentionReason = 'subject-absent' | 'not-stated';


function whatEn(analysis: QuestionAnalysis, subject: string): string {
  switch (analysis.kind) {
    case 'date': {
      const words = EVENT_WORDS[analysis.event ?? 'release'].en;
      if (!subject) return `the date of the ${words.noun} you asked about`;
      if (!words.participle) return `when ${subject}'s ${words.noun} ${analysis.past ? 'took' : 'will take'} place`;
      return `when ${subject} ${analysis.past ? 'was' : 'will be'} ${words.participle}`;
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
      const words = EVENT_WORDS[analysis.event ?? 'release'].fr;
      if (!subject) return `la date ${words.noun.startsWith('le ') ? `du ${words.noun.slice(3)}` : `de ${words.noun}`} demandée`;
      return `quand ${analysis.past ? words.past(subject) : words.future(subject)}`;
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
