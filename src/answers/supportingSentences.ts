import type { Article } from '../articles/article';
import { namesOfSentence } from '../facts/sentenceNames';
import type { TextSpan } from '../passages/passage';
import { splitSentences } from '../passages/splitSentences';
import type { SearchHit } from '../retrieval/searchHit';
import type { SubjectMention } from './analyzeQuestion';
import { meaningfulTerms } from './questionTerms';

/** A sentence of a retrieved passage, with what it names and how much of the question it covers. */
export interface CandidateSentence {
  article: Article;
  /** Rank of the passage it came from (0 is the best hit). */
  rank: number;
  /** The sentence, in article offsets. */
  sentence: TextSpan;
  /**
   * What to cite: the sentence, or the sentence with the one or two before it
   * when it names no product and leans on them for its subject ("Sa fenêtre de contexte…").
   */
  support: TextSpan;
  /** Canonical subjects of the question that `support` names. */
  subjects: Set<string>;
  /** How many of the question's meaningful terms the sentence holds. */
  overlap: number;
}

/**
 * True when a name found in a text is the subject asked about or a more
 * specific variant of it ("Gemini 2.0 Flash" for "Gemini 2.0", "Mistral Large 2"
 * for "Mistral Large"), but not a neighbour ("GPT-4.5" is not "GPT-4", "o3-mini" is not "o3").
 */
export function namesSubject(found: string, subject: string): boolean {
  return found === subject || found.startsWith(`${subject} `);
}

function matchedSubjects(names: Set<string>, wanted: Set<string>): Set<string> {
  const matched = new Set<string>();
  for (const subject of wanted) if ([...names].some((name) => namesSubject(name, subject))) matched.add(subject);
  return matched;
}

function articleLanguage(article: Article): 'fr' | 'en' {
  return article.language === 'fr' ? 'fr' : 'en';
}

function sentencesOf(article: Article, cache: Map<string, TextSpan[]>): TextSpan[] {
  let spans = cache.get(article.id);
  if (!spans) {
    spans = splitSentences(article.text, article.language);
    cache.set(article.id, spans);
  }
  return spans;
}

/** How many sentences back a sentence that names no product may lean for its subject. */
const CARRY_BACK = 2;

const ANAPHORIC_START = /^(The|This|These|Its|It|Their|They|Sa|Son|Ses|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|Le nouveau|La nouvelle|Le modèle|Leur|Leurs)\b/u;

interface Named {
  names: Set<string>;
  products: number;
}

function canonicalNames(text: string, aliases: ReadonlyMap<string, string>): Named {
  const mentions = namesOfSentence(text, 'und', undefined, aliases);
  return { names: new Set(mentions.map((m) => m.canonical)), products: mentions.filter((m) => m.kind === 'product').length };
}

/** Shared stems, a stem also matching a longer one it starts ("chair" and "chairman"). */
export function countOverlap(questionTerms: Set<string>, sentenceTerms: Set<string>): number {
  let overlap = 0;
  for (const term of questionTerms) {
    if (sentenceTerms.has(term)) overlap += 1;
    else if (term.length >= 4 && [...sentenceTerms].some((t) => t.length >= 4 && (t.startsWith(term) || term.startsWith(t)))) overlap += 1;
  }
  return overlap;
}

/**
 * The sentences of the retrieved passages, each once, in hit order, with the
 * question's subjects they name and their overlap with the question's terms.
 * Offsets are article offsets, so every candidate can be cited verbatim.
 */
export function supportingSentences(
  hits: SearchHit[],
  subjects: SubjectMention[],
  questionTerms: Set<string>,
  aliases: ReadonlyMap<string, string> = new Map(),
): CandidateSentence[] {
  const wanted = new Set(subjects.map((s) => s.canonical));
  const splitCache = new Map<string, TextSpan[]>();
  const seen = new Set<string>();
  const candidates: CandidateSentence[] = [];
  hits.forEach(({ article, passage }, rank) => {
    const sentences = sentencesOf(article, splitCache);
    sentences.forEach((sentence, i) => {
      if (sentence.end <= passage.start || sentence.start >= passage.end) return;
      const key = `${article.id}:${sentence.start}`;
      if (seen.has(key)) return;
      seen.add(key);
      const text = article.text.slice(sentence.start, sentence.end);
      const own = canonicalNames(text, aliases);
      let support: TextSpan = sentence;
      let named = own.names;
      const leans = matchedSubjects(own.names, wanted).size === 0 && (own.products === 0 || ANAPHORIC_START.test(text));
      for (let back = 1; leans && back <= CARRY_BACK && i - back >= 0; back += 1) {
        const previous = sentences[i - back];
        const before = canonicalNames(article.text.slice(previous.start, previous.end), aliases);
        if (matchedSubjects(before.names, wanted).size > 0) {
          support = { start: previous.start, end: sentence.end };
          named = before.names;
          break;
        }
      }
      const overlap = countOverlap(questionTerms, meaningfulTerms(text, articleLanguage(article)));
      candidates.push({
        article,
        rank,
        sentence,
        support,
        subjects: matchedSubjects(named, wanted),
        overlap,
      });
    });
  });
  return candidates;
}
