import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, parseConfig } from '../src/config';
import { UserFacingError } from '../src/errors';

describe('parseConfig', () => {
  it('GIVEN an empty environment THEN runs offline from the seeds', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ CORPUS_DIR: 'seeds', INDEX_DIR: 'data/index', EMBEDDINGS_PROVIDER: 'hashed', ANSWERER: 'extractive' });
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('GIVEN blank optional values THEN treats them as unset', () => {
    const config = parseConfig({ DISCORD_API_URL: '', DISCORD_GUILD_ID: '  ', OPENAI_BASE_URL: '' });
    expect(config.DISCORD_API_URL).toBeUndefined();
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
  });

  it('GIVEN malformed values THEN one user-facing error names every bad key', () => {
    let caught: unknown;
    try {
      parseConfig({ DISCORD_API_URL: 'not a url', COOLDOWN_SECONDS: 'soon', DISCORD_CLIENT_ID: 'abc', ANSWERER: 'gpt' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserFacingError);
    const message = (caught as Error).message;
    for (const key of ['DISCORD_API_URL', 'COOLDOWN_SECONDS', 'DISCORD_CLIENT_ID', 'ANSWERER']) expect(message).toContain(key);
    expect(message).not.toContain('\n');
  });

  it('GIVEN LOG_LEVEL, ANSWERER or EMBEDDINGS_PROVIDER in capitals THEN they are read in any case', () => {
    expect(parseConfig({ LOG_LEVEL: 'INFO', ANSWERER: 'Extractive', EMBEDDINGS_PROVIDER: ' Hashed ' })).toMatchObject({
      LOG_LEVEL: 'info',
      ANSWERER: 'extractive',
      EMBEDDINGS_PROVIDER: 'hashed',
    });
  });

  it('GIVEN an endpoint URL that is not http(s) THEN it is refused at start, naming the key', () => {
    for (const key of ['DISCORD_API_URL', 'OPENAI_BASE_URL', 'OLLAMA_BASE_URL']) {
      expect(() => parseConfig({ [key]: 'ftp://files.example/api' })).toThrow(new RegExp(`${key} must be an http:// or https:// URL`));
    }
    expect(parseConfig({ DISCORD_API_URL: 'https://discord.example/api' }).DISCORD_API_URL).toBe('https://discord.example/api');
  });

  it('GIVEN the limits THEN they have their documented defaults and take whole positive numbers', () => {
    expect(parseConfig({})).toMatchObject({
      MAX_FILE_BYTES: 5 * 1024 * 1024,
      MAX_LINE_BYTES: 2 * 1024 * 1024,
      MAX_JSONL_BYTES: 1024 * 1024 * 1024,
      MAX_ARTICLE_CHARS: 200_000,
      PARSE_TIMEOUT_MS: 10_000,
      MAX_HTML_DEPTH: 64,
      ALLOW_LINKS_OUTSIDE_CORPUS: false,
    });
    expect(parseConfig({ ALLOW_LINKS_OUTSIDE_CORPUS: 'true', MAX_ARTICLE_CHARS: '5000' })).toMatchObject({ ALLOW_LINKS_OUTSIDE_CORPUS: true, MAX_ARTICLE_CHARS: 5000 });
    expect(() => parseConfig({ MAX_ARTICLE_CHARS: '-1' })).toThrow(/MAX_ARTICLE_CHARS/);
  });

  it('.env.example documents every key the schema reads, each with a comment', () => {
    const example = readFileSync('.env.example', 'utf8').split('\n');
    for (const key of Object.keys(configSchema.shape)) {
      const at = example.findIndex((line) => line.startsWith(`${key}=`));
      expect(at, `${key} missing from .env.example`).toBeGreaterThan(0);
      expect(example[at - 1].startsWith('#'), `${key} has no comment`).toBe(true);
    }
  });
});
