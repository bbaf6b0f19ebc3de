import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../bot/start';
import { openScoop } from '../../src/app';
import { parseConfig } from '../../src/config';
import type { Scoop } from '../../src/scoop';
import { memoryLogger, startBot, type RunningBot } from './botHarness';
import { FakeDiscord } from './fakeDiscord';

const SEED_TEXT = readFile('seeds/000_f20889ff108f9afa.txt', 'utf8');
const SEED_TITLE = "Microsoft prépare ses serveurs Azure pour GPT-4.5 et GPT-5 d'OpenAI";

describe('the bot over the real core and the seed article', () => {
  let indexDir: string;
  let scoop: Scoop;
  let running: RunningBot;

  beforeAll(async () => {
    indexDir = await mkdtemp(join(tmpdir(), 'scoop-bot-index-'));
    const config = parseConfig({ CORPUS_DIR: 'seeds', INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
    scoop = (await openScoop(config, { logger: memoryLogger().logger })).scoop;
    running = await startBot(scoop);
  });
  afterAll(async () => {
    await running?.stop();
    await rm(indexDir, { recursive: true, force: true });
  });

  it('GIVEN /ask about GPT-4.5 THEN the answer cites verbatim snippets of the seed, with its title and date', async () => {
    const question = 'Quand GPT-4.5 sera-t-il dévoilé ?';
    const expected = await scoop.ask(question);
    expect(expected.abstained).toBe(false);
    const edit = await running.fake.editOf(running.fake.slashCommand('ask', { question }));
    const [embed] = edit.body.embeds;
    expect(embed.fields).toHaveLength(expected.citations.length);
    const text = await SEED_TEXT;
    expected.citations.forEach((citation, i) => {
      expect(text.slice(citation.start, citation.end)).toBe(citation.snippet);
      expect(embed.fields[i].name).toBe(`[${citation.n}] ${SEED_TITLE}`);
      expect(embed.fields[i].value).toMatch(/^> /);
      expect(embed.fields[i].value.endsWith('· 2025-02')).toBe(true);
    });
    expect(embed.description).toMatch(/\[1\]/);
    expect(embed.footer.text).toBe('Searched 1 article · newest from 2025-02');
  });

  it('GIVEN "Ask Scoop" on the statement "GPT-5 sort en mars" THEN the seed’s "fin mai" is cited against it, in red', async () => {
    const { fake } = running;
    const edit = await fake.editOf(fake.messageCommand('Ask Scoop', fake.writtenMessage('GPT-5 sort en mars')));
    const [embed] = edit.body.embeds;
    expect(embed.color).toBe(0xef4444);
    expect(embed.description).toBe('Les articles disent autre chose.\nDate : les articles disent fin mai 2025 (« fin mai ») [1], pas mars 2025.\nC\'était une date antérieure, début 2025 (« début de 2025 »), déplacée depuis [2].');
    expect(embed.fields[0].value).toMatch(/devrait être officiellement lancé fin mai/);
  });

  it('GIVEN "Ask Scoop" on a question THEN it is answered as /ask answers it', async () => {
    const question = 'Quand GPT-4.5 sera-t-il dévoilé ?';
    const expected = await scoop.ask(question);
    const edit = await running.fake.editOf(running.fake.messageCommand('Ask Scoop', running.fake.writtenMessage(question)));
    expect(edit.body.embeds[0].fields).toHaveLength(expected.citations.length);
    expect(edit.body.embeds[0].color).toBe(0x3b82f6);
  });

  it('GIVEN /settings language English THEN a French question is answered in English by the real core', async () => {
    const { fake } = running;
    const question = 'Quand GPT-4.5 sera-t-il dévoilé ?';
    const french = (await fake.editOf(fake.slashCommand('ask', { question }))).body.embeds[0];
    await fake.callbackOf(fake.slashCommand('settings language', { answers: 'en' }));
    const english = (await fake.editOf(fake.slashCommand('ask', { question }))).body.embeds[0];
    await fake.callbackOf(fake.slashCommand('settings language', { answers: 'question' }));
    expect(french.description).toMatch(/article de février 2025/);
    expect(english.description).toMatch(/article of February 2025/);
    expect(english.fields.map((f: { value: string }) => f.value)).toEqual(french.fields.map((f: { value: string }) => f.value));
  });

  it('GIVEN one question THEN its log lines, from search to answer, carry the interaction’s id', async () => {
    const sent = running.fake.slashCommand('ask', { question: 'Qui héberge GPT-4.5 ?' });
    await running.fake.editOf(sent);
    await vi.waitFor(() => expect(running.logs.some((l) => l.question === sent.id && l.msg === 'question done')).toBe(true));
    const lines = running.logs.filter((l) => l.question === sent.id).map((l) => l.msg);
    expect(lines).toEqual(['search', 'answer', 'question done']);
    expect(running.logs.find((l) => l.question === sent.id && l.msg === 'question done')).toMatchObject({ command: 'ask', outcome: 'answered' });
  });

  it('GIVEN /ask about GPT-6 THEN the answer abstains, plainly and in grey', async () => {
    const edit = await running.fake.editOf(running.fake.slashCommand('ask', { question: 'When will GPT-6 be released?' }));
    const [embed] = edit.body.embeds;
    expect(embed.color).toBe(0x9ca3af);
    expect(embed.description).toMatch(/GPT-6/);
    expect((embed.fields ?? []).some((f: { name: string }) => /^\[\d+\]/.test(f.name))).toBe(false);
  });
});

describe('npm start against a fake Discord', () => {
  it('GIVEN the seed THEN it indexes, logs in, answers, and shuts down cleanly on SIGTERM', async () => {
    const fake = await FakeDiscord.start();
    const indexDir = await mkdtemp(join(tmpdir(), 'scoop-bot-start-'));
    const events = new EventEmitter();
    const err: string[] = [];
    const running = main(['start'], {
      env: { DISCORD_TOKEN: 'bot-token', DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: 'seeds', INDEX_DIR: indexDir, LOG_LEVEL: 'silent' },
      stdout: { write: () => true },
      stderr: { write: (text: string) => err.push(text) },
      events,
    });
    try {
      await fake.whenIdentified();
      const answer = await fake.editOf(fake.slashCommand('ask', { question: 'Qui héberge GPT-4.5 ?' }));
      expect(answer.body.embeds[0].title).toBe('Qui héberge GPT-4.5 ?');
      events.emit('SIGTERM');
      expect(await running).toBe(0);
      expect(err).toEqual([]);
    } finally {
      await fake.close();
      await rm(indexDir, { recursive: true, force: true });
    }
  });
});
