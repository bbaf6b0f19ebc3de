import { UserFacingError } from '../src/errors';
import { hasVisibleText } from '../src/text/controlCharacters';
import { MESSAGES, type InputKind, type Messages } from './messages';

/**
 * The question as Scoop will answer it, or a UserFacingError saying what is
 * wrong with it (in the user's language): blank (zero-width characters count
 * as blank), or longer than `maxLength` characters.
 */
export function checkQuestion(raw: string | null | undefined, maxLength: number, what: InputKind = 'question', t: Messages = MESSAGES.en): string {
  const question = (raw ?? '').replace(/\s+/gu, ' ').trim();
  if (!hasVisibleText(question)) throw new UserFacingError(t.emptyInput(what), 'blank_question');
  if (question.length > maxLength) throw new UserFacingError(t.tooLong(what, question.length, maxLength), 'question_too_long');
  return question;
}
