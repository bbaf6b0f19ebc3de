import type { Article } from '../articles/article';
import { trimToClauses } from './answerFact';
import { citeSpan } from '../passages/citation';
import { describeRange } from './describeDate';
import { answerCodeNameFromClaims } from './answerFact';
import { answerFromPassages, bestStatedSentence, type ReadSentence } from './answerFromPassages';
import { pickDateClaims, renderDateClaims } from './answerDate';
import { answerPartnershipFromClaims } from './answerPartnership';
import { articleFit, sentenceHoldsTopic } from './articleFit';
import { describedName, findNameDescriptions } from './describeName';
import type { SubjectMention } from './analyzeQuestion';
import { CitationList } from './citationList';
import { answerDateFromSentences } from './answerDateFromSentences';
import { meaningfulTerms } from './questionTerms';
import { supportingSentences } from './supportingSentences';
import type { QuestionAnalysis } from './analyzeQuestion';
import type { FocusName } from './readQuestion';
import type { AnswerContext, AnswerStrategy, Finding } from './finding';
import { MESSAGES } from './messages';
import { findEventCues } from '../facts/claimCues';
import type { DateEventKind } from '../facts/fact';
import { foldForMatching } from '../text/foldForMatching';
import { tieCues } from '../text/vocabulary';

/** How sure a finding drawn from the fact book is: those claims were extracted by the stricter fact grammar. */
const CLAIM_CONFIDENCE = { date: 0.9, partnership: 0.85, codeName: 0.9 };

/**
 * A finding from the passage reader is given only from this confidence up.
 * On PIAF amid the 10,000 OrangeSum articles the reader's answers below it
 * were right 8% of the time; declining them raised the share right among
 * answers (token F1 >= 0.5) from 27.3% to 28.4% on the odd half (29.2% to
 * 31.0% on the even one) and cut answers from another article than the
 * question's from 155 to 145 (153 to 133), for F1 0.1499 → 0.1496 (0.1619 →
 * 0.1604). A floor of 0.15 would give about 31% (34%) for F1 0.138 (0.152),
 * but declines a right cross-language answer of the fixtures (c15, 0.10).
 */
export const PASSAGE_CONFIDENCE_THRESHOLD = 0.09;

/** The question as the renderers word it: read in its own language, written in the reply's. */
function worded(context: AnswerContext): QuestionAnalysis {
  return context.replyLanguage === context.analysis.language ? context.analysis : { ...context.analysis, language: context.replyLanguage };
}

function mainSubject(context: AnswerContext): SubjectMention | null {
  const subjects = context.analysis.subjects;
  return subjects.find((s) => s.kind === 'product') ?? subjects[0] ?? null;
}

/** The question's subjects, products first, to look up in the fact book in turn ("When will Nintendo present the Switch 2?" dates the Switch 2, not Nintendo). */
function datedSubjects(context: AnswerContext): SubjectMention[] {
  const subjects = context.analysis.subjects;
  return [...subjects.filter((s) => s.kind === 'product'), ...subjects.filter((s) => s.kind !== 'product')];
}

/**
 * Date questions about a subject the fact book dates: the plan as it moved,
 * as `/timeline` shows it. `weak` also takes claims that are only loosely
 * what was asked (an unveiling that happened, for "when will it be
 * available?"), tried after a sentence that dates the asked event.
 */
function dateClaims(weak: boolean): AnswerStrategy {
  return {
  name: weak ? 'date-claims-loose' : 'date-claims',
  find(context) {
    const { analysis } = context;
    if (analysis.kind !== 'date') return null;
    const dated = datedSubjects(context).map((subject) => ({ subject, picked: pickDateClaims(analysis, context.facts.timeline(subject.canonical).events) }));
    const { subject, picked } = dated.find((d) => d.picked) ?? {};
    if (!subject || !picked || picked.weak !== weak) return null;
    const citations = new CitationList();
    const text = renderDateClaims(worded(context), subject.canonical, picked, citations);
    const { primary } = picked;
    return {
      strategy: 'date-claims',
      type: 'timeline',
      value: describeRange(primary.start, primary.end, context.replyLanguage) ?? primary.when,
      confidence: weak ? CLAIM_CONFIDENCE.date - 0.2 : CLAIM_CONFIDENCE.date,
      text,
      citations: citations.list(),
    };
  },
  };
}

