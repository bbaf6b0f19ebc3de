import { z } from 'zod';
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
