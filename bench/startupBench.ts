/**
 * The start-up section of `npm run bench`: what a person running the CLI
 * waits for. Over a real corpus of 10,000 articles (the OrangeSum JSONL file
 * given with --corpus, and the same articles as a folder of 10,000 .txt
 * files): the build (`ingest`) rate and peak memory, the up-to-date check of
 * the unchanged corpus, peak memory serving, the CLI's warm `search` wall
 * time; and on the seeds, `ask` from a cold process, beside `node -e 0`.
 */
import { spawnSync } from 'node:child_process';
import { runJsonWorker } from './runWorker';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import type { CheckFigures, IngestFigures } from './startupWorker';

const WORKER = fileURLToPath(new URL('./startupWorker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'scoop.js');
const COLD_QUESTION = 'When is GPT-5 expected?';
const CLI_RUNS = 7;

/** Targets (issue 9 item 2, issue 11 item 3). */
export const STARTUP_TARGETS = {
  checkMs: 50,
  coldAskMs: 400,
  buildPassagesPerSecond: 4000,
  peakRssMb: 500,
} as const;

/** One corpus form measured: its build, its check. */
export interface CorpusForm {
  form: string;
  ingest: IngestFigures | null;
  check: CheckFigures | null;
  errors: string[];
}

/** Wall times of a whole CLI process, in ms. */
export interface ProcessTimes {
  command: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** Everything the start-up section measured. */
export interface StartupFigures {
  corpus: string;
  forms: CorpusForm[];
  warmSearch: ProcessTimes | null;
  coldAsk: ProcessTimes | null;
  nodeBaseline: ProcessTimes | null;
  /** Why the CLI timings are missing, if they are (dist/ not built). */
  notes: string[];
}

function runWorker<T>(args: string[]): Promise<T> {
  return runJsonWorker<T>(WORKER, args, `startup ${args[0]}`);
}

/** Times a whole process `runs` times after one untimed run (that one may build an index). */
function timeProcess(command: string, args: string[], runs = CLI_RUNS, env: NodeJS.ProcessEnv = process.env): ProcessTimes {
  const once = () => {
    const began = performance.now();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} exited with ${result.status}: ${result.stderr.trim().split('\n').pop()}`);
    return performance.now() - began;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  const shown = [command === process.execPath ? 'node' : command, ...args.map((arg) => (arg.startsWith(ROOT) ? arg.slice(ROOT.length) : arg))];
  return { command: shown.join(' '), runs, medianMs: times[Math.floor(runs / 2)], minMs: times[0], maxMs: times[runs - 1] };
}

/** Writes each article of a JSONL(.gz) file as a .txt file with YAML front matter (title, published): the same corpus as a folder. */
async function writeTextFolder(jsonl: string, folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  const input = createReadStream(jsonl);
  const lines = createInterface({ input: jsonl.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title?: string; date?: string; article?: string; text?: string };
    const text = record.article ?? record.text ?? '';
    const published = typeof record.date === 'string' ? record.date.slice(0, 10) : '';
    const front = `---\ntitle: ${JSON.stringify(record.title ?? '')}\n${published ? `published: ${published}\n` : ''}---\n`;
    await writeFile(join(folder, `${String(count).padStart(5, '0')}.txt`), `${front}${text}\n`);
    count += 1;
  }
  return count;
}

async function measureForm(form: string, corpus: string, indexDir: string, progress: (message: string) => void): Promise<CorpusForm> {
  const result: CorpusForm = { form, ingest: null, check: null, errors: [] };
  try {
    progress(`${form}: ingest (the index built from scratch, as scoop ingest builds it)`);
    result.ingest = await runWorker<IngestFigures>(['ingest', '--corpus', corpus, '--index', indexDir]);
    progress(`${form}: the up-to-date check of the unchanged corpus`);
    result.check = await runWorker<CheckFigures>(['check', '--corpus', corpus, '--index', indexDir]);
  } catch (error) {
    result.errors.push((error as Error).message);
  }
  return result;
}

/**
 * Runs the start-up section over the JSONL corpus `corpus` (10,000 OrangeSum
 * articles) in `work` (two indexes, a folder of .txt files, the seeds' index).
 */
export async function measureStartup(corpus: string, work: string, progress: (message: string) => void): Promise<StartupFigures> {
  const figures: StartupFigures = { corpus, forms: [], warmSearch: null, coldAsk: null, nodeBaseline: null, notes: [] };
  const fileIndex = join(work, 'index-file');
  figures.forms.push(await measureForm('one .jsonl.gz file', corpus, fileIndex, progress));
  const folder = join(work, 'txt-folder');
  progress('writing the same articles as a folder of .txt files');
  const written = await writeTextFolder(corpus, folder);
  figures.forms.push(await measureForm(`a folder of ${written.toLocaleString('en-US')} .txt files`, folder, join(work, 'index-folder'), progress));

  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    figures.notes.push('dist/ is not built (npm run build), so the CLI timings were not taken: they would time tsx transpiling, not what ships.');
    return figures;
  }
  try {
    progress(`the CLI's warm search over the ${corpus} index (${CLI_RUNS} runs)`);
    figures.warmSearch = timeProcess(process.execPath, [CLI, 'search', 'réforme des retraites', '--corpus', corpus, '--index', fileIndex]);
    progress(`ask on the seeds from a cold process (${CLI_RUNS} runs)`);
    const seedsIndex = join(work, 'index-seeds');
    figures.coldAsk = timeProcess(process.execPath, [CLI, 'ask', COLD_QUESTION, '--corpus', join(ROOT, 'seeds'), '--index', seedsIndex]);
    figures.nodeBaseline = timeProcess(process.execPath, ['-e', '0']);
  } catch (error) {
    figures.notes.push(`CLI timing failed: ${(error as Error).message}`);
  }
  return figures;
}

function verdict(pass: boolean): string {
  return pass ? 'pass' : '**MISS**';
}

function ms(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

/** The section as Markdown, each figure beside its target. */
export function formatStartup(figures: StartupFigures): string {
  const rows: string[] = [
    `### Start-up, up-to-date check and build (${figures.corpus})`,
    '| figure | value | target | verdict |',
    '| --- | ---: | --- | --- |',
  ];
  for (const { form, ingest, check, errors } of figures.forms) {
    if (ingest) {
      rows.push(`| ${form}: build (passages/s, incl. loading and facts) | ${Math.round(ingest.passagesPerSecond).toLocaleString('en-US')} (${ingest.passages.toLocaleString('en-US')} passages in ${ms(ingest.ms)} ms, CPU ${ms(ingest.cpuMs)} ms) | >= ${STARTUP_TARGETS.buildPassagesPerSecond.toLocaleString('en-US')} | ${verdict(ingest.passagesPerSecond >= STARTUP_TARGETS.buildPassagesPerSecond)} |`);
      rows.push(`| ${form}: peak RSS, build (MB) | ${Math.round(ingest.peakRssMb)} | <= ${STARTUP_TARGETS.peakRssMb} | ${verdict(ingest.peakRssMb <= STARTUP_TARGETS.peakRssMb)} |`);
    }
    if (check) {
      rows.push(`| ${form}: up-to-date check, unchanged corpus (ms, median of ${check.runs - 1}; ${check.files.toLocaleString('en-US')} files, ${check.filesRead} read) | ${ms(check.checkMedianMs)} (best ${ms(check.checkBestMs)}) | < ${STARTUP_TARGETS.checkMs} | ${verdict(check.checkMedianMs < STARTUP_TARGETS.checkMs && check.filesRead === 0)} |`);
      rows.push(`| ${form}: index open (ms) | ${ms(check.openMs)} | | |`);
      rows.push(`| ${form}: peak RSS, serving (MB) | ${Math.round(check.peakRssMb)} | <= ${STARTUP_TARGETS.peakRssMb} | ${verdict(check.peakRssMb <= STARTUP_TARGETS.peakRssMb)} |`);
    }
    for (const error of errors) rows.push(`| ${form}: error | ${error} | | |`);
  }
  const process = (label: string, times: ProcessTimes | null, target?: number) => {
    if (!times) return;
    const value = `${ms(times.medianMs)} (${ms(times.minMs)}-${ms(times.maxMs)})`;
    rows.push(`| ${label}: \`${times.command}\` (wall ms, median of ${times.runs}) | ${value} | ${target ? `< ${target}` : ''} | ${target ? verdict(times.medianMs < target) : ''} |`);
  };
  process("CLI's warm search", figures.warmSearch);
  process('ask from a cold process, seeds', figures.coldAsk, STARTUP_TARGETS.coldAskMs);
  process('Node alone, for scale', figures.nodeBaseline);
  for (const note of figures.notes) rows.push(`\n${note}`);
  return rows.join('\n');
}
