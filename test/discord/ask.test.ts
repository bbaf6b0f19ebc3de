import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../bot/replyWithError';
import { UserFacingError } from '../../src/errors';
import { startBot, type RunningBot } from './botHarness';
import { fakeUser, type RecordedRequest } from './fakeDiscord';
import { FAILING_QUESTION, FakeScoop } from './fakeScoop';

const EPHEMERAL = 64;

/** Every REST call that carries a message the bot sends (not acknowledgements or autocomplete). */
function sentMessages(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (r) =>
      (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) ||
      (r.method === 'POST' && /\/callback$/.test(r.path) && r.body?.type === 4) ||
      (r.method === 'PATCH' && r.path.startsWith('/webhooks/')) ||
      (r.method === 'POST' && /^\/webhooks\/\d+\/[\w-]+$/.test(r.path)),
  );
}

describe('slash commands on a fake Discord', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN /ask THEN defers at once and edits in the cited answer with its buttons', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const sent = fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' });
    expect((await fake.callbackOf(sent)).body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await fake.editOf(sent);
    const [embed] = edit.body.embeds;
    expect(embed.title).toBe('When is GPT-5 coming out?');
    expect(embed.description).toBe('GPT-5 is expected at the end of May 2025 [1]; Microsoft hosts OpenAI’s models on Azure [2].');
    expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(['[1] OpenAI plans GPT-5 for late May', '[2] OpenAI plans GPT-5 for late May']);
    expect(embed.fields[0].value).toBe(
      '> OpenAI prévoit de lancer GPT-5 fin mai.\n[theverge.com](https://www.theverge.com/2025/2/20/openai-gpt-5) · 2025-02-20',
    );
    expect(embed.footer.text).toBe('Searched 1 article · newest from 20 Feb 2025');
    const buttons = edit.body.components[0].components;
    expect(buttons.map((b: { label?: string; emoji?: { name: string } }) => b.label ?? b.emoji?.name)).toEqual(['More sources', '👍', '👎']);
    expect(scoop.asked).toEqual([{ question: 'When is GPT-5 coming out?' }]);
  });

  it('GIVEN a question the articles cannot answer THEN the answer is grey, says so and offers related reading', async () => {
    running = await startBot(new FakeScoop());
    const sent = running.fake.slashCommand('ask', { question: 'When will GPT-6 be released?' });
    const [embed] = (await running.fake.editOf(sent)).body.embeds;
    expect(embed.description).toBe("The indexed articles don't say when GPT-6 will be released.");
    expect(embed.color).toBe(0x9ca3af);
    expect(embed.fields.every((f: { name: string }) => f.name.startsWith('Related reading: '))).toBe(true);
    expect(embed.footer.text).toContain('no answer in them');
  });

  it('GIVEN "@everyone" in a question THEN nothing the bot sends can ping anyone', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    const sent = fake.slashCommand('ask', { question: '@everyone when is GPT-5 out? <@&123456789012345678>' });
    const edit = await fake.editOf(sent);
    expect(edit.body.embeds[0].title).toContain('@everyone');
    const messages = sentMessages(fake.requests);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      const allowed = message.body.allowed_mentions ?? message.body.data?.allowed_mentions;
      expect(allowed?.parse, `${message.method} ${message.path}`).toEqual([]);
    }
  });

  it('GIVEN a blank question THEN an ephemeral message says so, nothing is deferred and the core is not asked', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const sent = running.fake.slashCommand('ask', { question: '   ' });
    const callback = await running.fake.callbackOf(sent);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/empty/);
    expect(scoop.asked).toEqual([]);
  });

  it('GIVEN a question over MAX_QUESTION_LENGTH THEN an ephemeral message gives the limit', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop, { env: { MAX_QUESTION_LENGTH: '40' } });
    const sent = running.fake.slashCommand('ask', { question: 'When is GPT-5 coming out, and what about GPT-4.5 and o3?' });
    const callback = await running.fake.callbackOf(sent);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toContain('the limit is 40');
    expect(scoop.asked).toEqual([]);
  });

  it('GIVEN a 429 with retry_after on the edit THEN discord.js waits, retries and the answer arrives', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    fake.failNext({
      match: (r) => r.method === 'PATCH' && r.path.endsWith('/messages/%40original'),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      headers: { 'retry-after': '0.2', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.2', 'x-ratelimit-scope': 'user' },
    });
    const sent = fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' });
    const firstEdit = await fake.editOf(sent);
    const retry = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === firstEdit.path && r !== firstEdit);
    expect(fake.callsFor(sent).filter((r) => r.method === 'PATCH')).toEqual([firstEdit, retry]);
    expect(retry.at - firstEdit.at).toBeGreaterThanOrEqual(150);
    expect(retry.body.embeds[0].fields).toHaveLength(2);
    expect(running.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('GIVEN 40 concurrent /ask THEN all are acknowledged within Discord’s 3 seconds and all answered', async () => {
    const scoop = new FakeScoop(20);
    running = await startBot(scoop);
    const { fake } = running;
    const users = Array.from({ length: 40 }, (_, i) => fakeUser(`user${i}`));
    const sent = users.map((user, i) => fake.slashCommand('ask', { question: `When is GPT-5 coming out? (${i})` }, user));
    const callbacks = await Promise.all(sent.map((s) => fake.callbackOf(s)));
    const edits = await Promise.all(sent.map((s) => fake.editOf(s)));
    callbacks.forEach((callback, i) => {
      expect(callback.body.type).toBe(5);
      expect(callback.at - sent[i].sentAt).toBeLessThan(3000);
    });
    edits.forEach((edit, i) => expect(edit.body.embeds[0].title).toBe(`When is GPT-5 coming out? (${i})`));
    expect(scoop.asked).toHaveLength(40);
  });

  it('GIVEN a second /ask within the cooldown THEN that user is told to slow down, others are not', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop, { env: { COOLDOWN_SECONDS: '30' } });
    const { fake } = running;
    const bob = fakeUser('bob');
    await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    const again = fake.slashCommand('ask', { question: 'And GPT-4.5?' });
    const slowDown = await fake.callbackOf(again);
    expect(slowDown.body.data.flags).toBe(EPHEMERAL);
    expect(slowDown.body.data.content).toMatch(/^Slow down a little: you can ask again in (29|30) seconds\.$/);
    const bobs = fake.slashCommand('ask', { question: 'Who hosts OpenAI?' }, bob);
    expect((await fake.callbackOf(bobs)).body.type).toBe(5);
    await fake.editOf(bobs);
    expect(scoop.asked.map((a) => a.question)).toEqual(['When is GPT-5 coming out?', 'Who hosts OpenAI?']);
  });

  it('GIVEN a rejected blank question THEN it does not cost the cooldown', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop, { env: { COOLDOWN_SECONDS: '30' } });
    const { fake } = running;
    await fake.callbackOf(fake.slashCommand('ask', { question: ' ' }));
    await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    expect(scoop.asked).toHaveLength(1);
  });

  it('GIVEN the core throws THEN the user gets a short apology, the error is logged with context, and the next command works', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake, logs } = running;
    const failing = fake.slashCommand('ask', { question: FAILING_QUESTION });
    const apology = await fake.editOf(failing);
    expect(apology.body.content).toBe(APOLOGY);
    expect(apology.body.embeds).toEqual([]);
    const logged = logs.find((l) => l.msg === 'interaction failed');
    expect(logged).toMatchObject({ level: 50, command: 'ask', user: fake.defaultUser.id, guild: fake.guildId, err: { message: 'index file is corrupt' } });
    const next = await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    expect(next.body.embeds[0].fields).toHaveLength(2);
  });

  it('GIVEN the core refuses with a UserFacingError THEN its own message is shown, nothing is logged as an error', async () => {
    const scoop = new FakeScoop();
    scoop.ask = async () => {
      throw new UserFacingError('The index is still being built; try again in a minute.', 'index_busy');
    };
    running = await startBot(scoop);
    const edit = await running.fake.editOf(running.fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    expect(edit.body.content).toBe('The index is still being built; try again in a minute.');
    expect(running.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('GIVEN a button click THEN "More sources" shows the next passages ephemerally, never those already shown or cited', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const answered = await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    const message = [...fake.messages.values()].at(-1)!;
    const moreId = answered.body.components[0].components[0].custom_id;

    const first = fake.clickButton(message, moreId);
    expect((await fake.callbackOf(first)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const firstShown = (await fake.editOf(first)).body.embeds[0].fields.map((f: { value: string }) => f.value.split('\n')[0]);
    expect(firstShown).toEqual(['> Le modèle \\*Orion\\* (GPT-4.5) sortira dans quelques semaines.', '> Nvidia fournit les puces.', '> Mistral arrive sur Azure.']);

    const second = fake.clickButton(message, moreId);
    const secondEmbed = (await fake.editOf(second)).body.embeds[0];
    expect(secondEmbed.fields ?? []).toEqual([]);
    expect(secondEmbed.description).toMatch(/No other passage/);
  });

  it('GIVEN 👍 and 👎 THEN each vote is appended to the JSONL feedback log with question, answer and citations', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    const answered = await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    const message = [...fake.messages.values()].at(-1)!;
    const [, up, down] = answered.body.components[0].components;
    const thanks = await fake.callbackOf(fake.clickButton(message, up.custom_id));
    expect(thanks.body.data.flags).toBe(EPHEMERAL);
    expect(thanks.body.data.content).toMatch(/Thanks/);
    const bob = fakeUser('bob');
    await fake.callbackOf(fake.clickButton(message, down.custom_id, bob));

    const lines = (await readFile(running.feedbackLog, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ user: fake.defaultUser.id, guild: fake.guildId, question: 'When is GPT-5 coming out?', vote: 'up' });
    expect(lines[0].answer).toContain('[1]');
    expect(lines[0].citations[0]).toMatchObject({ n: 1, source: 'verge-gpt5.txt', snippet: 'OpenAI prévoit de lancer GPT-5 fin mai.' });
    expect(Number.isNaN(Date.parse(lines[0].time))).toBe(false);
    expect(lines[1]).toMatchObject({ user: bob.id, vote: 'down' });
  });

  it('GIVEN a button of a forgotten answer THEN the user is told to ask again', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    const message = [...fake.messages.values()].at(-1)!;
    const reply = await fake.callbackOf(fake.clickButton(message, 'scoop:vote:up:unknownKey'));
    expect(reply.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/too old/) });
  });
});