/** "What is X's code name?" from the code names the articles give. */
const codeNames: AnswerStrategy = {
  name: 'code-names',
  find(context) {
    const { analysis } = context;
    const subject = mainSubject(context);
    if (analysis.kind !== 'fact' || analysis.target !== 'code-name' || !subject) return null;
    const claims = context.facts.aliasesOf(subject.canonical);
    const citations = new CitationList();
    const text = answerCodeNameFromClaims(worded(context), subject.canonical, claims, citations);
    if (!text) return null;
    const aliases = [...new Set(claims.filter((c) => c.subject === subject.canonical).sort((a, b) => Number(a.hedged) - Number(b.hedged)).map((c) => c.alias))];
    return { strategy: 'code-names', type: 'code-name', value: aliases[0], confidence: CLAIM_CONFIDENCE.codeName, text, citations: citations.list() };
  },
};

/** Partnership questions from the ties `/partners` shows. */
const partnershipClaims: AnswerStrategy = {
  name: 'partnership-claims',
  find(context) {
    const { analysis } = context;
    if (analysis.kind !== 'partnership') return null;
    const companies = [
      ...analysis.subjects.filter((s) => s.kind === 'company').map((s) => s.canonical),
      ...analysis.subjects.filter((s) => s.kind === 'product').flatMap((s) => [s.canonical, ...(s.company ? [s.company] : [])]),
    ];
    for (const company of new Set(companies)) {
      const citations = new CitationList();
      const found = answerPartnershipFromClaims(worded(context), company, context.facts.partners(company).partners, citations);
      if (found) {
        return {
          strategy: 'partnership-claims',
          type: 'partnership',
          value: MESSAGES[context.replyLanguage].list(found.partners),
          confidence: CLAIM_CONFIDENCE.partnership,
          text: found.text,
          citations: citations.list(),
        };
      }
    }
    return null;
  },
};

/**
 * The sentence that supports a passage answer, narrowed to the clauses
 * around the value when it is long, or with the sentence before it when only
 * that one names what the question is about ("Mistral Large… Sa fenêtre de contexte…").
 */
function supportSpan(context: AnswerContext, sentence: ReadSentence, start: number, end: number) {
  if (sentence.leansOn) return { start: sentence.leansOn.start, end: sentence.span.end };
  const trimmed = trimToClauses(sentence.text, start, end);
  return { start: sentence.span.start + trimmed.start, end: sentence.span.start + trimmed.end };
}

const readings = new WeakMap<AnswerContext, ReturnType<typeof answerFromPassages>>();

function readPassages(context: AnswerContext): ReturnType<typeof answerFromPassages> {
  let found = readings.get(context);
  if (!found) {
    found = answerFromPassages(context.reading, context.hits, { replyLanguage: context.replyLanguage, kindOf: (name) => context.facts.kindOf(name) });
    readings.set(context, found);
  }
  return found;
}

/** Question words that say what is asked rather than what it is about; they do not count as overlap. */
const CUE_WORDS =
  'code name names codename nom noms interne internal much many combien nombre number amount montant who qui where ou ceo chief executive pdg directeur which quel quelle model modele when quand date expected prevu attendu';

/** The question's words that say what it asks about: not its subjects, nor the names it writes (« Donald Trump » when only « Donald » is a known subject), nor its cue words. */
function questionTerms(analysis: QuestionAnalysis, names: readonly FocusName[]): Set<string> {
  const terms = meaningfulTerms(analysis.searchQuery, analysis.language);
  const named = [...analysis.subjects.map((s) => `${s.text} ${s.canonical}`), ...names.map((n) => n.text)].join(' ');
  const drop = meaningfulTerms(`${named} ${CUE_WORDS}`, analysis.language);
  for (const term of drop) terms.delete(term);
  for (const term of [...terms]) if (/^\d+$/.test(term)) terms.delete(term);
  return terms;
}

/**
 * Date questions about a named subject, from a retrieved sentence that names
 * it, holds a date expression and an event word: tried before claims that are
 * only loosely what was asked. Not for a question asking one step of a plan
 * ("originally", "moved to"): it takes the sentence's first date, whichever
 * step it is; the passage reader weighs the step.
 */
