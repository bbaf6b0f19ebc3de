import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../bot/start';
import { BotMetrics } from '../../bot/botMetrics';
import { parseConfig } from '../../src/config';
import { FakeDiscord, fakeUser } from './fakeDiscord';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The value of one sample of a Prometheus text exposition, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ?? '';
    if (wanted.every((label) => have.includes(label))) return Number(match[3]);
  }
  return undefined;
}

describe('monitoring: /healthz and /metrics', () => {
  it('GIVEN METRICS_PORT is not set THEN there is no endpoint; METRICS_HOST defaults to loopback', () => {
    const config = parseConfig({});
    expect(config.METRICS_PORT).toBeUndefined();
    expect(config.METRICS_HOST).toBe('127.0.0.1');
  });

  it('GIVEN npm start with METRICS_PORT THEN /healthz and /metrics answer during a burst of 40 questions, and count them', async () => {
    const fake = await FakeDiscord.start();
    const indexDir = await mkdtemp(join(tmpdir(), 'scoop-metrics-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const events = new EventEmitter();
    const err: string[] = [];
    const running = main(['start'], {
      env: {
        DISCORD_TOKEN: 'bot-token',
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_DIR: 'seeds',
        INDEX_DIR: indexDir,
        SETTINGS_FILE: join(indexDir, 'settings.json'),
        FEEDBACK_LOG: join(indexDir, 'feedback.jsonl'),
        COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'silent',
        METRICS_PORT: String(port),
      },
      stdout: { write: () => true },
      stderr: { write: (text: string) => err.push(text) },
      events,
    });
    try {
      await fake.whenIdentified();
      let health = await fetch(`${base}/healthz`);
      for (let tries = 0; health.status !== 200 && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        health = await fetch(`${base}/healthz`);
      }
      expect(health.status).toBe(200);
      const healthy = await health.json();
      expect(healthy).toMatchObject({ status: 'ok', indexLoaded: true, gatewayConnected: true, lastSync: { at: expect.any(String), ms: expect.any(Number) } });

      fake.failNext({
        match: (r) => r.method === 'PATCH' && r.path.endsWith('/messages/%40original'),
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
        headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
      });
      const sent = Array.from({ length: 40 }, (_, i) => fake.slashCommand('ask', { question: 'Quand GPT-4.5 sera-t-il dévoilé ?' }, fakeUser(`reader${i}`)));
      const during = await Promise.all([fetch(`${base}/healthz`), fetch(`${base}/metrics`), fetch(`${base}/metrics`)]);
      expect(during.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(during[1].headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      await Promise.all(sent.map((s) => fake.editOf(s, 20_000)));
      await fake.waitForRequest((r) => r.method === 'PATCH' && fake.requests.filter((q) => q.method === 'PATCH').length >= 41);

      const text = await (await fetch(`${base}/metrics`)).text();
      expect(sample(text, 'scoop_questions_total', { command: 'ask', outcome: 'answered' })).toBe(40);
      expect(sample(text, 'scoop_answer_seconds_count', { command: 'ask' })).toBe(40);
      expect(sample(text, 'scoop_index_articles')).toBe(1);
      expect(sample(text, 'scoop_index_passages')).toBeGreaterThan(0);
      expect(sample(text, 'scoop_sync_duration_seconds')).toBeGreaterThan(0);
      expect(sample(text, 'scoop_discord_rest_429_total')).toBe(1);
      expect(text).toContain('# TYPE scoop_feed_errors_total counter');
      expect((await fetch(`${base}/nothing`)).status).toBe(404);

      events.emit('SIGTERM');
      expect(await running).toBe(0);
      expect(err).toEqual([]);
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      events.emit('SIGTERM');
      await running;
      await fake.close();
      await rm(indexDir, { recursive: true, force: true });
    }
  });
});

describe('BotMetrics', () => {
  it('GIVEN a poll that failed on two pages of one host and one feed of another THEN the feed errors count by host', async () => {
    const metrics = new BotMetrics();
    metrics.recordPollFailures([
      { url: 'https://news.example/a.html' },
      { url: 'https://news.example/b.html' },
      { url: 'http://127.0.0.1:8080/feed.xml' },
    ]);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'scoop_feed_errors_total', { host: 'news.example' })).toBe(2);
    expect(sample(text, 'scoop_feed_errors_total', { host: '127.0.0.1:8080' })).toBe(1);
  });
});
