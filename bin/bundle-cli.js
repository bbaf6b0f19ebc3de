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
 * The news lexicon analysed (src/text/analyzedLexicon.ts), computed now by the module tsc compiled (the same code
 * would compute it at every start) and written into the bundle as data in place of that computation.
 */
const ANALYZED_LEXICON_MODULE = /dist\/src\/text\/analyzedLexicon\.js$/;
const ANALYZED_LEXICON_STATEMENT = 'export const ANALYZED_LEXICON = analyzeLexiconWordings();';

const precomputedLexicon = {
  name: 'precomputed-lexicon',
  setup(bundler) {
    bundler.onLoad({ filter: ANALYZED_LEXICON_MODULE }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(ANALYZED_LEXICON_STATEMENT)) throw new Error(`${path} no longer holds "${ANALYZED_LEXICON_STATEMENT}": update bin/bundle-cli.js`);
      const { ANALYZED_LEXICON } = await import(pathToFileURL(path).href);
      const entries = ({ wordings, phrases }) => ({ wordings: [...wordings], phrases: [...phrases] });
      const data = JSON.stringify({ fr: entries(ANALYZED_LEXICON.fr), en: entries(ANALYZED_LEXICON.en) });
      const literal = [
        `const PRECOMPUTED_LEXICON = JSON.parse(${JSON.stringify(data)});`,
        'const revived = ({ wordings, phrases }) => ({ wordings: new Map(wordings), phrases: new Map(phrases) });',
        'export const ANALYZED_LEXICON = { fr: revived(PRECOMPUTED_LEXICON.fr), en: revived(PRECOMPUTED_LEXICON.en) };',
      ].join('\n');
      return { contents: source.replace(ANALYZED_LEXICON_STATEMENT, literal), loader: 'js' };
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
  plugins: [externalUnlessListed, precomputedLexicon],
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
