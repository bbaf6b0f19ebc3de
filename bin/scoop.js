#!/usr/bin/env node
// The `scoop` command line. Runs the JavaScript that `npm run build` compiled into dist/ (npm install builds it),
// so no TypeScript is transpiled at start. SCOOP_FROM_SOURCE=1 runs the TypeScript sources through tsx instead
// (while developing, without rebuilding after each change).
import { loadEntryPoint } from './entryPoint.js';

const { main } = await loadEntryPoint('src/cli/main');
process.exitCode = await main(process.argv.slice(2));
