import type { CorpusReport } from './evaluationReport';
import type { Breakdown } from './groupBreakdown';
import type { OrangesumSummary } from './orangesumAnswers';
import type { PiafSummary } from './piafAnswers';
import { formatNumber, formatShare, renderTable } from './textTable';

/** One system's PIAF figures, over all the questions it was asked. */
export interface PiafSystemFigures {
  name: string;
  description: string;
  summary: PiafSummary;
}

/** What the PIAF answer section measured, as `--json` prints it. */
export interface PiafReport {
  dataset: string;
  corpus: CorpusReport;
  /** Questions in the dataset. */
  questions: number;
  /** The seed of the fixed samples (the same questions on every run and machine). */
  sampleSeed: number;
  systems: PiafSystemFigures[];
  notes: string[];
  ms: number;
}

/** One system's figures on the OrangeSum set, for each half apart. */
export interface OrangesumSystemFigures {
  name: string;
  description: string;
  bySplit: Record<string, Breakdown<OrangesumSummary>>;
}

/** One answered dev question, for whoever tunes on the dev half (held-out answers are never listed). */
export interface DevAnswer {
  id: string;
  right: boolean;
  declined: boolean;
  value: string;
  citesUnfocusedArticle: boolean;
}

/** What the OrangeSum set section measured, as `--json` prints it. */
export interface OrangesumSetReport {
  files: string[];
  corpus: CorpusReport;
  questions: number;
  /** Lines or questions left out (bad lines, articles not at their line), with the reason. */
  problems: string[];
  systems: OrangesumSystemFigures[];
  /** Scoop's answer to each dev question. */
  devAnswers: DevAnswer[];
  notes: string[];
  ms: number;
}

/** The PIAF section as a table: one column per system, one row per figure. */
export function formatPiafReport(report: PiafReport): string {
  const header = ['', ...report.systems.map((system) => `${system.name} (${system.summary.questions.toLocaleString('en-US')})`)];
  const rows: [string, (summary: PiafSummary) => string][] = [
    ['short-answer token F1', (s) => formatNumber(s.f1)],
    ['exact match', (s) => formatShare(s.exactMatch)],
    ['human answer in the first line', (s) => formatShare(s.answerInFirstLine)],
    ['declined (all are answerable)', (s) => formatShare(s.declined)],
  ];
  const failed = report.systems.some((system) => system.summary.failed > 0);
  if (failed) rows.push(['failed (scored as empty)', (s) => String(s.failed)]);
  const table = renderTable(header, rows.map(([label, format]) => [label, ...report.systems.map((system) => format(system.summary))]));
  return [
    `PIAF answers: ${report.dataset} (${report.questions.toLocaleString('en-US')} questions) over ${describeCorpus(report.corpus)}`,
    table,
    '',
    ...report.systems.map((system) => `  ${system.name}: ${system.description}`),
    ...report.notes.map((note) => `  - ${note}`),
  ].join('\n');
}

function describeCorpus(corpus: CorpusReport): string {
  return `${corpus.path} (${corpus.articles.toLocaleString('en-US')} articles, ${corpus.passages.toLocaleString('en-US')} passages)`;
}

function countShare(share: number | null, count: number): string {
  return share === null ? 'n/a' : `${formatShare(share)} (${Math.round(share * count)}/${count})`;
}

/** The OrangeSum set as tables, one per half (dev, then held-out): overall figures, then a row per type and per language. */
export function formatOrangesumReport(report: OrangesumSetReport): string {
  const header = ['', ...report.systems.map((system) => system.name)];
  const splits = [...new Set(report.systems.flatMap((system) => Object.keys(system.bySplit)))].sort();
  const sections: string[] = [];
  for (const split of splits) {
    const pick = (system: (typeof report.systems)[number]) => system.bySplit[split];
    const first = pick(report.systems[0]);
    if (!first) continue;
    const cell = (select: (b: Breakdown<OrangesumSummary>) => OrangesumSummary | undefined, format: (s: OrangesumSummary) => string) =>
      report.systems.map((system) => {
        const breakdown = pick(system);
        const summary = breakdown && select(breakdown);
        return summary ? format(summary) : 'n/a';
      });
    const rows: string[][] = [
      ['right', ...cell((b) => b.all, (s) => countShare(s.right, s.questions))],
      ['answerable: right value', ...cell((b) => b.all, (s) => formatShare(s.answerableRight))],
      ['unanswerable: declined', ...cell((b) => b.all, (s) => formatShare(s.unanswerableDeclined))],
      ['declines justified', ...cell((b) => b.all, (s) => (s.declinesJustified === null ? 'n/a (0 declines)' : countShare(s.declinesJustified, s.declines)))],
      ['answers citing an article without the focus', ...cell((b) => b.all, (s) => String(s.unfocusedCitations))],
    ];
    for (const [dimension, key] of [['type', 'byType'], ['language', 'byLanguage']] as const) {
      for (const [group, summary] of Object.entries(first[key])) {
        rows.push([`right, ${dimension} ${group} (${summary.questions})`, ...cell((b) => b[key][group], (s) => formatShare(s.right))]);
      }
    }
    const label = split === 'heldout' ? 'held-out (never tuned on: the figures that count)' : split === 'dev' ? 'dev (tuned on)' : split;
    sections.push(`OrangeSum set, ${label}, ${first.all.questions} questions`, renderTable(header, rows), '');
  }
  return [
    `OrangeSum question set: ${report.files.join(', ')} (${report.questions} questions) over ${describeCorpus(report.corpus)}`,
    '',
    ...sections,
    ...report.systems.map((system) => `  ${system.name}: ${system.description}`),
    ...report.notes.map((note) => `  - ${note}`),
    ...(report.problems.length > 0 ? [`  Questions left out (${report.problems.length}):`, ...report.problems.map((problem) => `    - ${problem}`)] : []),
  ].join('\n');
}
