import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { config as loadDotenv } from 'dotenv';
import { hasVisibleText } from '../text/controlCharacters';

/** The streams and environment a CLI run uses; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: Readable;
  env: Record<string, string | undefined>;
}

/** The real process streams, and the environment with `.env` loaded into it (variables already set win). */
export function processIo(): CliIo {
  loadDotenv({ quiet: true });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Lines of a stream that have something visible in them, trimmed, in order. */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (hasVisibleText(line)) yield line.trim();
  }
}
