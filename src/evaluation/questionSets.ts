import { readFile } from 'node:fs/promises';
import * as z from 'zod';

const split = z.string().trim().min(1).default('dev');
const support = z.object({ source: z.string().min(1), snippet: z.string().min(1) });

const retrievalQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  language: z.string().min(1),
  type: z.string().min(1).optional(),
  source: z.string().min(1),
  snippet: z.string().min(1),
  split,
});

const answerQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  language: z.string().min(1),
  type: z.string().min(1),
  answerable: z.boolean(),
  expected: z.array(z.string().min(1)),
  support: support.nullable().optional(),
  split,
});

/** A retrieval question: where in the corpus its answer is (`source`, relative to the corpus folder, and a snippet of it). */
export type RetrievalQuestion = z.infer<typeof retrievalQuestionSchema>;

/** An answer question: the values a right answer contains (any one of them), or none when the articles cannot answer it. */
export type AnswerQuestion = z.infer<typeof answerQuestionSchema>;

/** A question set as read from disk, with the lines that could not be used. */
export interface QuestionSet<T> {
  path: string;
  questions: T[];
  /** One message per unusable line, naming the line and the reason. */
  problems: string[];
}

/**
 * Parses JSONL question-set text against a schema: one question a line, blank
 * lines skipped, each unusable line reported with its number and the reason.
 */
export function parseQuestionLines<T>(path: string, content: string, schema: z.ZodType<T>): QuestionSet<T> {
  const questions: T[] = [];
  const problems: string[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`${path}:${index + 1}: not JSON (${(error as Error).message})`);
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) questions.push(parsed.data);
    else problems.push(`${path}:${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'} ${issue.message}`).join('; ')}`);
  });
  return { path, questions, problems };
}

/** Reads a retrieval question set (JSONL); bad lines are reported, not fatal. */
export async function loadRetrievalQuestions(path: string): Promise<QuestionSet<RetrievalQuestion>> {
  return parseQuestionLines(path, await readFile(path, 'utf8'), retrievalQuestionSchema);
}

/** Reads an answer question set (JSONL); bad lines are reported, not fatal. */
export async function loadAnswerQuestions(path: string): Promise<QuestionSet<AnswerQuestion>> {
  return parseQuestionLines(path, await readFile(path, 'utf8'), answerQuestionSchema);
}

/** Parses question-set text already in memory (for tests and tools). */
export function parseAnswerQuestions(path: string, content: string): QuestionSet<AnswerQuestion> {
  return parseQuestionLines(path, content, answerQuestionSchema);
}

/** Parses retrieval question-set text already in memory (for tests and tools). */
export function parseRetrievalQuestions(path: string, content: string): QuestionSet<RetrievalQuestion> {
  return parseQuestionLines(path, content, retrievalQuestionSchema);
}
