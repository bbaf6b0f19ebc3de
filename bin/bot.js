#!/usr/bin/env node
// The Discord bot (`start`, `deploy-commands`). Runs the JavaScript compiled into dist/ (see bin/scoop.js).
import { loadEntryPoint } from './entryPoint.js';

const { main } = await loadEntryPoint('bot/start');
process.exitCode = await main(process.argv.slice(2));
