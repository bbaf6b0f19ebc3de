// Loads an entry module: dist/<path>.js as `npm run build` compiled it, or src/<path>.ts through tsx when
// SCOOP_FROM_SOURCE=1 or when dist/ was never built (with a note saying so: starting that way is slower).
import { existsSync } from 'node:fs';

const root = new URL('../', import.meta.url);

export async function loadEntryPoint(path) {
  const compiled = new URL(`dist/${path}.js`, root);
  if (process.env.SCOOP_FROM_SOURCE !== '1') {
    if (existsSync(compiled)) return import(compiled.href);
    process.stderr.write('scoop: dist/ is not built (run "npm run build"); running the TypeScript sources through tsx, which starts slower.\n');
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(`${path}.ts`, root).href);
}
