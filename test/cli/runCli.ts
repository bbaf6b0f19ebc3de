import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as one JSON value a line. */
  lines: () => any[];
}

/** Runs `scoop ARGV` in-process with `stdin` as its input and `env` (LOG_LEVEL=warn unless given) as its environment. */
export async function runCli(argv: string[], { stdin = '', env = {} }: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    stdin: Readable.from([stdin]),
    env: { LOG_LEVEL: 'warn', ...env },
  });
  return { code, stdout, stderr, lines: () => stdout.trim().split('\n').map((line) => JSON.parse(line)) };
}
