import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import type { Article } from '../articles/article';
import { containsWords, dateForms, valueTokens } from './expectedValues';
import { parseQuestionLines, type QuestionSet } from './questionSets';

/** What an OrangeSum question asks for. */
export const ORANGESUM_QUESTION_TYPES = ['date', 'amount', 'count', 'partnership', 'person', 'organisation', 'place'] as const;

/** The two halves of the set: `dev` may be looked at while tuning, `heldout` never. */
export const ORANGESUM_SPLITS = ['dev', 'heldout'] as const;

const articleReference = z.object({
  /** 1-based line of the article in the OrangeSum .jsonl.gz file. */
  line: z.number().int().positive(),
  /** The article's title, checked against that line so a shifted file is caught. */
  title: z.string().min(1),
});

/** A name the question is about; an array lists spellings any one of which will do. */
const focusName = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const orangesumQuestionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    language: z.enum(['fr', 'en']),
    /** True when the question is in another language than its article (every article is French). */
    crossLanguage: z.boolean(),
    type: z.enum(ORANGESUM_QUESTION_TYPES),
    /** For dates: which date of a plan that moved is asked for (original, moved, latest...). */
    role: z.string().min(1).optional(),
    answerable: z.boolean(),
    /** Surface forms of the right answer; a value containing any one of them (as whole words, folded) is right. */
    expected: z.array(z.string().min(1)),
    /** For dates, the ISO value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); its readable forms count as expected too. */
    expectedIso: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
    /** The article the answer comes from or, for an unanswerable question, the article it looks close to. */
    article: articleReference,
    /** Other articles that give the same answer (duplicates, follow-ups). */
    alsoIn: z.array(articleReference).default([]),
    /** Names any article an answer cites must contain (all of them), so an answer taken from an article about something else is caught. */
    focus: z.array(focusName).min(1),
    /** Why the question is unanswerable, or anything a reader of the set should know. */
    note: z.string().min(1).optional(),
    split: z.enum(ORANGESUM_SPLITS),
  })
  .refine((question) => !question.answerable || question.expected.length > 0, {
    message: 'an answerable question needs at least one expected value',
    path: ['expected'],
  })
  .refine((question) => question.answerable || (question.expected.length === 0 && question.note !== undefined), {
    message: 'an unanswerable question has no expected value and a note saying why it is unanswerable',
    path: ['note'],
  });

/** One question of the OrangeSum set. */
export type OrangesumQuestion = z.infer<typeof orangesumQuestionSchema>;

/** One type of OrangeSum question. */
export type OrangesumQuestionType = (typeof ORANGESUM_QUESTION_TYPES)[number];

/** Parses OrangeSum question-set text (JSONL); bad lines are reported, not fatal. */
export function parseOrangesumQuestions(path: string, content: string): QuestionSet<OrangesumQuestion> {
  return parseQuestionLines(path, content, orangesumQuestionSchema);
}

/** Reads one OrangeSum question file (JSONL). */
export async function loadOrangesumQuestions(path: string): Promise<QuestionSet<OrangesumQuestion>> {
  return parseOrangesumQuestions(path, await readFile(path, 'utf8'));
}

/** The corpus source Scoop gives the article on `line` of the OrangeSum file (`orangesum-10k.jsonl.gz#12`). */
export function orangesumSource(corpusFileName: string, line: number): string {
  return `${corpusFileName}#${line}`;
}

/**
 * Checks that every article a question names is in the corpus at its line
 * with its title. Returns one message per mismatch, naming the question: a
 * question whose article moved would measure the wrong thing.
 */
export function checkArticleReferences(
  questions: readonly OrangesumQuestion[],
  articlesBySource: ReadonlyMap<string, Pick<Article, 'title'>>,
  corpusFileName: string,
): string[] {
  const problems: string[] = [];
  for (const question of questions) {
    for (const reference of [question.article, ...question.alsoIn]) {
      const source = orangesumSource(corpusFileName, reference.line);
      const article = articlesBySource.get(source);
      if (!article) problems.push(`${question.id}: no article at ${source}`);
      else if (article.title.trim() !== reference.title.trim()) {
        problems.push(`${question.id}: ${source} is "${article.title}", not "${reference.title}"`);
      }
    }
  }
  return problems;
}

/** Every form a right answer may take: the listed ones, and for a date the readable forms of its ISO value. */
export function acceptedForms(question: Pick<OrangesumQuestion, 'expected' | 'expectedIso'>): string[] {
  const forms = [...question.expected, ...(question.expectedIso ? dateForms(question.expectedIso) : [])];
  return [...new Set(forms)];
}

/** The words of an article (title and text) as focus names are looked up in it. */
export function articleWords(article: Pick<Article, 'title' | 'text'>): string[] {
  return valueTokens(`${article.title}\n${article.text}`);
}

/** True when the article's words contain every focus name (any one spelling of each). */
export function namesFocus(words: readonly string[], focus: OrangesumQuestion['focus']): boolean {
  return focus.every((name) => (Array.isArray(name) ? name : [name]).some((spelling) => containsWords(words, valueTokens(spelling))));
}
