import * as z from 'zod';
import {
  DEFAULT_MAX_ARTICLE_CHARS,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_HTML_DEPTH,
  DEFAULT_MAX_JSONL_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_PARSE_TIMEOUT_MS,
} from './articles/corpusLimits';
import { UserFacingError } from './errors';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = optionalText.pipe(
  z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL such as http://127.0.0.1:8080' }).optional(),
);

/** One of `values`, written in any case. */
const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.string().trim().toLowerCase().pipe(z.enum(values));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const nonNegativeInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** `host:port` entries, comma-separated, lower-cased; each must read as the host part of a URL. */
const hostList = z
  .string()
  .default('')
  .transform((value, context) => {
    const entries = value.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
    for (const entry of entries) {
      let host: string | undefined;
      try {
        host = new URL(`http://${entry}`).host;
      } catch {
        host = undefined;
      }
      if (host === undefined || entry.includes('/') || entry.includes('@')) {
        context.addIssue({ code: 'custom', message: `has "${entry}", which is not a host:port such as 127.0.0.1:8080` });
        return z.NEVER;
      }
    }
    return entries;
  });

/** "true"/"false" (also 1/0, yes/no, on/off, any case); anything else is refused rather than read as false. */
const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .default(String(fallback))
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''], { message: 'must be true or false' }))
    .transform((value) => (value === '' ? fallback : ['true', '1', 'yes', 'on'].includes(value)));

/** The environment keys Scoop reads, each documented in .env.example. */
export const configSchema = z.object({
  CORPUS_DIR: z.string().trim().min(1).default('seeds'),
  INDEX_DIR: z.string().trim().min(1).default('data/index'),
  LOG_LEVEL: choice(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  MAX_FILE_BYTES: positiveInt(DEFAULT_MAX_FILE_BYTES),
  MAX_LINE_BYTES: positiveInt(DEFAULT_MAX_LINE_BYTES),
  MAX_JSONL_BYTES: positiveInt(DEFAULT_MAX_JSONL_BYTES),
  MAX_ARTICLE_CHARS: positiveInt(DEFAULT_MAX_ARTICLE_CHARS),
  PARSE_TIMEOUT_MS: positiveInt(DEFAULT_PARSE_TIMEOUT_MS),
  MAX_HTML_DEPTH: positiveInt(DEFAULT_MAX_HTML_DEPTH),
  ALLOW_LINKS_OUTSIDE_CORPUS: z.stringbool({ error: 'must be true or false' }).default(false),

  EMBEDDINGS_PROVIDER: choice(['hashed', 'openai', 'ollama']).default('hashed'),
  EMBEDDINGS_MODEL: optionalText,
  ANSWERER: choice(['extractive', 'openai', 'ollama']).default('extractive'),
  CHAT_MODEL: optionalText,
  LLM_TIMEOUT_MS: positiveInt(15_000),
  LLM_CIRCUIT_FAILURES: positiveInt(3),
  LLM_CIRCUIT_COOLDOWN_MS: positiveInt(60_000),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: optionalText,
  OLLAMA_BASE_URL: optionalUrl,

  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: optionalText.pipe(z.string().regex(/^\d{15,22}$/, 'must be a Discord application id (digits)').optional()),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{15,22}$/, 'must be a Discord guild id (digits)').optional()),
  DISCORD_API_URL: optionalUrl,
  COOLDOWN_SECONDS: z.coerce.number().min(0).default(5),
  MAX_QUESTION_LENGTH: positiveInt(500),
  FEEDBACK_LOG: z.string().trim().min(1).default('data/feedback.jsonl'),
  SETTINGS_FILE: z.string().trim().min(1).default('data/settings.json'),
  SERVER_QUESTIONS_PER_MINUTE: nonNegativeInt(60),
  MESSAGE_CONTENT_INTENT: flag(false),
  METRICS_PORT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(1).max(65_535).optional()),
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),

  FETCH_ALLOW_HOSTS: hostList,
  FETCH_MAX_BYTES: positiveInt(5 * 1024 * 1024),
  FETCH_TIMEOUT_MS: positiveInt(10_000),
  FETCH_HOST_DELAY_MS: nonNegativeInt(1_000),
  FEEDS_POLL_MINUTES: z.coerce.number().min(0).default(15),
  CORPUS_WATCH_SECONDS: nonNegativeInt(20),
  ANNOUNCE_CHANNEL_ID: optionalText.pipe(z.string().regex(/^\d{15,22}$/, 'must be a Discord channel id (digits)').optional()),
});

/** Scoop's validated configuration. */
export type Config = z.infer<typeof configSchema>;

/**
 * Parses and validates the environment once, at start. A missing or malformed
 * value becomes a UserFacingError naming the key and what it must be.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new UserFacingError(`Invalid configuration: ${problems.join('; ')}`, 'invalid_config');
  }
  return result.data;
}
