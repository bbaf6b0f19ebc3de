import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from './botHarness';
import { FakeScoop } from './fakeScoop';

const EPHEMERAL = 64;

describe('"Ask Scoop" on a message, on a fake Discord', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN a question someone wrote THEN it is answered as /ask answers it, cited, with the answer buttons', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const target = fake.writtenMessage('Quand sort GPT-5 ?');
    const sent = fake.messageCommand('Ask Scoop', target);
    expect((await fake.callbackOf(sent)).body).toEqual({ type: 5, data: { flags: 0 } });
    const [embed] = (await fake.editOf(sent)).body.embeds;
    expect(embed.title).toBe('Quand sort GPT-5 ?');
    expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(['[1] OpenAI plans GPT-5 for late May', '[2] OpenAI plans GPT-5 for late May']);
    expect(scoop.asked).toEqual([{ question: 'Quand sort GPT-5 ?' }]);
    expect(scoop.checked).toEqual([]);
  });

  it('GIVEN a statement THEN the articles’ sentences are cited against it, in red when they contradict it', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const sent = fake.messageCommand('Ask Scoop', fake.writtenMessage('GPT-5 sort en mars'));
    const edit = await fake.editOf(sent);
    const [embed] = edit.body.embeds;
    expect(embed.title).toBe('GPT-5 sort en mars');
    expect(embed.description).toBe('Les articles disent autre chose.\nDate : les articles disent fin mai 2025 (« fin mai ») [1], pas mars 2025.');
    expect(embed.color).toBe(0xef4444);
    expect(embed.fields[0].value).toMatch(/^> OpenAI prévoit de lancer GPT-5 fin mai\./);
    expect(edit.body.components[0].components).toHaveLength(3);
    expect(scoop.checked).toEqual([{ statement: 'GPT-5 sort en mars' }]);
    expect(scoop.asked).toEqual([]);
  });

  it('GIVEN a message with no text THEN an ephemeral notice says so and the core is not asked', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const { fake } = running;
    const reply = await fake.callbackOf(fake.messageCommand('Ask Scoop', fake.writtenMessage('')));
    expect(reply.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/no text/) });
    expect([scoop.asked, scoop.checked]).toEqual([[], []]);
  });
});

describe('user installs: where the bot is not a member', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  const channelCalls = (running: RunningBot) => running.fake.requests.filter((r) => r.path.startsWith('/channels/') || r.path.startsWith('/guilds/'));

  for (const place of ['userInstallGuild', 'privateChannel', 'botDm'] as const) {
    it(`GIVEN /ask from a user install (${place}) THEN the answer comes through the interaction reply alone`, async () => {
      const scoop = new FakeScoop();
      running = await startBot(scoop);
      const { fake } = running;
      const sent = fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }, fake.defaultUser, { place });
      expect((await fake.callbackOf(sent)).body.type).toBe(5);
      expect((await fake.editOf(sent)).body.embeds[0].fields).toHaveLength(2);
      const statement = fake.messageCommand('Ask Scoop', fake.writtenMessage('GPT-5 sort en mars'), fake.defaultUser, { place });
      expect((await fake.editOf(statement)).body.embeds[0].color).toBe(0xef4444);
      expect(channelCalls(running)).toEqual([]);
      expect(running.logs.filter((l) => (l.level as number) >= 40)).toEqual([]);
    });
  }
});
