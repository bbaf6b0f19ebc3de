import { parseArgs } from 'node:util';
import { openNewsroom, openScoop, type OpenedScoop } from '../app';
import { parseConfig, type Config } from '../config';
import { UserFacingError } from '../errors';
import type { WriteFaults } from '../index/indexStore';
import { createLogger, type Logger } from '../logger';
import { hasVisibleText, stripControlCharacters, terminalSafeJson } from '../text/controlCharacters';
import { processIo, readLines, type CliIo } from './cliIo';
import { checkFeedCommand, FEED_COMMANDS, runFeedCommand } from './feedCommands';
import {
  answerJson,
  answerText,
  partnersJson,
  partnersText,
  searchJson,
  searchText,
  syncSummaryText,
  timelineJson,
  timelineText,
} from './formatOutput';

const USAGE = `Usage: scoop <command> [options] [TEXT]

Commands:
  ingest                   build or update the index from the corpus
  search [QUERY]           the top passages for QUERY (or one query a line from stdin)
  ask [QUESTION]           a cited answer (or one question a line from stdin)
  timeline [SUBJECT]       dated claims about SUBJECT (or recent and upcoming events)
  partners COMPANY         COMPANY's partners and the nature of each tie
  feeds add URL            check that URL is an RSS, Atom or JSON feed and subscribe to it
  feeds list               the subscribed feeds, when each was fetched and how it is failing
  feeds remove URL         unsubscribe (the articles already fetched stay)
  fetch URL                fetch one article page into the corpus (under fetched/) and the index
  poll                     fetch every subscribed feed's new items into the corpus and the index

Options:
  --json                   machine-readable output, one JSON object a line
  --corpus DIR             the articles (default: CORPUS_DIR or seeds/)
  --index DIR              where the index lives (default: INDEX_DIR or data/index)
  -k N                     how many passages search returns (default 5)
  -h, --help               this help
`;

const COMMANDS = new Set(['ingest', 'search', 'ask', 'timeline', 'partners', ...FEED_COMMANDS]);

/** What each command's TEXT is, and an example, for the message about an empty one. */
const TEXT_EXAMPLES: Record<string, string> = {
  search: 'a query, e.g. scoop search "GPT-5 release"',
  ask: 'a question, e.g. scoop ask "When is GPT-5 expected?"',
  timeline: 'a subject, e.g. scoop timeline GPT-5 (or nothing, for recent and upcoming events)',
  partners: 'a company, e.g. scoop partners OpenAI',
};

interface CliOptions {
  command: string;
  text: string | null;
  words: string[];
  json: boolean;
  k: number;
  config: Config;
}

function usageError(message: string): UserFacingError {
  return new UserFacingError(`${message}\nRun "scoop --help" for usage.`, 'usage');
}

function parseCli(argv: string[], env: CliIo['env']): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        index: { type: 'string' },
        k: { type: 'string', short: 'k' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const [command, ...words] = parsed.positionals;
  if (parsed.values.help || command === undefined || command === 'help') return 'help';
  if (!COMMANDS.has(command)) throw usageError(`Unknown command "${command}".`);
  const k = parsed.values.k === undefined ? 5 : Number(parsed.values.k);
  if (!Number.isInteger(k) || k < 1 || k > 100) throw usageError('-k takes a whole number from 1 to 100.');
  if (command === 'ingest' && words.length > 0) throw usageError('ingest takes no text.');
  if (FEED_COMMANDS.has(command)) checkFeedCommand({ command, words, json: parsed.values.json });
  const config = parseConfig({
    ...env,
    ...(parsed.values.corpus !== undefined && { CORPUS_DIR: parsed.values.corpus }),
    ...(parsed.values.index !== undefined && { INDEX_DIR: parsed.values.index }),
  });
  const text = words.join(' ').trim();
  if (words.length > 0 && !hasVisibleText(text)) {
    throw usageError(`The text given to ${command} is empty (only spaces or invisible characters): give ${TEXT_EXAMPLES[command] ?? 'some text'}.`);
  }
  return { command, text: words.length === 0 ? null : text, words, json: parsed.values.json, k, config };
}

