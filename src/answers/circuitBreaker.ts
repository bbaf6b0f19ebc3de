/** When the breaker opens and for how long; the clock is injected so tests need not wait. */
export interface CircuitBreakerOptions {
  /** Failures (errors or timeouts) in a row that open the circuit. */
  failures: number;
  /** How long the circuit stays open before one call is tried again, in milliseconds. */
  coolDownMs: number;
  /** Milliseconds since some fixed point (Date.now by default). */
  now?: () => number;
}

/** Thrown instead of calling the service while the circuit is open. */
export class CircuitOpenError extends Error {
  constructor(
    readonly failures: number,
    readonly retryInMs: number,
  ) {
    super(`${failures} failures in a row: not called for another ${Math.ceil(retryInMs / 1000)} s (circuit open)`);
    this.name = 'CircuitOpenError';
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Stops calling a failing service for a while: after `failures` errors or
 * timeouts in a row the circuit opens and every call fails at once with a
 * `CircuitOpenError` (the caller answers without the service) until
 * `coolDownMs` have passed; then one call is let through, and its outcome
 * closes the circuit or opens it again. A call counts as failed as soon as
 * its signal aborts, even if the service never answers.
 */
export class CircuitBreaker {
  private failuresInARow = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** `closed`, `open`, or `half-open` when the cool-down is over and the next call is a trial. */
  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  /** Runs `work` unless the circuit is open; its failure or the signal's abort counts against the service. */
  async call<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      const retryInMs = Math.max(0, this.options.coolDownMs - (this.now() - (this.openedAt ?? 0)));
      throw new CircuitOpenError(Math.max(this.failuresInARow, this.options.failures), retryInMs);
    }
    const trial = state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const result = await untilAborted(work(), signal);
      this.failuresInARow = 0;
      this.openedAt = undefined;
      return result;
    } catch (error) {
      this.failuresInARow += 1;
      if (trial || this.failuresInARow >= this.options.failures) this.openedAt = this.now();
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }
}
