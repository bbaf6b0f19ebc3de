import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBot, type Bot } from '../../bot/createBot';
import { SettingsStore } from '../../bot/serverSettings';
import type { AppCommand } from '../../bot/command';
import { commands } from '../../commands';
import { parseConfig } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { NewsDesk } from '../../src/live/liveScoop';
import type { Scoop } from '../../src/scoop';
import { FakeDiscord } from './fakeDiscord';

/** A logged-in bot on a fake Discord, with its log lines and a temporary folder. */
export interface RunningBot {
  fake: FakeDiscord;
  bot: Bot;
  logs: Record<string, unknown>[];
  tempDir: string;
  feedbackLog: string;
  stop(): Promise<void>;
}

/** A pino logger that keeps its lines in memory, for assertions. */
export function memoryLogger(): { logger: Logger; logs: Record<string, unknown>[] } {
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  return { logger, logs };
}

/**
 * Starts a fake Discord and logs the real bot in to it, with `scoop` as the
 * core (built with the answering turns the test wants, as bot/start.ts builds it). Call `stop()` after: it destroys the client before closing the fake.
 */
export async function startBot(
  scoop: Scoop,
  options: { env?: Record<string, string>; commands?: readonly AppCommand[]; fake?: FakeDiscord; newsDesk?: NewsDesk } = {},
): Promise<RunningBot> {
  const fake = options.fake ?? (await FakeDiscord.start());
  const tempDir = await mkdtemp(join(tmpdir(), 'scoop-bot-'));
  const feedbackLog = join(tempDir, 'feedback', 'votes.jsonl');
  const config = parseConfig({
    COOLDOWN_SECONDS: '0',
    FEEDBACK_LOG: feedbackLog,
    SETTINGS_FILE: join(tempDir, 'settings.json'),
    DISCORD_API_URL: fake.apiUrl,
    ...options.env,
  });
  const { logger, logs } = memoryLogger();
  const settings = await SettingsStore.open(config.SETTINGS_FILE);
  const bot = createBot({ scoop, logger, config, settings, commands: options.commands ?? commands, ...(options.newsDesk && { newsDesk: options.newsDesk }) });
  await bot.login('fake-bot-token');
  return {
    fake,
    bot,
    logs,
    tempDir,
    feedbackLog,
    async stop() {
      await bot.destroy();
      await fake.close();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