/** A progress bar on a terminal while `ingest` embeds (cli-progress is loaded only then). */
async function progressBar(io: CliIo, enabled: boolean) {
  if (!enabled || !io.stderr.isTTY) return { onProgress: undefined, stop: () => {} };
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ format: 'Embedding [{bar}] {value}/{total} passages', stream: process.stderr }, Presets.shades_classic);
  let started = false;
  return {
    onProgress: (done: number, total: number) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

async function* inputs(text: string | null, io: CliIo): AsyncGenerator<string> {
  if (text !== null) yield text;
  else yield* readLines(io.stdin);
}

async function runCommand(options: CliOptions, opened: OpenedScoop, io: CliIo): Promise<void> {
  const { scoop, report } = opened;
  const print = (value: unknown, text: string) => io.stdout.write(options.json ? `${terminalSafeJson(value)}\n` : stripControlCharacters(text));
  switch (options.command) {
    case 'ingest': {
      const { articles, passages, added, updated, removed, skipped, ms } = report;
      print({ articles, passages, added, updated, removed, skipped, ms }, syncSummaryText(report));
      return;
    }
    case 'search':
      for await (const query of inputs(options.text, io)) {
        const hits = await scoop.search(query, options.k);
        print(searchJson(query, hits), searchText(query, hits));
      }
      return;
    case 'ask':
      for await (const question of inputs(options.text, io)) {
        const answer = await scoop.ask(question);
        print(answerJson(answer), answerText(answer));
      }
      return;
    case 'timeline': {
      const timeline = scoop.timeline(options.text ?? undefined);
      print(timelineJson(timeline, options.text), timelineText(timeline, options.text));
      return;
    }
    case 'partners': {
      if (options.text === null) throw usageError('partners needs a company, e.g. scoop partners OpenAI');
      const map = scoop.partners(options.text);
      print(partnersJson(map), partnersText(map));
      return;
    }
  }
}

/** Test hooks of {@link main}. */
export interface CliHooks {
  /** Makes index writes fail (see `WriteFaults`): a full or read-only disk where the test cannot make one. */
  writeFaults?: WriteFaults;
}

/**
 * Runs the `scoop` command line. Returns the exit code: 0 ok, 2 for usage and
 * other user errors (with a clear message on stderr), 1 for failures. What it
 * prints carries no terminal escapes or other control characters from the
 * articles or file names: text is stripped of them (sources shown escaped),
 * JSON escapes them.
 */
export async function main(argv: string[], io: CliIo = processIo(), hooks: CliHooks = {}): Promise<number> {
  let logger: Logger | undefined;
  try {
    const options = parseCli(argv, io.env);
    if (options === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    logger = createLogger(options.config.LOG_LEVEL, 'plain', io.stderr);
    if (FEED_COMMANDS.has(options.command)) {
      const newsroom = await openNewsroom(options.config);
      const log = logger;
      const syncIndex = async () => void (await openScoop(options.config, { logger: log }));
      await runFeedCommand(options, { newsroom, syncIndex, io }).finally(() => newsroom.close());
      return 0;
    }
    const progress = await progressBar(io, options.command === 'ingest' && !options.json);
    const serveStale = options.command !== 'ingest';
    const opened = await openScoop(options.config, { logger, onProgress: progress.onProgress, serveStale, writeFaults: hooks.writeFaults }).finally(progress.stop);
    if (opened.stale !== null) io.stderr.write(`scoop: the index is stale (answers come from the last good index): ${opened.stale}\n`);
    await runCommand(options, opened, io);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) {
      io.stderr.write(`scoop: ${stripControlCharacters(error.message)}\n`);
      return 2;
    }
    io.stderr.write(`scoop: failed: ${stripControlCharacters(String((error as Error).message ?? error))}\n`);
    logger?.debug({ err: error }, 'failure details');
    return 1;
  }
}
