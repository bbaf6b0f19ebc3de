import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Article } from '../articles/article';
import type { Answer } from '../answers/answer';
import type { Passage } from '../passages/passage';
import { runAnswers, summariseAnswers, type AnswerFunction, type EvaluatedAnswer } from './evaluateAnswers';
import { buildRetrievalCases, runRetrieval, summariseRetrieval, type RetrievalCase, type SearchFunction } from './evaluateRetrieval';
import type { EvaluationReport, SystemEvaluation } from './evaluationReport';
import { breakDown } from './groupBreakdown';
import { LangChainPeer, PEER_DESCRIPTIONS, PEER_RETRIEVERS } from './langChainPeer';
import { buildSearchPeer, SEARCH_PEER_DESCRIPTIONS, SEARCH_PEERS, type SearchPeer } from './searchPeers';
import type { AnswerQuestion, QuestionSet, RetrievalQuestion } from './questionSets';
import { MIN_SNIPPET_COVERAGE } from './retrievalMetrics';

/** One indexed corpus as the evaluation sees it: Scoop over it, and what the peer is built from. */
export interface EvaluatedCorpus {
  path: string;
  articles: readonly Article[];
  /** The passages Scoop indexed; the peer is built over exactly these. */
  passages: readonly Passage[];
  search: SearchFunction;
  ask: (question: string) => Promise<Answer>;
  /** Scoop's embedder, given to the peer's vector store too. */
  embeddings: EmbeddingsInterface;
}

/** What one evaluation run needs: the corpus each question set is asked over, and the sets. */
export interface EvaluationInputs {
  retrievalCorpus: EvaluatedCorpus;
  answerCorpus: EvaluatedCorpus;
  /** Null when the retrieval set is missing: the answer set's supporting snippets are used instead (over the answer corpus). */
  retrievalSet: QuestionSet<RetrievalQuestion> | null;
  answerSet: QuestionSet<AnswerQuestion>;
  onProgress?: (message: string) => void;
  onAnswerError?: (question: AnswerQuestion, error: unknown) => void;
}

/** Scoop's answer as the evaluation reads it. */
export function fromScoopAnswer(answer: Answer): EvaluatedAnswer {
  return {
    text: answer.answer,
    abstained: answer.abstained,
    citations: answer.citations.map(({ articleId, source, start, end, snippet }) => ({ articleId, source, start, end, snippet })),
  };
}

interface SystemUnderTest {
  name: string;
  description: string;
  retrievalSearch: SearchFunction;
  answer: AnswerFunction;
}

async function evaluateSystem(system: SystemUnderTest, inputs: EvaluationInputs, cases: RetrievalCase[]): Promise<SystemEvaluation> {
  inputs.onProgress?.(`${system.name}: retrieval (${cases.length} questions)`);
  const retrieval = await runRetrieval(cases, system.retrievalSearch, 10);
  inputs.onProgress?.(`${system.name}: answers (${inputs.answerSet.questions.length} questions)`);
  const answers = await runAnswers(inputs.answerSet.questions, system.answer, inputs.answerCorpus.articles, inputs.onAnswerError);
  return {
    name: system.name,
    description: system.description,
    retrieval: breakDown(retrieval, summariseRetrieval),
    answers: breakDown(answers, summariseAnswers),
  };
}

function buildPeer(corpus: EvaluatedCorpus, inputs: EvaluationInputs): Promise<LangChainPeer> {
  inputs.onProgress?.(`peer: building over the ${corpus.passages.length} passages of ${corpus.path}`);
  return LangChainPeer.build({ articles: corpus.articles, passages: corpus.passages, embeddings: corpus.embeddings });
}

/**
 * Runs both question sets through Scoop and through the LangChain peer built
 * over the same passages with the same embedder, and returns every figure.
 */
export async function runEvaluation(inputs: EvaluationInputs): Promise<EvaluationReport> {
  const began = performance.now();
  const { retrievalCorpus, answerCorpus } = inputs;
  const retrievalSource = inputs.retrievalSet ?? {
    path: `${inputs.answerSet.path} (supporting snippets; retrieval set missing)`,
    questions: inputs.answerSet.questions,
    problems: [],
  };
  const searchCorpus = inputs.retrievalSet ? retrievalCorpus : answerCorpus;
  const { cases, problems } = buildRetrievalCases(retrievalSource.questions, searchCorpus.articles);

  const systems: SystemEvaluation[] = [
    await evaluateSystem(
      {
        name: 'Scoop',
        description: "Scoop's search as it ships (offline: BM25 with article evidence; fused with vectors beside a model embedder) and the extractive answerer",
        retrievalSearch: searchCorpus.search,
        answer: async (question) => fromScoopAnswer(await answerCorpus.ask(question)),
      },
      inputs,
      cases,
    ),
  ];

  const answerPeer = await buildPeer(answerCorpus, inputs);
  const searchPeer = searchCorpus === answerCorpus ? answerPeer : await buildPeer(searchCorpus, inputs);
  for (const retriever of PEER_RETRIEVERS) {
    systems.push(
      await evaluateSystem(
        {
          name: `peer ${retriever}`,
          description: PEER_DESCRIPTIONS[retriever],
          retrievalSearch: (query, k) => searchPeer.search(retriever, query, k),
          answer: (question) => answerPeer.answer(retriever, question),
        },
        inputs,
        cases,
      ),
    );
  }

  for (const name of SEARCH_PEERS) {
    inputs.onProgress?.(`${name}: building over the passages of both corpora`);
    const answerSide = await buildSearchPeer(name, answerCorpus);
    const searchSide = searchCorpus === answerCorpus ? answerSide : await buildSearchPeer(name, searchCorpus);
    systems.push(
      await evaluateSystem(
        { name, description: SEARCH_PEER_DESCRIPTIONS[name], retrievalSearch: (query, k) => searchSide.search(query, k), answer: (question) => topPassageAnswer(answerSide, question) },
        inputs,
        cases,
      ),
    );
  }

  const describe = (corpus: EvaluatedCorpus) => ({ path: corpus.path, articles: corpus.articles.length, passages: corpus.passages.length });
  return {
    retrievalCorpus: describe(searchCorpus),
    answerCorpus: describe(answerCorpus),
    retrievalSet: { path: retrievalSource.path, questions: cases.length, problems: [...retrievalSource.problems, ...problems] },
    answerSet: { path: inputs.answerSet.path, questions: inputs.answerSet.questions.length, problems: inputs.answerSet.problems },
    systems,
    notes: [
      `A retrieval hit is a passage from the expected article covering at least ${MIN_SNIPPET_COVERAGE * 100}% of the expected snippet; MRR counts the first hit in the top 10.`,
      'An answer is right when it is not declined and its text contains one of the expected values (case, accents and spacing folded); a question the articles cannot answer is right only when declined.',
      "The peer's \"answer\" is its top passage quoted whole: it never declines, so its abstention precision is n/a and its recall 0.",
      'A citation is verbatim when its snippet equals the article text between its offsets. The target is 100%.',
      "Scoop and the peer index the same passages (Scoop's splitter) with the same embedder.",
    ],
    ms: performance.now() - began,
  };
}

/** A search library's stand-in for an answer, as for the LangChain peer: its top passage quoted whole, never a refusal. */
async function topPassageAnswer(peer: SearchPeer, question: string): Promise<EvaluatedAnswer> {
  const [top] = await peer.search(question, 1);
  if (!top) return { text: '', abstained: false, citations: [] };
  const { passage, article } = top;
  return { text: passage.text, abstained: false, citations: [{ articleId: article.id, source: article.source, start: passage.start, end: passage.end, snippet: passage.text }] };
}
