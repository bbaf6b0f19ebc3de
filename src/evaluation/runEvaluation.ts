import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Article } from '../articles/article';
import type { Answer } from '../answers/answer';
import type { Passage } from '../passages/passage';
import { runAnswers, summariseAnswers, type AnswerFunction, type EvaluatedAnswer } from './evaluateAnswers';
import { buildRetrievalCases, runRetrieval, summariseRetrieval, type SearchFunction } from './evaluateRetrieval';
import type { EvaluationReport, SystemEvaluation } from './evaluationReport';
import { breakDown } from './groupBreakdown';
import { LangChainPeer, PEER_DESCRIPTIONS, PEER_RETRIEVERS } from './langChainPeer';
import type { AnswerQuestion, QuestionSet, RetrievalQuestion } from './questionSets';
import { MIN_SNIPPET_COVERAGE } from './retrievalMetrics';

/** What one evaluation run needs: Scoop's search and ask over an indexed corpus, and the question sets. */
export interface EvaluationInputs {
  corpusPath: string;
  articles: readonly Article[];
  /** The passages Scoop indexed; the peer is built over exactly these. */
  passages: readonly Passage[];
  search: SearchFunction;
  ask: (question: string) => Promise<Answer>;
  /** Scoop's embedder, given to the peer's vector store too. */
  embeddings: EmbeddingsInterface;
  /** Null when the retrieval set is missing: the answer set's supporting snippets are used instead. */
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

async function evaluateSystem(
  name: string,
  description: string,
  search: SearchFunction,
  answer: AnswerFunction,
  inputs: EvaluationInputs,
  cases: ReturnType<typeof buildRetrievalCases>['cases'],
): Promise<SystemEvaluation> {
  inputs.onProgress?.(`${name}: retrieval (${cases.length} questions)`);
  const retrieval = await runRetrieval(cases, search, 10);
  inputs.onProgress?.(`${name}: answers (${inputs.answerSet.questions.length} questions)`);
  const answers = await runAnswers(inputs.answerSet.questions, answer, inputs.articles, inputs.onAnswerError);
  return {
    name,
    description,
    retrieval: breakDown(retrieval, summariseRetrieval),
    answers: breakDown(answers, summariseAnswers),
  };
}

/**
 * Runs both question sets through Scoop and through the LangChain peer built
 * over the same passages with the same embedder, and returns every figure.
 */
export async function runEvaluation(inputs: EvaluationInputs): Promise<EvaluationReport> {
  const began = performance.now();
  const retrievalSource = inputs.retrievalSet ?? {
    path: `${inputs.answerSet.path} (supporting snippets; retrieval set missing)`,
    questions: inputs.answerSet.questions,
    problems: [],
  };
  const { cases, problems } = buildRetrievalCases(retrievalSource.questions, inputs.articles);

  const systems: SystemEvaluation[] = [
    await evaluateSystem(
      'Scoop',
      'PassageIndex hybrid search (HNSW vectors + BM25, fused) and the extractive answerer',
      inputs.search,
      async (question) => fromScoopAnswer(await inputs.ask(question)),
      inputs,
      cases,
    ),
  ];

  inputs.onProgress?.(`peer: building over ${inputs.passages.length} passages`);
  const peer = await LangChainPeer.build({ articles: inputs.articles, passages: inputs.passages, embeddings: inputs.embeddings });
  for (const retriever of PEER_RETRIEVERS) {
    systems.push(
      await evaluateSystem(
        `peer ${retriever}`,
        PEER_DESCRIPTIONS[retriever],
        (query, k) => peer.search(retriever, query, k),
        (question) => peer.answer(retriever, question),
        inputs,
        cases,
      ),
    );
  }

  return {
    corpus: { path: inputs.corpusPath, articles: inputs.articles.length, passages: inputs.passages.length },
    retrievalSet: { path: retrievalSource.path, questions: cases.length, problems: [...retrievalSource.problems, ...problems] },
    answerSet: { path: inputs.answerSet.path, questions: inputs.answerSet.questions.length, problems: inputs.answerSet.problems },
    systems,
    notes: [
      `A retrieval hit is a passage from the expected article covering at least ${MIN_SNIPPET_COVERAGE * 100}% of the expected snippet; MRR counts the first hit in the top 10.`,
      'An answer is right when it is not declined and its text contains one of the expected values (case, accents and spacing folded); a question the articles cannot answer is right only when declined.',
      "The peer's \"answer\" is its top passage quoted whole: it never declines, so its abstention precision is n/a and its recall 0.",
      'A citation is verbatim when its snippet equals the article text between its offsets. The target is 100%.',
      'Scoop and the peer index the same passages (Scoop\'s splitter) with the same embedder.',
    ],
    ms: performance.now() - began,
  };
}
