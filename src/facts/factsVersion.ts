import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder, named from its parent so that it holds when this module is bundled into another folder's file (the CLI). */
const here = fileURLToPath(new URL('../facts/', import.meta.url));

/** What fact extraction is made of: its own code and data, and the text and passage code it reads with. */
const EXTRACTOR_FOLDERS = [here, join(here, '..', 'text'), join(here, '..', 'passages')];
const EXTRACTOR_FILE = /\.(?:ts|js|mjs|json)$/;

function extractorFiles(): string[] {
  return EXTRACTOR_FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => EXTRACTOR_FILE.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.map'))
      .sort()
      .map((name) => join(folder, name)),
  );
}

/** A hash of the fact extractor's code and data files, by name and content. */
export function extractorHash(files: string[] = extractorFiles()): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.slice(file.lastIndexOf('/', file.lastIndexOf('/') - 1) + 1));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Version of what `extractFacts` produces: a hash of the extractor itself
 * (src/facts, and the src/text and src/passages code it reads with, data
 * files included), so no one bumps it by hand. The passage index records it
 * and, when it differs from the one the stored facts were extracted with,
 * re-extracts the facts of every article on the next sync (without re-embedding).
 */
export const FACTS_VERSION = `x-${extractorHash()}`;
