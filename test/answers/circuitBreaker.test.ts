import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../../src/answers/circuitBreaker';

const ok = () => Promise.resolve('answer');
const fails = () => Promise.reject(new Error('503'));

describe('CircuitBreaker', () => {
  function breaker() {
    const clock = { now: 0 };
    return { clock, circuit: new CircuitBreaker({ failures: 2, coolDownMs: 1_000, now: () => clock.now }) };
  }
  const signal = () => new AbortController().signal;

  it('GIVEN failures in a row THEN it opens and fails at once without calling the service', async () => {
    const { circuit } = breaker();
    await expect(circuit.call(fails, signal())).rejects.toThrow('503');
    expect(circuit.state).toBe('closed');
    await expect(circuit.call(fails, signal())).rejects.toThrow('503');
    expect(circuit.state).toBe('open');
    let called = false;
    const error = await circuit.call(() => ((called = true), ok()), signal()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
  });

  it('GIVEN a success between failures THEN the count starts again', async () => {
    const { circuit } = breaker();
    await circuit.call(fails, signal()).catch(() => {});
    await circuit.call(ok, signal());
    await circuit.call(fails, signal()).catch(() => {});
    expect(circuit.state).toBe('closed');
  });

  it('GIVEN the cool-down over THEN one trial goes through: a success closes the circuit, a failure opens it again', async () => {
    const { circuit, clock } = breaker();
    for (let i = 0; i < 2; i += 1) await circuit.call(fails, signal()).catch(() => {});
    clock.now += 1_000;
    expect(circuit.state).toBe('half-open');
    await expect(circuit.call(fails, signal())).rejects.toThrow('503');
    expect(circuit.state).toBe('open');
    clock.now += 1_000;
    await expect(circuit.call(ok, signal())).resolves.toBe('answer');
    expect(circuit.state).toBe('closed');
  });

  it('GIVEN a trial still running THEN other calls are refused until it ends', async () => {
    const { circuit, clock } = breaker();
    for (let i = 0; i < 2; i += 1) await circuit.call(fails, signal()).catch(() => {});
    clock.now += 1_000;
    let finish: (value: string) => void = () => {};
    const trial = circuit.call(() => new Promise<string>((resolve) => (finish = resolve)), signal());
    await expect(circuit.call(ok, signal())).rejects.toBeInstanceOf(CircuitOpenError);
    finish('late answer');
    await expect(trial).resolves.toBe('late answer');
    await expect(circuit.call(ok, signal())).resolves.toBe('answer');
  });

  it('GIVEN a service that never answers THEN the abort of its signal counts as a failure', async () => {
    const { circuit } = breaker();
    for (let i = 0; i < 2; i += 1) {
      const controller = new AbortController();
      const hung = circuit.call(() => new Promise<string>(() => {}), controller.signal);
      controller.abort(new Error('no answer within 100 ms'));
      await expect(hung).rejects.toThrow('no answer within 100 ms');
    }
    expect(circuit.state).toBe('open');
  });
});
