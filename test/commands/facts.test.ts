import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../discord/botHarness';
import { FakeScoop } from '../discord/fakeScoop';

describe('/timeline, /partners, /sources, /search and /help on a fake Discord', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN /timeline GPT-5 THEN the dated claims are listed with their cited snippets', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('timeline', { subject: 'gpt5' }));
    const [embed] = reply.body.data.embeds;
    expect(embed.title).toBe('Timeline: GPT-5');
    expect(embed.description).toBe('• **GPT-5** release: “fin mai” → 2025-05-21 to 2025-05-31 · planned [1]');
    expect(embed.fields[0].value).toMatch(/^> OpenAI prévoit de lancer GPT-5 fin mai\./);
    expect(reply.body.data.allowed_mentions.parse).toEqual([]);
  });

  it('GIVEN /timeline about a subject nobody wrote about THEN it says plainly that nothing is known', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('timeline', { subject: 'GPT-6' }));
    expect(reply.body.data.embeds[0].description).toBe('Nothing is known about GPT-6: the indexed articles give no date for it.');
  });

  it('GIVEN /timeline without a subject THEN the recent and upcoming events are listed', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('timeline'));
    expect(reply.body.data.embeds[0].title).toBe('Recent and upcoming events');
  });

  it('GIVEN /partners Microsoft THEN the tie, its nature and its snippet are shown', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('partners', { company: 'microsoft' }));
    const [embed] = reply.body.data.embeds;
    expect(embed.title).toBe('Partners: Microsoft');
    expect(embed.description).toBe('• **Microsoft** → **OpenAI**: cloud and hosting [1]');
    expect(embed.fields[0].value).toMatch(/^> Microsoft héberge les modèles d’OpenAI sur Azure\./);
  });

  it('GIVEN /partners of an unknown company THEN it says plainly that nothing is known', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('partners', { company: 'Initech' }));
    expect(reply.body.data.embeds[0].description).toBe("Nothing is known about Initech's partners in the indexed articles.");
  });

  it('GIVEN autocomplete on /timeline subject THEN matching subjects come back, "gpt5" finding GPT-5 first', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.autocomplete('timeline', 'subject', 'gpt'));
    expect(reply.body).toEqual({
      type: 8,
      data: { choices: ['GPT-4.5', 'GPT-5'].map((name) => ({ name, value: name })) },
    });
    const five = await running.fake.callbackOf(running.fake.autocomplete('timeline', 'subject', 'gpt5'));
    expect(five.body.data.choices).toEqual([{ name: 'GPT-5', value: 'GPT-5' }]);
  });

  it('GIVEN autocomplete on /partners company THEN companies come back', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.autocomplete('partners', 'company', 'mi'));
    expect(reply.body.data.choices.map((c: { name: string }) => c.name)).toEqual(['Microsoft', 'Mistral AI']);
  });

  it('GIVEN /sources THEN the indexed articles are listed with date and language, and how many', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('sources'));
    const [embed] = reply.body.data.embeds;
    expect(embed.title).toBe('1 indexed article');
    expect(embed.description).toBe('• [OpenAI plans GPT-5 for late May](https://www.theverge.com/2025/2/20/openai-gpt-5) · 2025-02-20 · French');
  });

  it('GIVEN /search THEN the top snippets are quoted with their sources', async () => {
    const scoop = new FakeScoop();
    running = await startBot(scoop);
    const edit = await running.fake.editOf(running.fake.slashCommand('search', { query: 'Azure' }));
    const [embed] = edit.body.embeds;
    expect(embed.title).toBe('Search: Azure');
    expect(embed.fields).toHaveLength(5);
    expect(embed.fields[0].value).toMatch(/^> Selon The Verge/);
    expect(scoop.searched).toEqual([{ query: 'Azure', k: 5 }]);
  });

  it('GIVEN /help THEN an ephemeral explanation lists every command', async () => {
    running = await startBot(new FakeScoop());
    const reply = await running.fake.callbackOf(running.fake.slashCommand('help'));
    expect(reply.body.data.flags).toBe(64);
    for (const name of ['/ask', '/search', '/timeline', '/partners', '/sources']) expect(reply.body.data.embeds[0].description).toContain(name);
  });
});