const sentenceDates: AnswerStrategy = {
  name: 'sentence-dates',
  find(context) {
    const { analysis } = context;
    if (analysis.kind !== 'date' || analysis.subjects.length === 0 || context.reading.role !== null) return null;
    const terms = questionTerms(analysis, context.reading.names);
    const candidates = supportingSentences(context.hits, analysis.subjects, terms, context.aliases);
    const citations = new CitationList();
    const found = answerDateFromSentences(worded(context), candidates, terms, citations);
    if (!found) return null;
    return { strategy: 'sentence-dates', type: 'date', value: found.value, confidence: 0.6, text: found.text, citations: citations.list() };
  },
};

/** Events a date question names by what they are: a date from a sentence about something else does not answer it. */
const NAMED_EVENTS: ReadonlySet<DateEventKind> = new Set(['acquisition', 'election', 'match', 'entry-into-force']);

/** The cue words of the ties a question may ask by what they are (« Qui a racheté X ? », "Who did X merge with?"), both languages. */
const OWNERSHIP_CUES = { acquisition: tieCues('acquisition'), merger: tieCues('merger') };

/**
 * Whether a sentence can answer a question that asks who bought or merged:
 * its words, the sentence it leans on or the article's title must name an
 * acquisition or a merger (« PSA a conclu un partenariat avec Total » does
 * not say who bought Total). Other questions pass.
 */
function tiesAskedNature(context: AnswerContext, sentence: ReadSentence): boolean {
  const asked = context.analysis.kind === 'partnership' ? context.analysis.nature : null;
  if (asked !== 'acquisition' && asked !== 'merger') return true;
  const before = sentence.leansOn ? sentence.article.text.slice(sentence.leansOn.start, sentence.leansOn.end) : '';
  const text = foldForMatching(`${sentence.article.title}. ${before} ${sentence.text}`);
  return OWNERSHIP_CUES[asked].some((cue) => cue.test(text));
}

/**
 * Whether a sentence can date the event a date question names ("When will
 * X be acquired?"): its words, the sentence it leans on or the article's
 * title must name that event. Questions about other events pass.
 */
function datesAskedEvent(context: AnswerContext, sentence: ReadSentence): boolean {
  const asked = context.analysis.kind === 'date' ? context.analysis.event : null;
  if (!asked || !NAMED_EVENTS.has(asked)) return true;
  const before = sentence.leansOn ? sentence.article.text.slice(sentence.leansOn.start, sentence.leansOn.end) : '';
  const text = foldForMatching(`${sentence.article.title}. ${before} ${sentence.text}`);
  return findEventCues(text, sentence.article.language).some((cue) => cue.value === asked);
}

/**
 * Below this {@link articleFit}, a passage answer to a question that names
 * nothing is declined: on PIAF's even half amid the 10,000 OrangeSum
 * articles it declined 226 answers from another article than the question's
 * for 52 from its own (17.8 of 1,800 questions' F1); on the odd half, 203 for 38.
 */
export const ARTICLE_FIT_THRESHOLD = 0.4;

/**
 * Whether the article a passage answer comes from is one the question may be
 * about. A question that names something is already read only in articles
 * that name it; one that names nothing, or only a place (« le marathon de
 * Paris »: many articles name Paris), is judged by the article's fit, when
 * the article is in the question's language (the fit was learned on
 * same-language words), or by its sentence holding every topic word of a
 * question that gives enough of them ({@link sentenceHoldsTopic}).
 */
function fitsArticle(context: AnswerContext, sentence: ReadSentence): boolean {
  const { reading } = context;
  const { article } = sentence;
  const namesMoreThanPlaces = reading.names.some((name) => !name.place && !context.facts.isPlace(name.text));
  if (namesMoreThanPlaces || article.language !== reading.language) return true;
  return articleFit(reading, context.hits, article) >= ARTICLE_FIT_THRESHOLD || sentenceHoldsTopic(reading, sentence.folded);
}

/**
 * Any question, from the sentences of the retrieved passages: a typed short
 * answer and the sentence that gives it.
 */
