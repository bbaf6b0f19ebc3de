import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../bot/serverSettings';
import { UserFacingError } from '../../src/errors';
import { startBot, type RunningBot } from './botHarness';
import { FakeDiscord, fakeUser, type RecordedRequest } from './fakeDiscord';
import { FakeScoop } from './fakeScoop';

const EPHEMERAL = 64;

function isChannelMessage(r: RecordedRequest): boolean {
  return r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);
}

function fieldsOf(embed: { fields: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(embed.fields.map((f) => [f.name, f.value]));
}

describe('/settings on a fake Discord', () => {
  let dir: string;
  let settingsFile: string;
  let running: RunningBot | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scoop-settings-'));
    settingsFile = join(dir, 'settings.json');
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN settings changed, THEN a restart, THEN they are still in force: channels, language, cooldown', async () => {
    const fake = await FakeDiscord.start();
    const env = { SETTINGS_FILE: settingsFile, COOLDOWN_SECONDS: '0' };
    running = await startBot(new FakeScoop(), { fake, env });
    const changes: [string, Record<string, string | boolean | number | { channel: string }>][] = [
      ['settings mentions add', { channel: { channel: fake.newsChannelId } }],
      ['settings language', { answers: 'fr' }],
      ['settings cooldown', { seconds: 30 }],
      ['settings threads', { enabled: true }],
    ];
    for (const [command, options] of changes) {
      const reply = await fake.callbackOf(fake.slashCommand(command, options));
      expect(reply.body.data.flags, command).toBe(EPHEMERAL);
      expect(reply.body.data.embeds[0].title, command).toBe('Settings saved');
    }
    expect(JSON.parse(await readFile(settingsFile, 'utf8')).servers[fake.guildId]).toEqual({
      mentionChannels: [fake.newsChannelId],
      threads: true,
      language: 'fr',
      cooldownSeconds: 30,
    });

    await running.bot.destroy();
    await rm(running.tempDir, { recursive: true, force: true });
    const scoop = new FakeScoop();
    running = await startBot(scoop, { fake, env });
    const shown = await fake.callbackOf(fake.slashCommand('settings show'));
    expect(fieldsOf(shown.body.data.embeds[0])).toEqual({
      'Mentions answered in': `<#${fake.newsChannelId}>`,
      Threads: 'every answer opens a thread',
      'Answer language': 'French',
      Cooldown: '30 seconds between two questions',
    });

    fake.userMessage({ content: `<@${fake.bot.id}> When is GPT-5 coming out?`, mentionBot: true });
    const inNews = fake.userMessage({ content: `<@${fake.bot.id}> When is GPT-5 coming out?`, mentionBot: true, channelId: fake.newsChannelId, author: fakeUser('dave') });
    const reply = await fake.waitForRequest((r) => isChannelMessage(r) && r.body.message_reference?.message_id === inNews.id);
    expect(reply.path).toBe(`/channels/${fake.newsChannelId}/messages`);
    expect(scoop.asked).toEqual([{ question: 'When is GPT-5 coming out?', options: { language: 'fr' } }]);

    await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    const again = await fake.callbackOf(fake.slashCommand('ask', { question: 'And GPT-4.5?' }));
    expect(again.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/ask again in (29|30) seconds/) });
  });

  it('GIVEN the last listed channel removed THEN mentions are answered everywhere again; GIVEN an unlisted one THEN an ephemeral error, nothing changed', async () => {
    running = await startBot(new FakeScoop(), { env: { SETTINGS_FILE: settingsFile } });
    const { fake } = running;
    await fake.callbackOf(fake.slashCommand('settings mentions add', { channel: { channel: fake.newsChannelId } }));
    const wrong = await fake.callbackOf(fake.slashCommand('settings mentions remove', { channel: { channel: fake.channelId } }));
    expect(wrong.body.data).toMatchObject({ flags: EPHEMERAL, content: `<#${fake.channelId}> is not in the list of channels where mentions are answered.` });
    const removed = await fake.callbackOf(fake.slashCommand('settings mentions remove', { channel: { channel: fake.newsChannelId } }));
    expect(fieldsOf(removed.body.data.embeds[0])['Mentions answered in']).toBe('every channel');
  });

  it('GIVEN a settings file that is not valid THEN opening it says which file, and leaves it as it was', async () => {
    await writeFile(settingsFile, '{"version":1,"servers":{"123456789012345678":{"threads":"yes"}}}');
    await expect(SettingsStore.open(settingsFile)).rejects.toThrow(UserFacingError);
    await expect(SettingsStore.open(settingsFile)).rejects.toThrow(settingsFile);
    await writeFile(settingsFile, '{"version":1,');
    await expect(SettingsStore.open(settingsFile)).rejects.toThrow(/not valid JSON/);
    expect(await readFile(settingsFile, 'utf8')).toBe('{"version":1,');
  });

  it('GIVEN the settings file cannot be written THEN the change is undone and the manager is told', async () => {
    running = await startBot(new FakeScoop(), { env: { SETTINGS_FILE: join(dir, 'blocker', 'settings.json') } });
    await writeFile(join(dir, 'blocker'), 'a file where the settings folder should be');
    const { fake } = running;
    const failed = await fake.callbackOf(fake.slashCommand('settings language', { answers: 'en' }));
    expect(failed.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/could not be saved .*nothing changed/) });
    const shown = await fake.callbackOf(fake.slashCommand('settings show'));
    expect(fieldsOf(shown.body.data.embeds[0])['Answer language']).toBe('the question’s language');
  });
});

describe('the per-server question rate', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN a server past SERVER_QUESTIONS_PER_MINUTE THEN the next member is told ephemerally, and the core is not asked', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop, { env: { SERVER_QUESTIONS_PER_MINUTE: '2' } });
    const { fake } = running;
    for (const name of ['erin', 'frank']) await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }, fakeUser(name)));
    const third = await fake.callbackOf(fake.slashCommand('ask', { question: 'Who hosts OpenAI?' }, fakeUser('grace')));
    expect(third.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^This server has asked all the questions it may ask in a minute; try again in \d+ seconds?\.$/) });
    expect(scoop.asked).toHaveLength(2);
    const elsewhere = fake.slashCommand('ask', { question: 'Who hosts OpenAI?' }, fakeUser('heidi'), { place: 'botDm' });
    expect((await fake.callbackOf(elsewhere)).body.type).toBe(5);
  });
});
