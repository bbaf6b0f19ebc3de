/**
 * An expected failure whose message is written for the person using Scoop:
 * shown as is (ephemeral in Discord, exit code 2 in the CLI). Anything else
 * that is thrown is a bug: logged with context, and the user gets an apology.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    /** A short stable identifier, for logs and tests. */
    readonly code: string = 'user_error',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
