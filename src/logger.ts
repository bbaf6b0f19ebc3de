import pino from 'pino';
import { escapeControlCharacters, terminalSafeJson } from './text/controlCharacters';

/** The logger every part of Scoop receives: pino's, so context objects stay structured. */
export type Logger = pino.Logger;

/** How log lines are written. */
export type LogFormat = 'json' | 'plain';

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Where plain log lines go: the CLI's stderr. */
export interface LogOutput {
  write(text: string): unknown;
}

function plainLines(out: LogOutput): pino.DestinationStream {
  return {
    write(line: string) {
      const { level, msg, time: _time, pid: _pid, hostname: _hostname, ...context } = JSON.parse(line);
      const extra = Object.keys(context).length > 0 ? ` ${terminalSafeJson(context)}` : '';
      out.write(`${LEVEL_NAMES[level] ?? level}: ${escapeControlCharacters(String(msg))}${extra}\n`);
    },
  };
}

/**
 * Creates the process logger, writing to stderr so that stdout stays free for
 * answers and `--json` output. `plain` gives one readable line per event (the CLI);
 * `json` gives pino's structured lines (the bot). A plain line stays one line
 * whatever its message holds (control characters written as escapes, so a
 * file name with a newline or an escape sequence cannot forge or erase
 * lines). Plain lines go to `out`
 * (the process's stderr unless the CLI is given other streams).
 */
export function createLogger(level: string, format: LogFormat = 'json', out: LogOutput = process.stderr): Logger {
  const destination = format === 'plain' ? plainLines(out) : pino.destination({ fd: 2, sync: true });
  return pino({ level, base: format === 'json' ? undefined : null }, destination);
}
