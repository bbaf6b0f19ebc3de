import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { parseConfig } from '../../src/config';
import { UserFacingError } from '../../src/errors';
import { createEmbeddings } from '../../src/index/createEmbeddings';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';
import { PassageIndex } from '../../src/index/passageIndex';
import { HybridSearch } from '../../src/retrieval/hybridSearch';

/** What the stub was asked: endpoint, model, key and texts of each request. */
interface StubRequest {
  path: string;
  model: string;
  authorization?: string;
  inputs: string[];
}

/** Real similarity for the stub's vectors: the offline embedder at 32 dimensions. */
const stubVectors = new HashedFeatureEmbeddings({ dimensions: 32 });

async function readJson(request: IncomingMessage): Promise<{ model: string; input: string | string[]; encoding_format?: string }> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(body);
}

/** Serves POST /v1/embeddings (OpenAI, float or base64) and POST /api/embed (Ollama) on 127.0.0.1. */
function startStub(requests: StubRequest[]): Promise<Server> {
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    requests.push({ path: request.url ?? '', model: body.model, authorization: request.headers.authorization, inputs });
    const vectors = inputs.map((text) => stubVectors.embedText(text));
    response.setHeader('content-type', 'application/json');
    if (request.method === 'POST' && request.url === '/v1/embeddings') {
      const encode = (vector: number[]) =>
        body.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
      response.end(
        JSON.stringify({
          object: 'list',
          model: body.model,
          data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: encode(vector) })),
          usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
        }),
      );
    } else if (request.method === 'POST' && request.url === '/api/embed') {
      response.end(JSON.stringify({ model: body.model, embeddings: vectors }));
    } else {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: 'not found' }));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const userError = async (run: () => Promise<unknown>): Promise<UserFacingError> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a UserFacingError');
};

describe('createEmbeddings', () => {
  const requests: StubRequest[] = [];
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = await startStub(requests);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('GIVEN no provider THEN the offline hashed embedder, its id naming provider and size', async () => {
    const { embeddings, embedderId } = await createEmbeddings(parseConfig({}));
    expect(embeddings).toBeInstanceOf(HashedFeatureEmbeddings);
    expect(embedderId).toMatch(/^hashed-v\d+-384$/);
    expect(await embeddings.embedQuery('GPT-5')).toHaveLength(384);
  });

  it.each([
    [{ EMBEDDINGS_PROVIDER: 'openai', OPENAI_API_KEY: 'k' }, 'EMBEDDINGS_MODEL'],
    [{ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_MODEL: 'text-embedding-3-small' }, 'OPENAI_API_KEY'],
    [{ EMBEDDINGS_PROVIDER: 'ollama' }, 'EMBEDDINGS_MODEL'],
  ])('GIVEN %o THEN a UserFacingError names %s', async (env, key) => {
    const error = await userError(() => createEmbeddings(parseConfig(env)));
    expect(error.message).toContain(key);
    expect(error.code).toBe('invalid_config');
  });

  it('GIVEN openai with a base URL THEN passages are embedded by that endpoint with the model and key', async () => {
    requests.length = 0;
    const config = parseConfig({ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_MODEL: 'stub-embed', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${baseUrl}/v1` });
    const { embeddings, embedderId } = await createEmbeddings(config);
    expect(embedderId).toBe('openai:stub-embed');
    const [vector] = await embeddings.embedDocuments(['Mistral signe avec Microsoft']);
    expect(vector).toHaveLength(32);
    expect(vector[0]).toBeCloseTo(stubVectors.embedText('Mistral signe avec Microsoft')[0], 5);
    expect(requests).toEqual([{ path: '/v1/embeddings', model: 'stub-embed', authorization: 'Bearer sk-test', inputs: ['Mistral signe avec Microsoft'] }]);
  });

  it('GIVEN ollama THEN passages are embedded by the Ollama server', async () => {
    requests.length = 0;
    const { embeddings, embedderId } = await createEmbeddings(
      parseConfig({ EMBEDDINGS_PROVIDER: 'ollama', EMBEDDINGS_MODEL: 'nomic-embed-text', OLLAMA_BASE_URL: baseUrl }),
    );
    expect(embedderId).toBe('ollama:nomic-embed-text');
    expect(await embeddings.embedQuery('GPT-5')).toHaveLength(32);
    expect(requests.map(({ path, model }) => ({ path, model }))).toEqual([{ path: '/api/embed', model: 'nomic-embed-text' }]);
  });

  it('GIVEN an index built offline THEN switching to the openai embedder re-embeds every passage through it', async () => {
    const indexDir = join(await mkdtemp(join(tmpdir(), 'scoop-embedder-')), 'index');
    try {
      const corpus = await loadCorpus('seeds');
      const warnings: string[] = [];
      const logger = { info: () => undefined, warn: (msg: string) => warnings.push(msg) };
      const hashed = await createEmbeddings(parseConfig({}));
      const offline = await PassageIndex.open({ indexDir, ...hashed, logger });
      await offline.sync(corpus);

      requests.length = 0;
      const remote = await createEmbeddings(
        parseConfig({ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_MODEL: 'stub-embed', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${baseUrl}/v1` }),
      );
      const switched = await PassageIndex.open({ indexDir, ...remote, logger });
      expect(warnings).toEqual([expect.stringContaining(`built with embedder ${hashed.embedderId}, not openai:stub-embed`)]);
      const report = await switched.sync(corpus);
      expect(report.added).toBe(corpus.articles.length);
      expect(requests.flatMap((request) => request.inputs).length).toBe(offline.passageCount());
      const hits = await new HybridSearch({ index: switched }).search('nom de code Orion', 3);
      expect(hits.some((hit) => hit.passage.text.includes('Orion'))).toBe(true);

      requests.length = 0;
      warnings.length = 0;
      const reopened = await PassageIndex.open({ indexDir, ...remote, logger });
      expect(warnings).toEqual([]);
      expect((await reopened.sync(corpus)).added).toBe(0);
      expect(requests.flatMap((request) => request.inputs)).toEqual([]);
    } finally {
      await rm(join(indexDir, '..'), { recursive: true, force: true });
    }
  });
});
