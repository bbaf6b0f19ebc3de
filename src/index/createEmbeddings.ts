import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config';
import { UserFacingError } from '../errors';
import { HashedFeatureEmbeddings } from './hashedFeatureEmbeddings';

/** An embedder and the id the index records for it. */
export interface EmbeddingsChoice {
  embeddings: Embeddings;
  /** Provider, model (and size for hashed): an index built under another id is re-embedded. */
  embedderId: string;
}

/** Size of the default offline vectors. */
export const HASHED_DIMENSIONS = 384;

/**
 * Builds the embedder EMBEDDINGS_PROVIDER names: `hashed` (the default:
 * offline hashed features, nothing downloaded), `openai` (any
 * OpenAI-compatible endpoint at OPENAI_BASE_URL, EMBEDDINGS_MODEL, key
 * OPENAI_API_KEY) or `ollama` (OLLAMA_BASE_URL, EMBEDDINGS_MODEL). Nothing is
 * contacted here; a provider's client library is loaded only when that
 * provider is chosen (the offline default starts without them). A setting
 * the provider needs and lacks is a UserFacingError naming the key.
 */
export async function createEmbeddings(config: Config): Promise<EmbeddingsChoice> {
  switch (config.EMBEDDINGS_PROVIDER) {
    case 'hashed': {
      const embeddings = new HashedFeatureEmbeddings({ dimensions: HASHED_DIMENSIONS });
      return { embeddings, embedderId: embeddings.id };
    }
    case 'openai': {
      const model = requireModel(config, 'text-embedding-3-small');
      if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
        throw new UserFacingError(
          'EMBEDDINGS_PROVIDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server that takes no key).',
          'invalid_config',
        );
      }
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      const embeddings = new OpenAIEmbeddings({
        model,
        apiKey: config.OPENAI_API_KEY ?? 'not-needed',
        configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
        maxRetries: 2,
      });
      return { embeddings, embedderId: `openai:${model}` };
    }
    case 'ollama': {
      const model = requireModel(config, 'nomic-embed-text');
      const { OllamaEmbeddings } = await import('@langchain/ollama');
      const embeddings = new OllamaEmbeddings({ model, baseUrl: config.OLLAMA_BASE_URL ?? 'http://127.0.0.1:11434' });
      return { embeddings, embedderId: `ollama:${model}` };
    }
  }
}

function requireModel(config: Config, example: string): string {
  if (!config.EMBEDDINGS_MODEL) {
    throw new UserFacingError(
      `EMBEDDINGS_PROVIDER=${config.EMBEDDINGS_PROVIDER} needs EMBEDDINGS_MODEL (the embedding model's name, e.g. ${example}).`,
      'invalid_config',
    );
  }
  return config.EMBEDDINGS_MODEL;
}
