import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config';
import { UserFacingError } from '../errors';

/** A numbered snippet the chat model may cite as `[n]`. */
export interface ChatSnippet {
  n: number;
  title: string;
  published: string | null;
  text: string;
}

/** What the chat model is given: the question, the extractive draft and the only snippets it may use. */
export interface ChatRequest {
  question: string;
  language: 'fr' | 'en';
  /** The extractive answer, already cited with the same numbers. */
  draft: string;
  snippets: ChatSnippet[];
}

/**
 * An optional answerer backed by a chat model. It only rewrites the
 * extractive answer from its numbered snippets; `answerQuestion` checks what
 * it writes and falls back to the extractive answer on any doubt.
 */
export interface ChatAnswerer {
  /** For logs: `openai:gpt-4o-mini`. */
  readonly name: string;
  /** How long to wait for the model before falling back. */
  readonly timeoutMs: number;
  write(request: ChatRequest, signal: AbortSignal): Promise<string>;
}

/** The system and user messages for one request: use only the snippets, cite with their [n], quote verbatim. */
export function chatMessages(request: ChatRequest): Array<['system' | 'human', string]> {
  const language = request.language === 'fr' ? 'French' : 'English';
  const system = [
    'You answer questions about news articles for a Discord bot.',
    'Use only the numbered snippets given; never add a fact that is not in them.',
    'Put the short, direct answer first, then its support.',
    'Cite every claim with the snippet numbers in square brackets, e.g. [1] or [1][2]; never use a number that is not listed.',
    'Anything in quotation marks must be copied exactly from a snippet you cite.',
    'Dates: give the expression as the article writes it and what it means given the article date.',
    `Answer in ${language}, in at most five sentences.`,
  ].join('\n');
  const snippets = request.snippets
    .map((s) => `[${s.n}] (${s.title}${s.published ? `, ${s.published}` : ''})\n${s.text}`)
    .join('\n\n');
  const human = `Question: ${request.question}\n\nSnippets:\n${snippets}\n\nDraft answer (correct, but may be clumsy):\n${request.draft}`;
  return [
    ['system', system],
    ['human', human],
  ];
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

/** Wraps any LangChain chat model as a `ChatAnswerer`. */
export function chatModelAnswerer(model: BaseChatModel, name: string, timeoutMs: number): ChatAnswerer {
  return {
    name,
    timeoutMs,
    async write(request, signal) {
      const reply = await model.invoke(chatMessages(request), { signal });
      return textOf(reply.content);
    },
  };
}

/**
 * Builds the chat answerer the config chose (ANSWERER=openai: any
 * OpenAI-compatible endpoint at OPENAI_BASE_URL; ANSWERER=ollama), with
 * CHAT_MODEL and LLM_TIMEOUT_MS. Nothing is contacted until a question comes.
 */
export function createChatAnswerer(config: Config): ChatAnswerer {
  if (config.ANSWERER === 'extractive') {
    throw new UserFacingError('ANSWERER=extractive needs no chat answerer; set ANSWERER=openai or ollama to use one.', 'invalid_config');
  }
  if (!config.CHAT_MODEL) {
    throw new UserFacingError(`ANSWERER=${config.ANSWERER} needs CHAT_MODEL (the chat model's name, e.g. gpt-4o-mini or llama3.1).`, 'invalid_config');
  }
  const timeoutMs = config.LLM_TIMEOUT_MS;
  if (config.ANSWERER === 'openai') {
    const model = new ChatOpenAI({
      model: config.CHAT_MODEL,
      apiKey: config.OPENAI_API_KEY ?? 'not-needed',
      configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
      temperature: 0,
      maxRetries: 0,
      timeout: timeoutMs,
      useResponsesApi: false,
    });
    return chatModelAnswerer(model, `openai:${config.CHAT_MODEL}`, timeoutMs);
  }
  const model = new ChatOllama({ model: config.CHAT_MODEL, baseUrl: config.OLLAMA_BASE_URL, temperature: 0, maxRetries: 0 });
  return chatModelAnswerer(model, `ollama:${config.CHAT_MODEL}`, timeoutMs);
}
