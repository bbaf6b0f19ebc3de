import type { AnswerSummary } from './evaluateAnswers';
import type { RetrievalSummary } from './evaluateRetrieval';
import type { Breakdown } from './groupBreakdown';
import { formatNumber, formatShare, renderTable } from './textTable';

/** One system's figures: Scoop or one of the peer's retrievers. */
export interface SystemEvaluation {
  name: string;
  description: string;
  retrieval: Breakdown<RetrievalSummary>;
  answers: Breakdown<AnswerSummary>;
}

/** A question set as the report describes it. */
export interface QuestionSetReport {
  path: string;
  questions: number;
  /** Lines or questions that could not be used, with the reason. */
  problems: string[];
}

/** An indexed corpus as the report describes it. */
export interface CorpusReport {
  path: string;
  articles: number;
  passages: number;
}

/** Everything `npm run eval` measured, as `--json` prints it. */
export interface EvaluationReport {
  /** The corpus the retrieval questions are searched in. */
  retrievalCorpus: CorpusReport;
  /** The corpus the answer questions are asked over. */
  answerCorpus: CorpusReport;
  retrievalSet: QuestionSetReport;
  answerSet: QuestionSetReport;
  systems: SystemEvaluation[];
  /** How to read the figures (definitions, what the peer's answers are). */
  notes: string[];
  ms: number;
}

type Row = [label: string, ...cells: string[]];

function groupRows<S>(
  systems: readonly SystemEvaluation[],
  pick: (system: SystemEvaluation) => Breakdown<S>,
  metrics: readonly [string, (summary: S) => string][],
  count: (summary: S) => number,
): Row[] {
  const first = pick(systems[0]);
  const groups: [string, (b: Breakdown<S>) => S | undefined][] = [['all', (b) => b.all]];
  for (const [dimension, key] of [['language', 'byLanguage'], ['type', 'byType'], ['split', 'bySplit']] as const) {
    for (const name of Object.keys(first[key])) groups.push([`${dimension}=${name}`, (b) => b[key][name]]);
  }
  const rows: Row[] = [];
  for (const [group, select] of groups) {
    const size = select(first);
    for (const [metric, format] of metrics) {
      rows.push([
        `${group} (${size ? count(size) : 0}) ${metric}`,
        ...systems.map((system) => {
          const summary = select(pick(system));
          return summary ? format(summary) : 'n/a';
        }),
      ]);
    }
  }
  return rows;
}

/** The report as the tables `npm run eval` prints: Scoop and each peer retriever side by side. */
export function formatEvaluationReport(report: EvaluationReport): string {
  const { systems } = report;
  if (systems.length === 0) return 'No system was evaluated.';
  const header = ['', ...systems.map((system) => system.name)];
  const retrieval = renderTable(
    header,
    groupRows(systems, (s) => s.retrieval, [
      ['recall@1', (s) => formatShare(s.recallAt1)],
      ['recall@5', (s) => formatShare(s.recallAt5)],
      ['recall@10', (s) => formatShare(s.recallAt10)],
      ['MRR@10', (s) => formatNumber(s.mrr)],
    ], (s) => s.questions),
  );
  const answers = renderTable(
    header,
    groupRows(systems, (s) => s.answers, [
      ['accuracy', (s) => formatShare(s.accuracy)],
      ['answerable accuracy', (s) => formatShare(s.answerableAccuracy)],
      ['verbatim citations', (s) => `${formatShare(s.verbatimShare)} of ${s.citations}`],
      ['cites expected support', (s) => formatShare(s.supportCited)],
      ['abstention precision', (s) => formatShare(s.abstentionPrecision)],
      ['abstention recall', (s) => formatShare(s.abstentionRecall)],
    ], (s) => s.questions),
  );
  const problems = [...report.retrievalSet.problems, ...report.answerSet.problems];
  const corpus = (c: CorpusReport) => `${c.path} (${c.articles} articles, ${c.passages} passages)`;
  return [
    `Retrieval: ${report.retrievalSet.path} (${report.retrievalSet.questions} questions) over ${corpus(report.retrievalCorpus)}`,
    retrieval,
    '',
    `Answers: ${report.answerSet.path} (${report.answerSet.questions} questions) over ${corpus(report.answerCorpus)}`,
    answers,
    '',
    'Systems:',
    ...systems.map((system) => `  ${system.name}: ${system.description}`),
    '',
    'Notes:',
    ...report.notes.map((note) => `  - ${note}`),
    ...(problems.length > 0 ? ['', `Questions left out (${problems.length}):`, ...problems.map((problem) => `  - ${problem}`)] : []),
    '',
    `Done in ${(report.ms / 1000).toFixed(1)} s.`,
  ].join('\n');
}
