import type { Answer, NumberedCitation } from '../../src/answers/answer';
import type { StatementCheck, StatementOptions } from '../../src/answers/checkStatement';
import type { Article } from '../../src/articles/article';
import type { SearchHit } from '../../src/retrieval/searchHit';
import type { PartnerMap, Timeline } from '../../src/facts/factBook';
import type { AskOptions, LatestArticle, Scoop, SourceSummary } from '../../src/scoop';

const ARTICLE_TEXT =
  "Microsoft prépare ses serveurs Azure pour GPT-5. Selon The Verge, OpenAI prévoit de lancer GPT-5 fin mai. " +
  'Le modèle *Orion* (GPT-4.5) sortira dans quelques semaines. Microsoft héberge les modèles d’OpenAI sur Azure. ' +
  'Un lecteur a écrit @everyone dans les commentaires. Nvidia fournit les puces. Mistral arrive sur Azure.';

/** The one article of the fake corpus. */
export const FAKE_ARTICLE: Article = {
  id: 'a1b2c3',
  source: 'verge-gpt5.txt',
  title: 'OpenAI plans GPT-5 for late May',
  language: 'fr',
  published: '2025-02-20',
  url: 'https://www.theverge.com/2025/2/20/openai-gpt-5',
  text: ARTICLE_TEXT,
};

function spanOf(fragment: string): { start: number; end: number } {
  const start = ARTICLE_TEXT.indexOf(fragment);
  if (start < 0) throw new Error(`not in the fake article: ${fragment}`);
  return { start, end: start + fragment.length };
}

function cite(n: number, fragment: string): NumberedCitation {
  const { start, end } = spanOf(fragment);
  const { id: articleId, source, title, published, url } = FAKE_ARTICLE;
  return { n, articleId, source, title, published, url, start, end, snippet: ARTICLE_TEXT.slice(start, end) };
}

function hit(ordinal: number, fragment: string, score: number): SearchHit {
  const { start, end } = spanOf(fragment);
  return {
    passage: { id: `${FAKE_ARTICLE.id}:${ordinal}`, articleId: FAKE_ARTICLE.id, ordinal, start, end, text: ARTICLE_TEXT.slice(start, end) },
    article: FAKE_ARTICLE,
    score,
  };
}

/** The passages of the fake article, best first for any query. */
export const FAKE_HITS: SearchHit[] = [
  hit(0, 'Selon The Verge, OpenAI prévoit de lancer GPT-5 fin mai.', 0.9),
  hit(1, 'Le modèle *Orion* (GPT-4.5) sortira dans quelques semaines.', 0.8),
  hit(2, 'Microsoft héberge les modèles d’OpenAI sur Azure.', 0.7),
  hit(3, 'Un lecteur a écrit @everyone dans les commentaires.', 0.6),
  hit(4, 'Nvidia fournit les puces.', 0.5),
  hit(5, 'Mistral arrive sur Azure.', 0.4),
];

