#!/usr/bin/env node
// Runs at the end of `npm run build`: bundles the CLI's entry (dist/src/cli/main.js, as tsc compiled it) with
// the dist modules it imports into one file at the same path, so a cold `scoop ask` loads a handful of files
// instead of about 300 (Node resolves, reads and links each ES module one by one: a third of the start-up).
// Modules imported dynamically (feeds, the chat answerer, ...) become chunks beside it, loaded only when used.
// Pure-JavaScript packages with many files are bundled too; every other package stays external (native
// addons, and packages that find their own files at run time), as do the worker threads' entry points.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
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
 * Modules that export data only, computed at load from other data (the news lexicon analysed, the stop lists
 * read from stopwords-iso): the bundle holds the values the module tsc compiled computes now, instead of the code
 * that would compute them again at every start.
 */
const PRECOMPUTED_MODULES = ['text/analyzedLexicon.js', 'text/lexiconWords.js', 'text/stopWords.js'];

/** JavaScript source that evaluates to `value`: strings, numbers, booleans, arrays, plain objects, Sets, Maps. */
function sourceOf(value, where) {
  if (value instanceof Set) return `new Set(${sourceOf([...value], where)})`;
  if (value instanceof Map) return `new Map(${sourceOf([...value], where)})`;
  if (Array.isArray(value)) return `[${value.map((item) => sourceOf(item, where)).join(',')}]`;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${sourceOf(item, where)}`).join(',')}}`;
  }
  if (['string', 'number', 'boolean'].includes(typeof value) || value === null) return JSON.stringify(value);
  throw new Error(`${where} exports a ${typeof value}, not data: take it out of PRECOMPUTED_MODULES in bin/bundle-cli.js`);
}

const precomputedModules = {
  name: 'precomputed-modules',
  setup(bundler) {
    const filter = new RegExp(`dist/src/(${PRECOMPUTED_MODULES.map((path) => path.replace(/[./]/g, '\\$&')).join('|')})$`);
    bundler.onLoad({ filter }, async ({ path }) => {
      const values = await import(pathToFileURL(path).href);
      const contents = Object.entries(values).map(([name, value]) => `export const ${name} = ${sourceOf(value, path)};`).join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The fact extractor's version (src/facts/factsVersion.ts) hashes the extractor's files at load, about fifty of them
 * read at every start: the bundle holds the value it has now, from the same dist/ files that the bot and the index's
 * workers hash when they load it, so every process still agrees on it.
 */
const FACTS_VERSION_MODULE = /dist\/src\/facts\/factsVersion\.js$/;
const FACTS_VERSION_LINE = /^export const FACTS_VERSION = .*;$/m;

const precomputedFactsVersion = {
  name: 'precomputed-facts-version',
  setup(bundler) {
    bundler.onLoad({ filter: FACTS_VERSION_MODULE }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!FACTS_VERSION_LINE.test(source)) throw new Error(`${path} no longer declares FACTS_VERSION on one line: update bin/bundle-cli.js`);
      const { FACTS_VERSION } = await import(pathToFileURL(path).href);
      return { contents: source.replace(FACTS_VERSION_LINE, `export const FACTS_VERSION = ${JSON.stringify(FACTS_VERSION)};`), loader: 'js' };
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
  plugins: [externalUnlessListed, precomputedModules, precomputedFactsVersion],
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
