import { afterEach, describe, expect, it, vi } from 'vitest';
import { APOLOGY } from '../../bot/replyWithError';
import { startBot, type RunningBot } from './botHarness';
import { fakeUser, type RecordedRequest } from './fakeDiscord';
import { FAILING_QUESTION, FakeScoop } from './fakeScoop';

function isChannelMessage(r: RecordedRequest): boolean {
  return r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);
}

/** Waits until the bot has had time to react to everything dispatched so far (a later message is answered). */
async function settle(running: RunningBot): Promise<void> {
  const marker = running.fake.userMessage({ content: `<@${running.fake.bot.id}> settle`, mentionBot: true, author: fakeUser('marker') });
  await running.fake.waitForRequest((r) => isChannelMessage(r) && r.body.message_reference?.message_id === marker.id);
}

describe('mentions and direct messages on a fake Discord', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN a message mentioning the bot THEN it replies to that message with the answer, without pinging', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const asked = fake.userMessage({ content: `<@${fake.bot.id}> when is GPT-5 coming out?`, mentionBot: true });
    const reply = await fake.waitForRequest(isChannelMessage);
    expect(reply.path).toBe(`/channels/${fake.channelId}/messages`);
    expect(reply.body.message_reference).toMatchObject({ message_id: asked.id });
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.embeds[0].fields).toHaveLength(2);
    expect(reply.body.components[0].components).toHaveLength(3);
    expect(scoop.asked).toEqual([{ question: 'when is GPT-5 coming out?' }]);
  });

  it('GIVEN "@everyone" in a mention question THEN the reply parses no mention and does not ping the author', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    fake.userMessage({ content: `@everyone <@!${fake.bot.id}> when is GPT-5 out?`, mentionBot: true, mentionEveryone: true });
    const reply = await fake.waitForRequest(isChannelMessage);
    expect(reply.body.embeds[0].title).toBe('@everyone when is GPT-5 out?');
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('GIVEN @everyone, a role mention or another bot without mentioning Scoop THEN it stays silent', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    fake.userMessage({ content: '@everyone when is GPT-5 out?', mentionEveryone: true });
    fake.userMessage({ content: '<@&123456789012345678> when is GPT-5 out?', mentionRoles: ['123456789012345678'] });
    fake.userMessage({ content: `<@${fake.bot.id}> when is GPT-5 out?`, mentionBot: true, author: fakeUser('otherbot', { bot: true }) });
    await settle(running);
    expect(scoop.asked.map((a) => a.question)).toEqual(['settle']);
  });

  it('GIVEN a direct message THEN it is a question and the answer replies to it', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const dm = fake.userMessage({ content: 'Who hosts OpenAI models?', dm: true });
    const reply = await fake.waitForRequest(isChannelMessage);
    expect(reply.path).toBe(`/channels/${dm.channel_id}/messages`);
    expect(reply.body.message_reference).toMatchObject({ message_id: dm.id });
    expect(scoop.asked).toEqual([{ question: 'Who hosts OpenAI models?' }]);
  });

  it('GIVEN a reply to one of Scoop’s answers THEN the earlier question goes with the follow-up', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const first = fake.userMessage({ content: `<@${fake.bot.id}> When is GPT-5 coming out?`, mentionBot: true });
    await fake.waitForRequest(isChannelMessage);
    await vi.waitFor(() => expect(running.logs.some((l) => l.question === first.id && l.msg === 'question done')).toBe(true));
    const answer = [...fake.messages.values()].at(-1)!;
    const followUp = fake.userMessage({ content: 'and GPT-4.5?', replyTo: answer.id });
    await fake.waitForRequest((r) => isChannelMessage(r) && r.body.message_reference?.message_id === followUp.id);
    expect(scoop.asked).toEqual([
      { question: 'When is GPT-5 coming out?' },
      { question: 'and GPT-4.5?', options: { previousQuestion: 'When is GPT-5 coming out?' } },
    ]);
  });

  it('GIVEN a reply to a /ask answer THEN the slash question is the earlier question', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const asked = fake.slashCommand('ask', { question: 'Quand sort GPT-5 ?' });
    await fake.editOf(asked);
    await vi.waitFor(() => expect(running.logs.some((l) => l.question === asked.id && l.msg === 'question done')).toBe(true));
    const answer = [...fake.messages.values()].at(-1)!;
    fake.userMessage({ content: 'et GPT-4.5 ?', replyTo: answer.id });
    await fake.waitForRequest(isChannelMessage);
    expect(scoop.asked[1]).toEqual({ question: 'et GPT-4.5 ?', options: { previousQuestion: 'Quand sort GPT-5 ?' } });
  });

  it('GIVEN a bare mention THEN the reply asks for a question and the core is not asked', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    fake.userMessage({ content: `<@${fake.bot.id}>   `, mentionBot: true });
    const reply = await fake.waitForRequest(isChannelMessage);
    expect(reply.body.content).toMatch(/empty/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(scoop.asked).toEqual([]);
  });

  it('GIVEN a second mention within the cooldown THEN the reply says to slow down', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop, { env: { COOLDOWN_SECONDS: '10' } });
    const { fake } = running;
    fake.userMessage({ content: `<@${fake.bot.id}> When is GPT-5 coming out?`, mentionBot: true });
    await fake.waitForRequest(isChannelMessage);
    fake.userMessage({ content: `<@${fake.bot.id}> And GPT-4.5?`, mentionBot: true });
    const slowDown = await fake.waitForRequest((r) => isChannelMessage(r) && typeof r.body.content === 'string' && r.body.content !== '');
    expect(slowDown.body.content).toMatch(/^Slow down a little: you can ask again in (9|10) seconds\.$/);
    expect(scoop.asked).toHaveLength(1);
  });

  it('GIVEN the core throws on a mention THEN the user gets an apology and the bot keeps answering', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake, logs } = running;
    fake.userMessage({ content: `<@${fake.bot.id}> ${FAILING_QUESTION}`, mentionBot: true });
    const apology = await fake.waitForRequest(isChannelMessage);
    expect(apology.body.content).toBe(APOLOGY);
    expect(logs.find((l) => l.msg === 'answering a message failed')).toMatchObject({ user: fake.defaultUser.id, guild: fake.guildId });
    await settle(running);
  });
});
