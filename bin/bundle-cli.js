#!/usr/bin/env node
// Runs at the end of `npm run build`: bundles the CLI's entry (dist/src/cli/main.js, as tsc compiled it) with
// the dist modules it imports into one file at the same path, so a cold `scoop ask` loads a handful of files
// instead of about 300 (Node resolves, reads and links each ES module one by one: a third of the start-up).
// Modules imported dynamically (feeds, the chat answerer, ...) become chunks beside it, loaded only when used.
// Pure-JavaScript packages with many files are bundled too; every other package stays external (native
// addons, and packages that find their own files at run time), as do the worker threads' entry points.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * Packages bundled into the CLI, with their dependencies: plain JavaScript in many modules, nothing read from
 * their own folder at run time (pino's transports would, and Scoop uses none: it logs to stderr).
 */
const BUNDLED_PACKAGES = ['zod', 'chrono-node', 'franc-min', '@orama/stemmers', 'dotenv', 'pino', 'proper-lockfile', 'write-file-atomic'];

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const externalUnlessListed = {
  name: 'external-unless-listed',
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path.startsWith('node:')) return { path, external: true };
      // What a bundled package imports is bundled with it.
      if (BUNDLED_PACKAGES.includes(packageName(path)) || importer.includes('/node_modules/')) return undefined;
      return { path, external: true };
    });
  },
};

/**
 * The lexicon's phrase tables, computed now by the module tsc compiled (the same code would compute them at every
 * start), written into the bundle as data in place of that computation.
 */
const PHRASE_TABLES_MODULE = /dist\/src\/text\/lexiconPhraseTables\.js$/;
const PHRASE_TABLES_STATEMENT = 'export const PHRASE_TABLES = buildPhraseTables();';

const precomputedPhraseTables = {
  name: 'precomputed-phrase-tables',
  setup(bundler) {
    bundler.onLoad({ filter: PHRASE_TABLES_MODULE }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(PHRASE_TABLES_STATEMENT)) throw new Error(`${path} no longer holds "${PHRASE_TABLES_STATEMENT}": update bin/bundle-cli.js`);
      const { PHRASE_TABLES } = await import(new URL(`file://${path}`).href);
      const data = JSON.stringify({ fr: [...PHRASE_TABLES.fr], en: [...PHRASE_TABLES.en] });
      const literal = `const PRECOMPUTED_PHRASE_TABLES = JSON.parse(${JSON.stringify(data)});\n`
        + 'export const PHRASE_TABLES = { fr: new Map(PRECOMPUTED_PHRASE_TABLES.fr), en: new Map(PRECOMPUTED_PHRASE_TABLES.en) };';
      return { contents: source.replace(PHRASE_TABLES_STATEMENT, literal), loader: 'js' };
    });
  },
};

await build({
  entryPoints: ['dist/src/cli/main.js'],
  outdir: 'dist/src/cli',
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'main-[hash]',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalUnlessListed, precomputedPhraseTables],
  // Bundled CommonJS code calls require() and reads __filename; an ES module has neither.
  banner: {
    js: [
      "import { createRequire as __scoopCreateRequire } from 'node:module';",
      "import { fileURLToPath as __scoopFileURLToPath } from 'node:url';",
      'const require = __scoopCreateRequire(import.meta.url);',
      'const __filename = __scoopFileURLToPath(import.meta.url);',
      "const __dirname = __scoopFileURLToPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
});
