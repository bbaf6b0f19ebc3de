import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../bot/questionInput';
import { main, type BotIo } from '../../bot/start';

function testIo(env: Record<string, string>): BotIo & { err: string[] } {
  const err: string[] = [];
  return { env, stdout: { write: () => true }, stderr: { write: (text: string) => err.push(text) }, events: new EventEmitter(), err };
}

/** A local port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('DISCORD_API_URL', () => {
  it('GIVEN an ftp:// URL THEN the configuration is refused, naming the key, exit code 2', async () => {
    const io = testIo({ DISCORD_TOKEN: 't', DISCORD_API_URL: 'ftp://discord.example/api' });
    expect(await main(['start'], io)).toBe(2);
    expect(io.err[0]).toMatch(/^scoop-bot: Invalid configuration: DISCORD_API_URL must be an http:\/\/ or https:\/\/ URL/);
  });

  it('GIVEN an address nothing answers at THEN start and deploy-commands stop with one line naming DISCORD_API_URL, exit code 2', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api`;
    for (const command of ['start', 'deploy-commands']) {
      const io = testIo({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_URL: url, CORPUS_DIR: 'seeds' });
      expect(await main([command], io)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(new RegExp(`^scoop-bot: Cannot reach DISCORD_API_URL \\(${url.replace(/[.]/g, '\\.')}\\): ECONNREFUSED`));
    }
  });
});

describe('a question of zero-width characters', () => {
  it('GIVEN only zero-width spaces and joiners THEN it is refused as empty, like a blank one', () => {
    expect(() => checkQuestion('\u200b\u200d\u2060\ufeff', 500)).toThrow(/empty/);
    expect(checkQuestion('GPT-5\u200b ?', 500)).toBe('GPT-5\u200b ?');
  });
});
