import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../src/answers/answerQuestion';
import { createChatAnswerer } from '../../src/answers/chatAnswerer';
import { parseConfig } from '../../src/config';
import { UserFacingError } from '../../src/errors';
import { loadNewsFixture, type NewsFixture } from './newsFixture';

/** What the stub does with the next chat completion request. */
type StubReply = { content: string } | { status: number } | { delayMs: number; content: string };

/** A local OpenAI-compatible endpoint: POST /v1/chat/completions answers with the reply set by the test. */
class ChatStub {
  reply: StubReply = { content: '' };
  requests: Array<{ model: string; messages: Array<{ role: string; content: string }> }> = [];
  private server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404).end();
        return;
      }
      this.requests.push(JSON.parse(body));
      const reply = this.reply;
      if ('status' in reply) {
        response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'stub failure' } }));
        return;
      }
      const send = () =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-stub',
            object: 'chat.completion',
            created: 0,
            model: 'stub-model',
            choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      if ('delayMs' in reply) setTimeout(send, reply.delayMs);
      else send();
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Logged {
  message: string;
  reason: string;
}

describe('the chat answerer and its fallback, against a local OpenAI-compatible stub', () => {
  const stub = new ChatStub();
  const logged: Logged[] = [];
  let news: NewsFixture;
  let deps: AnswerDeps;
  let extractive: Awaited<ReturnType<typeof answerQuestion>>;
  const QUESTION = 'Quel est le nom de code de GPT-4.5 ?';

  beforeAll(async () => {
    const baseUrl = await stub.start();
    news = await loadNewsFixture();
    const config = parseConfig({ ANSWERER: 'openai', OPENAI_BASE_URL: baseUrl, CHAT_MODEL: 'stub-model', LLM_TIMEOUT_MS: '2000' });
    const logger = {
      warn: (context: { reason: string }, message: string) => logged.push({ message, reason: context.reason }),
      debug: () => {},
    } as unknown as AnswerDeps['logger'];
    deps = { search: news.search, facts: news.facts, chat: createChatAnswerer(config), logger };
    extractive = await answerQuestion(QUESTION, { search: news.search, facts: news.facts });
  });
  afterAll(async () => {
    news?.close();
    await stub.stop();
  });

  it('GIVEN a reply that cites existing snippets and quotes them verbatim THEN it is the answer, renumbered, with only its citations', async () => {
    stub.reply = { content: 'GPT-4.5 porte le nom de code Orion : « GPT-4.5, code-named Orion » [2].' };
    const answer = await answerQuestion(QUESTION, deps);
    expect(answer.answer).toBe('GPT-4.5 porte le nom de code Orion : « GPT-4.5, code-named Orion » [1].');
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]).toMatchObject({ n: 1, snippet: extractive.citations[1].snippet });
    const sent = stub.requests.at(-1)!;
    expect(sent.model).toBe('stub-model');
    expect(sent.messages.map((m) => m.content).join('\n')).toContain(`[2] (${extractive.citations[1].title}`);
  });

  it('GIVEN a reply citing [9], which does not exist THEN falls back to the extractive answer and logs why', async () => {
    stub.reply = { content: 'Orion [9].' };
    const answer = await answerQuestion(QUESTION, deps);
    expect(answer.answer).toBe(extractive.answer);
    expect(answer.citations).toEqual(extractive.citations);
    expect(logged.at(-1)?.reason).toBe('cites [9], which does not exist');
  });

  it('GIVEN a reply quoting words the snippets do not hold THEN falls back', async () => {
    stub.reply = { content: 'Son nom de code est « Orion Ultra » [1].' };
    const answer = await answerQuestion(QUESTION, deps);
    expect(answer.answer).toBe(extractive.answer);
    expect(logged.at(-1)?.reason).toMatch(/not verbatim/);
  });

  it('GIVEN a reply slower than LLM_TIMEOUT_MS THEN falls back to the extractive answer', async () => {
    stub.reply = { delayMs: 6_000, content: 'Orion [1].' };
    const answer = await answerQuestion(QUESTION, deps);
    expect(answer.answer).toBe(extractive.answer);
    expect(logged.at(-1)?.message).toMatch(/failed/);
  });

  it('GIVEN a 500 from the endpoint THEN falls back to the extractive answer', async () => {
    stub.reply = { status: 500 };
    const answer = await answerQuestion(QUESTION, deps);
    expect(answer.answer).toBe(extractive.answer);
    expect(answer.abstained).toBe(false);
    expect(logged.at(-1)?.message).toMatch(/failed/);
  });

  it('GIVEN a question the articles do not answer THEN the model is not asked and the answer abstains', async () => {
    const before = stub.requests.length;
    const answer = await answerQuestion('When will GPT-6 be released?', deps);
    expect(answer.abstained).toBe(true);
    expect(stub.requests.length).toBe(before);
  });

  it('GIVEN ANSWERER=openai without CHAT_MODEL THEN a configuration error says what to set', () => {
    expect(() => createChatAnswerer(parseConfig({ ANSWERER: 'openai' }))).toThrow(UserFacingError);
    expect(() => createChatAnswerer(parseConfig({ ANSWERER: 'ollama' }))).toThrow(/CHAT_MODEL/);
  });
});