/** The options a call was given, less the logger the bot adds to each question (undefined when nothing else is left). */
function withoutLogger<T extends { logger?: unknown }>(options: T | undefined): Omit<T, 'logger'> | undefined {
  if (!options) return undefined;
  const { logger: _logger, ...rest } = options;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** A question the fake Scoop fails on, as a bug in the core would. */
export const FAILING_QUESTION = 'make the core crash';

/**
 * A Scoop with canned, realistic answers for Discord tests: questions about
 * GPT-6 abstain with related reading, `FAILING_QUESTION` throws, anything else
 * is answered with two citations. It records what it was asked.
 */
export class FakeScoop implements Scoop {
  readonly asked: { question: string; options?: AskOptions }[] = [];
  readonly searched: { query: string; k?: number; excludePassageIds?: string[] }[] = [];
  readonly checked: { statement: string; options?: StatementOptions }[] = [];

  constructor(private readonly delayMs = 0) {}

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    const recorded = withoutLogger(options);
    this.asked.push({ question, ...(recorded && { options: recorded }) });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (question.includes(FAILING_QUESTION)) throw new Error('index file is corrupt');
    const language = /\b(when|who|what)\b/i.test(question) ? 'en' : 'fr';
    if (/gpt-?6/i.test(question)) {
      return {
        question,
        standaloneQuestion: question,
        language,
        kind: 'date',
        answer: "The indexed articles don't say when GPT-6 will be released.",
        value: null,
        confidence: 0,
        abstained: true,
        citations: [],
        related: FAKE_HITS.slice(0, 2),
        timings: { total: 1 },
      };
    }
    return {
      question,
      standaloneQuestion: question,
      language,
      kind: 'date',
      answer: 'GPT-5 is expected at the end of May 2025 [1]; Microsoft hosts OpenAI’s models on Azure [2].',
      value: 'late May 2025',
      confidence: 0.9,
      abstained: false,
      citations: [cite(1, 'OpenAI prévoit de lancer GPT-5 fin mai.'), cite(2, 'Microsoft héberge les modèles d’OpenAI sur Azure.')],
      related: [FAKE_HITS[3]],
      timings: { total: 1 },
    };
  }

  /**
   * Statements about a March release are contradicted by the article's "fin mai",
   * "fin mai" ones are supported, anything else is not said.
   */
  async check(statement: string, options?: StatementOptions & { logger?: unknown }): Promise<StatementCheck> {
    const recorded = withoutLogger(options);
    this.checked.push({ statement, ...(recorded && { options: recorded }) });
    const base = { question: statement, standaloneQuestion: statement, language: options?.language ?? 'fr', kind: 'date' as const, value: null, confidence: 0, related: [] as SearchHit[], timings: { total: 1 } };
    const fin = cite(1, 'OpenAI prévoit de lancer GPT-5 fin mai.');
    if (/mars|march/i.test(statement)) {
      return { ...base, verdict: 'contradicted', abstained: false, citations: [fin], answer: 'Les articles disent autre chose.\nDate : les articles disent fin mai 2025 (« fin mai ») [1], pas mars 2025.' };
    }
    if (/fin mai|late may/i.test(statement)) {
      return { ...base, verdict: 'supported', abstained: false, citations: [fin], answer: 'Les articles le disent.\nDate : les articles donnent aussi fin mai 2025 (« fin mai ») [1].' };
    }
    return { ...base, verdict: 'not-said', abstained: true, citations: [], related: FAKE_HITS.slice(0, 2), answer: 'Les articles ne le disent pas.' };
  }

  async search(query: string, k = 5, options?: { excludePassageIds?: string[] }): Promise<SearchHit[]> {
    this.searched.push({ query, k, ...(options?.excludePassageIds && { excludePassageIds: options.excludePassageIds }) });
    const excluded = new Set(options?.excludePassageIds ?? []);
    return FAKE_HITS.filter((h) => !excluded.has(h.passage.id)).slice(0, k);
  }

  sources(): SourceSummary[] {
    return [{ source: FAKE_ARTICLE.source, title: FAKE_ARTICLE.title, published: FAKE_ARTICLE.published, language: 'fr', url: FAKE_ARTICLE.url, passages: FAKE_HITS.length }];
  }

  timeline(subject?: string): Timeline {
    if (subject !== undefined && !/gpt-?5/i.test(subject)) return { subject, events: [] };
    return {
      subject: subject === undefined ? null : 'GPT-5',
      events: [
        { subject: 'GPT-5', event: 'release', when: 'fin mai', start: '2025-05-21', end: '2025-05-31', status: 'planned', citation: cite(1, 'OpenAI prévoit de lancer GPT-5 fin mai.'), superseded: false },
      ],
    };
  }

  partners(company: string): PartnerMap {
    if (!/microsoft|openai/i.test(company)) return { company, partners: [] };
    return {
      company: /microsoft/i.test(company) ? 'Microsoft' : 'OpenAI',
      partners: [{ a: 'Microsoft', b: 'OpenAI', nature: 'cloud', direction: 'a-to-b', citation: cite(1, 'Microsoft héberge les modèles d’OpenAI sur Azure.') }],
    };
  }

  subjects(): string[] {
    return ['GPT-4.5', 'GPT-5', 'Gemini 2.0', 'Mistral Large', 'o3'];
  }

  companies(): string[] {
    return ['Microsoft', 'Mistral AI', 'Nvidia', 'OpenAI'];
  }

  articleCount(): number {
    return 1;
  }

  async latest(): Promise<LatestArticle[]> {
    const { source, title, published, url, language } = FAKE_ARTICLE;
    return [{ source, title, published, url, outlet: 'theverge.com', language }];
  }

  newestArticleDate(): string | null {
    return FAKE_ARTICLE.published;
  }

  /** Nothing to compute ahead: the answers are canned. */
  warmUp(): void {}
}
