import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from './botHarness';
import type { RecordedRequest } from './fakeDiscord';
import { FakeScoop } from './fakeScoop';

const EPHEMERAL = 64;

function isMessageIn(channelId: string) {
  return (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`;
}

async function askWithThread(running: RunningBot, question: string): Promise<string> {
  const { fake } = running;
  const sent = fake.slashCommand('ask', { question, thread: true });
  await fake.editOf(sent);
  const opened = await fake.waitForRequest((r) => r.method === 'POST' && /^\/channels\/\d+\/messages\/\d+\/threads$/.test(r.path));
  expect(opened.path).toMatch(new RegExp(`^/channels/${fake.channelId}/`));
  expect(opened.body.name).toBe(question);
  await vi.waitFor(() => expect(running.logs.some((l) => l.question === sent.id && l.msg === 'question done')).toBe(true));
  return [...fake.threads.keys()].at(-1)!;
}

describe('threads on answers, on a fake Discord', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN /ask thread:True THEN the answer opens a thread; a follow-up there that mentions the bot is answered there, read with the thread’s question', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const threadId = await askWithThread(running, 'When is GPT-5 coming out?');
    const followUp = fake.userMessage({ content: `<@${fake.bot.id}> and GPT-4.5?`, mentionBot: true, channelId: threadId });
    const reply = await fake.waitForRequest(isMessageIn(threadId));
    expect(reply.body.message_reference).toMatchObject({ message_id: followUp.id });
    expect(reply.body.embeds[0].fields).toHaveLength(2);
    const third = fake.userMessage({ content: `<@${fake.bot.id}> and o3?`, mentionBot: true, channelId: threadId });
    await fake.waitForRequest((r) => isMessageIn(threadId)(r) && r.body.message_reference?.message_id === third.id);
    expect(scoop.asked).toEqual([
      { question: 'When is GPT-5 coming out?' },
      { question: 'and GPT-4.5?', options: { previousQuestion: 'When is GPT-5 coming out?' } },
      { question: 'and o3?', options: { previousQuestion: 'and GPT-4.5?' } },
    ]);
  });

  it('GIVEN no MessageContent intent THEN a follow-up in the thread without a mention reaches Scoop blank and is not answered; /help says to mention it', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    expect(fake.intents & (1 << 15)).toBe(0);
    const threadId = await askWithThread(running, 'When is GPT-5 coming out?');
    fake.userMessage({ content: 'and GPT-4.5?', channelId: threadId });
    const marker = fake.userMessage({ content: `<@${fake.bot.id}> and o3?`, mentionBot: true, channelId: threadId });
    await fake.waitForRequest((r) => isMessageIn(threadId)(r) && r.body.message_reference?.message_id === marker.id);
    expect(scoop.asked.map((a) => a.question)).toEqual(['When is GPT-5 coming out?', 'and o3?']);
    const help = await fake.callbackOf(fake.slashCommand('help'));
    expect(help.body.data.embeds[0].description).toContain('mention me in your follow-up');
  });

  it('GIVEN MESSAGE_CONTENT_INTENT=true THEN the bot asks for the intent and answers a follow-up in its thread without a mention; /help says so', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop, { env: { MESSAGE_CONTENT_INTENT: 'true' } });
    const { fake } = running;
    expect(fake.intents & (1 << 15)).not.toBe(0);
    const threadId = await askWithThread(running, 'When is GPT-5 coming out?');
    const followUp = fake.userMessage({ content: 'and GPT-4.5?', channelId: threadId });
    const reply = await fake.waitForRequest(isMessageIn(threadId));
    expect(reply.body.message_reference).toMatchObject({ message_id: followUp.id });
    expect(scoop.asked[1]).toEqual({ question: 'and GPT-4.5?', options: { previousQuestion: 'When is GPT-5 coming out?' } });
    fake.userMessage({ content: 'chatting in #general without a mention' });
    const marker = fake.userMessage({ content: `<@${fake.bot.id}> When is GPT-5 coming out?`, mentionBot: true });
    await fake.waitForRequest((r) => isMessageIn(fake.channelId)(r) && r.body.message_reference?.message_id === marker.id);
    expect(scoop.asked).toHaveLength(3);
    const help = await fake.callbackOf(fake.slashCommand('help'));
    expect(help.body.data.embeds[0].description).toContain('just write your follow-up');
  });

  it('GIVEN the server’s thread default THEN /ask and mentions open threads without being asked', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    await fake.callbackOf(fake.slashCommand('settings threads', { enabled: true }));
    await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    await fake.waitForRequest((r) => /\/threads$/.test(r.path));
    fake.userMessage({ content: `<@${fake.bot.id}> Who hosts OpenAI?`, mentionBot: true });
    await fake.waitForRequest((r) => /\/threads$/.test(r.path) && r.body.name === 'Who hosts OpenAI?');
    expect(fake.threads.size).toBe(2);
  });

  it('GIVEN /ask thread:True from a user install where the bot is not a member THEN no thread, only the reply and an ephemeral note', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    const sent = fake.slashCommand('ask', { question: 'When is GPT-5 coming out?', thread: true }, fake.defaultUser, { place: 'userInstallGuild' });
    await fake.editOf(sent);
    const note = await fake.followUpOf(sent);
    expect(note.body).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/could not open a thread here/) });
    expect(fake.requests.filter((r) => r.path.startsWith('/channels/'))).toEqual([]);
  });
});
