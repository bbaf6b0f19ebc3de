import type { Answer } from '../answers/answer';
import type { Article } from '../articles/article';
import { formatShare, renderTable } from './textTable';

/** How Scoop treated one article's title asked as it is. */
export interface HeadlineOutcome {
  title: string;
  /** The title ends with a question mark (it may still ask nothing a short answer can give, as "Faut-il…?"). */
  asks: boolean;
  value: string | null;
  abstained: boolean;
  /** The title's own article is among the citations. */
  citesOwnArticle: boolean;
}

/** Figures over one group of titles (statements, or titles ending in "?"). */
export interface HeadlineSummary {
  titles: number;
  /** Share given a typed short answer: for a statement, which asks nothing, always a wrong reading. */
  typedValue: number;
  declined: number;
  /** Share whose citations include the title's own article. */
  citesOwnArticle: number;
}

/** The headline section's report. */
export interface HeadlineReport {
  sample: number;
  seed: number;
  statements: HeadlineSummary;
  questions: HeadlineSummary;
  /** Up to ten titles given a typed value, with it, for reading. */
  typedExamples: { title: string; value: string }[];
}

/** Reads one answer to an article's own title. */
export function headlineOutcome(article: Article, answer: Answer): HeadlineOutcome {
  return {
    title: article.title,
    asks: article.title.trim().endsWith('?'),
    value: answer.abstained ? null : answer.value,
    abstained: answer.abstained,
    citesOwnArticle: answer.citations.some((citation) => citation.articleId === article.id),
  };
}

function summarise(outcomes: readonly HeadlineOutcome[]): HeadlineSummary {
  const share = (test: (outcome: HeadlineOutcome) => boolean) => (outcomes.length === 0 ? Number.NaN : outcomes.filter(test).length / outcomes.length);
  return {
    titles: outcomes.length,
    typedValue: share((outcome) => outcome.value !== null),
    declined: share((outcome) => outcome.abstained),
    citesOwnArticle: share((outcome) => outcome.citesOwnArticle),
  };
}

/** Sums the outcomes up, statements and titles ending in "?" apart. */
export function summariseHeadlines(outcomes: readonly HeadlineOutcome[], seed: number): HeadlineReport {
  return {
    sample: outcomes.length,
    seed,
    statements: summarise(outcomes.filter((outcome) => !outcome.asks)),
    questions: summarise(outcomes.filter((outcome) => outcome.asks)),
    typedExamples: outcomes.flatMap((outcome) => (outcome.value === null ? [] : [{ title: outcome.title, value: outcome.value }])).slice(0, 10),
  };
}

/** The report as a table, for docs/benchmarks.md. */
export function formatHeadlineReport(report: HeadlineReport, corpusLabel: string): string {
  const row = (label: string, summary: HeadlineSummary) => [
    `${label} (${summary.titles})`,
    formatShare(summary.typedValue),
    formatShare(summary.declined),
    formatShare(summary.citesOwnArticle),
  ];
  return [
    `Headlines asked as they are: ${report.sample} OrangeSum titles (fixed sample, seed ${report.seed}) over ${corpusLabel}`,
    renderTable(['titles', 'typed value', 'declined', 'cites its own article'], [row('statements', report.statements), row('ending in "?"', report.questions)]),
    'A statement asks nothing, so a typed short answer to it is a wrong reading (target 0); Scoop should read it (quote what the articles say, citing its own article) or decline.',
    ...report.typedExamples.map((example) => `  typed: "${example.title}" -> "${example.value}"`),
  ].join('\n');
}
