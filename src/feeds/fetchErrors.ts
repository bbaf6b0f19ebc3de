import { UserFacingError } from '../errors';

/**
 * A URL Scoop will not fetch, whatever the server would answer: another
 * scheme, an address that is not public, too many redirects, robots.txt. The
 * message names the URL and the reason (exit 2 in the CLI).
 */
export class FetchRefusedError extends UserFacingError {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`refused ${url}: ${reason}`, 'fetch_refused');
    this.name = 'FetchRefusedError';
  }
}

/**
 * A fetch that was tried and did not give a usable body: no answer in time,
 * an HTTP error, a body over the size limit, a content type that is not what
 * was asked for. The message names the URL and the reason.
 */
export class FetchFailedError extends UserFacingError {
  constructor(
    readonly url: string,
    readonly reason: string,
    /** HTTP status when the server answered. */
    readonly status?: number,
  ) {
    super(`could not fetch ${url}: ${reason}`, 'fetch_failed');
    this.name = 'FetchFailedError';
  }
}

/** The reason of a fetch error, or the message of any other error. */
export function fetchErrorReason(error: unknown): string {
  if (error instanceof FetchRefusedError || error instanceof FetchFailedError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
