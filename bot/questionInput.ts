import { UserFacingError } from '../src/errors';
import { hasVisibleText } from '../src/text/controlCharacters';

/**
 * The question as Scoop will answer it, or a UserFacingError saying what is
 * wrong with it: blank (zero-width characters count as blank), or longer than `maxLength` characters.
 */
export function checkQuestion(raw: string | null | undefined, maxLength: number, what = 'question'): string {
  const question = (raw ?? '').replace(/\s+/gu, ' ').trim();
  if (!hasVisibleText(question)) {
    throw new UserFacingError(`Your ${what} is empty: write a few words, e.g. "When is GPT-5 coming out?"`, 'blank_question');
  }
  if (question.length > maxLength) {
    throw new UserFacingError(
      `Your ${what} is ${question.length} characters long; the limit is ${maxLength}. Please shorten it.`,
      'question_too_long',
    );
  }
  return question;
}
