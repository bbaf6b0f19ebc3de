import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type BotIo } from '../../bot/start';
import { withoutInstallReach } from '../../bot/deployCommands';
import { commands } from '../../commands';
import { FakeDiscord } from './fakeDiscord';

function testIo(env: Record<string, string>): BotIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    events: new EventEmitter(),
    out,
    err,
  };
}

describe('the bot entry point', () => {
  it('GIVEN no DISCORD_TOKEN THEN start ends with one clear line and exit code 2', async () => {
    const io = testIo({});
    expect(await main(['start'], io)).toBe(2);
    expect(io.err).toEqual(['scoop-bot: DISCORD_TOKEN is missing: set it in .env or the environment (the bot token from the Discord developer portal).\n']);
  });

  it('GIVEN a malformed DISCORD_CLIENT_ID THEN deploy-commands names the key, exit code 2', async () => {
    const io = testIo({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: 'my-app' });
    expect(await main(['deploy-commands'], io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^scoop-bot: Invalid configuration: DISCORD_CLIENT_ID must be a Discord application id/);
  });

  it('GIVEN deploy-commands without DISCORD_CLIENT_ID THEN it says what is missing', async () => {
    const io = testIo({ DISCORD_TOKEN: 't' });
    expect(await main(['deploy-commands'], io)).toBe(2);
    expect(io.err[0]).toMatch(/DISCORD_CLIENT_ID is missing/);
  });

  it('GIVEN an unknown command THEN usage, exit code 2', async () => {
    const io = testIo({});
    expect(await main(['deploy'], io)).toBe(2);
    expect(io.err[0]).toMatch(/Use "start" or "deploy-commands"/);
  });
});

describe('deploy-commands on a fake Discord', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await FakeDiscord.start();
  });
  afterEach(() => fake.close());

  it('GIVEN DISCORD_GUILD_ID THEN every command is PUT to the guild’s commands with the bot token', async () => {
    const guildId = fake.guildId;
    const io = testIo({ DISCORD_TOKEN: 'bot-token', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: fake.apiUrl });
    expect(await main(['deploy-commands'], io)).toBe(0);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${guildId}/commands`);
    expect(put.headers.authorization).toBe('Bot bot-token');
    expect(put.body).toEqual(commands.map((c) => withoutInstallReach(c.data.toJSON())));
    expect(put.body.some((c: Record<string, unknown>) => 'integration_types' in c || 'contexts' in c)).toBe(false);
    expect(io.out).toEqual([
      `Registered 11 commands in guild ${guildId} (for development: user installs, DMs and private channels need a global deploy): /ask, /search, /timeline, /partners, /sources, /help, Ask Scoop, /settings, /latest, /feeds, /ingest\n`,
    ]);
  });

  it('GIVEN no guild THEN the commands are registered globally, with where each may be installed and used', async () => {
    const io = testIo({ DISCORD_TOKEN: 'bot-token', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(await main(['deploy-commands'], io)).toBe(0);
    const route = `/applications/${fake.applicationId}/commands`;
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([route]);
    const registered = new Map((fake.registeredCommands.get(route) as Record<string, unknown>[]).map((c) => [c.name, c]));
    for (const name of ['ask', 'search', 'timeline', 'partners', 'sources', 'help', 'Ask Scoop']) {
      expect(registered.get(name), name).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
      expect(registered.get(name)?.default_member_permissions ?? null, name).toBeNull();
    }
    expect(registered.get('Ask Scoop')).toMatchObject({ type: 3 });
    expect(registered.get('settings')).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: '32' });
  });

  it('GIVEN Discord already holds these definitions THEN a second deploy writes nothing and says so', async () => {
    const env = { DISCORD_TOKEN: 'bot-token', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    expect(await main(['deploy-commands'], testIo(env))).toBe(0);
    const again = testIo(env);
    expect(await main(['deploy-commands'], again)).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(again.out[0]).toMatch(/^Commands already up to date globally: \/ask, /);
  });

  it('GIVEN a registered definition that differs THEN the deploy overwrites it, and only then', async () => {
    const env = { DISCORD_TOKEN: 'bot-token', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    const puts = () => fake.requests.filter((r) => r.method === 'PUT').length;
    const listing = (r: { method: string; path: string }) => r.method === 'GET' && r.path.endsWith('/commands');
    expect(await main(['deploy-commands'], testIo(env))).toBe(0);
    expect(puts()).toBe(1);

    const staleDescription = commands.map((c) => ({ id: '1', application_id: fake.applicationId, version: '1', type: 1, dm_permission: true, ...c.data.toJSON() }));
    staleDescription[0] = { ...staleDescription[0], description: 'an older description' };
    fake.failNext({ match: listing, status: 200, body: staleDescription });
    expect(await main(['deploy-commands'], testIo(env))).toBe(0);
    expect(puts()).toBe(2);

    const extraOption: Record<string, unknown>[] = commands.map((c) => ({ type: 1, ...c.data.toJSON() }));
    extraOption[0] = { ...extraOption[0], options: [...((extraOption[0].options as unknown[]) ?? []), { type: 3, name: 'extra', description: 'gone now', required: true }] };
    fake.failNext({ match: listing, status: 200, body: extraOption });
    expect(await main(['deploy-commands'], testIo(env))).toBe(0);
    expect(puts()).toBe(3);

    expect(await main(['deploy-commands'], testIo(env))).toBe(0);
    expect(puts()).toBe(3);
  });

  it('GIVEN Discord rejects the registration THEN it fails with exit code 1 and the reason', async () => {
    fake.failNext({ match: (r) => r.method === 'PUT', status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const io = testIo({ DISCORD_TOKEN: 'bad', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(await main(['deploy-commands'], io)).toBe(1);
    expect(io.err[0]).toMatch(/Unauthorized/);
  });
});
