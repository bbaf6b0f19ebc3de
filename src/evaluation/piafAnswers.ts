import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import * as z from 'zod';
import { containsFolded, exactMatch, firstLineOf, shortAnswerOf, tokenF1 } from './shortAnswerMetrics';

const piafSchema = z.object({
  articles: z.array(z.object({ id: z.string().min(1), title: z.string(), paragraphs: z.array(z.string()) })),
  questions: z.array(
    z.object({
      id: z.string().min(1),
      question: z.string().min(1),
      answer: z.string().min(1),
      article: z.string().min(1),
      paragraph: z.number().int().nonnegative(),
    }),
  ),
});

/** PIAF (French questions written by people over Wikipedia paragraphs, with the human answer). */
export type PiafDataset = z.infer<typeof piafSchema>;

/** One PIAF article. */
export type PiafArticle = PiafDataset['articles'][number];

/** One PIAF question with its human answer. */
export type PiafQuestion = PiafDataset['questions'][number];

/** Reads PIAF from its JSON file, gzipped when the name ends in `.gz`. */
export async function loadPiaf(path: string): Promise<PiafDataset> {
  const bytes = await readFile(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return piafSchema.parse(JSON.parse(text));
}

/** A PIAF article as a corpus file: its title, a blank line, its paragraphs (as ../shared/tools/piaf-quick writes them). */
export function piafArticleText(article: PiafArticle): string {
  return `${article.title}\n\n${article.paragraphs.join('\n\n')}\n`;
}

/** An answer as short-answer scoring reads it, whichever system gave it. */
export interface ShortAnswer {
  /** The whole answer text; its first line is scored when there is no value. */
  answer: string;
  /** The short answer, when the system gives one. */
  value?: string | null;
  abstained: boolean;
}

/** A system answering one question. */
export type ShortAnswerFunction = (question: string) => Promise<ShortAnswer>;

/** How one answer to one PIAF question scored. */
export interface PiafOutcome {
  id: string;
  f1: number;
  exactMatch: boolean;
  /** The human answer (folded) is in the answer's first line. */
  inFirstLine: boolean;
  declined: boolean;
  /** The system threw; scored as an empty answer. */
  failed: boolean;
}

/** PIAF answer figures over a group of questions. */
export interface PiafSummary {
  questions: number;
  /** Mean SQuAD token F1 of the short answer; a declined question scores 0 (every PIAF question is answerable). */
  f1: number | null;
  exactMatch: number | null;
  /** Share of questions whose human answer is in the answer's first line. */
  answerInFirstLine: number | null;
  declined: number | null;
  failed: number;
}

/** Scores one answer against the human one, as piaf-quick does. */
export function scorePiafAnswer(id: string, reply: ShortAnswer, gold: string, failed = false): PiafOutcome {
  if (reply.abstained) return { id, f1: 0, exactMatch: false, inFirstLine: false, declined: true, failed };
  const short = shortAnswerOf(reply);
  return {
    id,
    f1: tokenF1(short, gold),
    exactMatch: exactMatch(short, gold),
    inFirstLine: containsFolded(firstLineOf(reply.answer), gold),
    declined: false,
    failed,
  };
}

/** Asks every question in turn; a failing answer is reported and scored as an empty one, and the run goes on. */
export async function runPiafAnswers(
  questions: readonly PiafQuestion[],
  answer: ShortAnswerFunction,
  onError: (question: PiafQuestion, error: unknown) => void = () => {},
): Promise<PiafOutcome[]> {
  const outcomes: PiafOutcome[] = [];
  for (const question of questions) {
    try {
      outcomes.push(scorePiafAnswer(question.id, await answer(question.question), question.answer));
    } catch (error) {
      onError(question, error);
      outcomes.push(scorePiafAnswer(question.id, { answer: '', abstained: false }, question.answer, true));
    }
  }
  return outcomes;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Mean F1, exact match, first-line and declined shares over a group of outcomes. */
export function summarisePiaf(outcomes: readonly PiafOutcome[]): PiafSummary {
  const share = (pick: (outcome: PiafOutcome) => boolean) => mean(outcomes.map((outcome) => (pick(outcome) ? 1 : 0)));
  return {
    questions: outcomes.length,
    f1: mean(outcomes.map((outcome) => outcome.f1)),
    exactMatch: share((outcome) => outcome.exactMatch),
    answerInFirstLine: share((outcome) => outcome.inFirstLine),
    declined: share((outcome) => outcome.declined),
    failed: outcomes.filter((outcome) => outcome.failed).length,
  };
}
