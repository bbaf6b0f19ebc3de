import type { DateEventKind } from '../facts/fact';

/** The English past participle of each dated event ("GPT-5 will be released"). */
export const EN_PARTICIPLE: Record<DateEventKind, string> = {
  release: 'released',
  launch: 'launched',
  unveiling: 'unveiled',
  deployment: 'deployed',
  postponement: 'released',
  announcement: 'announced',
  training: 'trained',
  other: 'due',
};