const passageReader: AnswerStrategy = {
  name: 'passage-reader',
  find(context) {
    if (describedName(context.reading)) return { reason: 'not-stated' };
    const found = readPassages(context);
    if ('reason' in found) {
      if (found.reason === 'focus-absent') {
        const folded = new Set(context.hits.map((h) => h.article.id));
        const missing = context.reading.names.filter((name) => folded.size > 0 && !name.place).map((n) => n.text);
        return { reason: 'focus-absent', name: missing[missing.length - 1] ?? context.reading.names[0]?.text ?? '' };
      }
      return { reason: 'not-stated' };
    }
    if (found.confidence < PASSAGE_CONFIDENCE_THRESHOLD) return { reason: 'not-stated' };
    if (!datesAskedEvent(context, found.sentence) || !tiesAskedNature(context, found.sentence)) return { reason: 'not-stated' };
    if (!fitsArticle(context, found.sentence)) return { reason: 'not-stated' };
    const messages = MESSAGES[context.replyLanguage];
    const citations = new CitationList();
    const citation = citeSpan(found.sentence.article, supportSpan(context, found.sentence, found.candidate.start, found.candidate.end));
    const marker = citations.marker(citation);
    const lines = [messages.shortAnswer(found.value, marker), messages.support(messages.quote(citation.snippet), marker)];
    for (const other of found.agreeing.slice(0, 1)) {
      const otherCitation = citeSpan(other.article, other.span);
      lines.push(messages.agreeing(messages.quote(otherCitation.snippet), citations.marker(otherCitation)));
    }
    const finding: Finding = {
      strategy: 'passage-reader',
      type: found.type,
      value: found.value,
      confidence: found.confidence,
      text: lines.join('\n'),
      citations: citations.list(),
    };
    return finding;
  },
};

/**
 * "Who is NAME?": what the articles say the name is (« l'ancien PDG de
 * Renault »), from appositions, copulas and titles beside it; a decline when
 * they give no such description (another name of its sentences is no answer).
 */
const nameDescriptions: AnswerStrategy = {
  name: 'name-descriptions',
  find(context) {
    const name = describedName(context.reading);
    if (!name) return null;
    const [best] = findNameDescriptions(name, context.hits);
    if (!best) return { reason: 'not-stated' };
    const messages = MESSAGES[context.replyLanguage];
    const citations = new CitationList();
    const citation = citeSpan(best.article, best.sentence);
    const marker = citations.marker(citation);
    const lines = [messages.shortAnswer(best.value, marker), messages.support(messages.quote(citation.snippet), marker)];
    const confidence = Math.min(0.8, 0.5 + 0.15 * (best.articles - 1));
    return { strategy: 'name-descriptions', type: 'description', value: best.value, confidence, text: lines.join('\n'), citations: citations.list() };
  },
};

/**
 * A text that asks nothing (a headline, a statement pasted as is): no
 * value, only the sentence of the articles that best says what it says,
 * quoted as what the articles say; a decline when none holds enough of it.
 */
const statedReading: AnswerStrategy = {
  name: 'stated-reading',
  find(context) {
    const found = bestStatedSentence(context.reading, context.hits);
    if ('reason' in found) {
      if (found.reason !== 'focus-absent') return { reason: 'not-stated' };
      const missing = context.reading.names.filter((name) => !name.place).map((n) => n.text);
      return { reason: 'focus-absent', name: missing[missing.length - 1] ?? '' };
    }
    const citations = new CitationList();
    const citation = citeSpan(found.article, found.span);
    const text = MESSAGES[context.replyLanguage].stated(MESSAGES[context.replyLanguage].quote(citation.snippet), citations.marker(citation));
    return { strategy: 'stated-reading', type: 'reading', value: null, confidence: Math.round(found.evidence * found.context * 100) / 100, text, citations: citations.list() };
  },
};

/** The strategies for a text that asks nothing: no typed value, a plain cited reading. */
export const READING_STRATEGIES: readonly AnswerStrategy[] = [statedReading];

/**
 * The strategies, tried in order: the fact book's structured answers first
 * (dates as they moved, ties, code names), then the passage reader.
 */
export const ANSWER_STRATEGIES: readonly AnswerStrategy[] = [
  dateClaims(false),
  codeNames,
  partnershipClaims,
  sentenceDates,
  dateClaims(true),
  nameDescriptions,
  passageReader,
];
