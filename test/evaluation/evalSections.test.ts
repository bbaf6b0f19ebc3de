import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer';
import type { Article } from '../../src/articles/article';
import type { OrangesumSetReport, PiafReport } from '../../src/evaluation/answerReports';
import { LangChainPeer } from '../../src/evaluation/langChainPeer';
import type { EvaluatedCorpus } from '../../src/evaluation/runEvaluation';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';
import { orangesumSection, piafSection, type EvalContext } from '../../bench/evalSections';

function article(line: number, title: string, text: string): Article {
  return { id: `id${line}`, source: `news.jsonl.gz#${line}`, title, language: 'fr', published: '2020-05-11', url: null, text };
}

const articles = [
  article(1, 'Tesla Roadster : arrivée repoussée à 2022', "L'arrivée du Tesla Roadster de deuxième génération est reportée à 2022."),
  article(2, 'Xbox Series X', 'La Xbox Series X sortira le 10 novembre au prix de 499 dollars.'),
];
const passages = articles.flatMap((a) => splitIntoPassages(a));

const folders: string[] = [];
function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Scoop stand-in: answers "2022" from the Roadster article to any question naming the Roadster, declines the rest. */
function corpus(): EvaluatedCorpus {
  const ask = async (question: string): Promise<Answer> => {
    const base = { question, standaloneQuestion: question, language: 'fr' as const, kind: 'fact' as const, value: null, confidence: 0, related: [], timings: {} };
    if (!/roadster/i.test(question)) return { ...base, answer: 'Les articles ne le disent pas.', abstained: true, citations: [] };
    const [a] = articles;
    const citation = { n: 1, articleId: a.id, source: a.source, title: a.title, published: a.published, url: a.url, start: 0, end: 10, snippet: a.text.slice(0, 10) };
    return { ...base, answer: 'En 2022 [1]', value: '2022', confidence: 0.9, abstained: false, citations: [citation] };
  };
  return { path: 'news', articles, passages, search: async () => [], ask, embeddings: new HashedFeatureEmbeddings() };
}

function context(): EvalContext {
  const shared = corpus();
  let peer: Promise<LangChainPeer> | undefined;
  return {
    progress: () => {},
    sharedCorpus: async () => ({ corpus: shared, report: { path: 'news', articles: articles.length, passages: passages.length } }),
    sharedPeer: () => (peer ??= LangChainPeer.build({ articles, passages, embeddings: shared.embeddings })),
  };
}

function questionLine(fields: Record<string, unknown>): string {
  return JSON.stringify({
    language: 'fr',
    crossLanguage: false,
    type: 'date',
    answerable: true,
    expected: ['2022'],
    expectedIso: '2022',
    focus: ['Roadster'],
    ...fields,
  });
}

describe('the OrangeSum set section', () => {
  it('GIVEN both halves THEN Scoop and the peer are scored per half, a question whose article moved is left out, and only dev answers are listed', async () => {
    const dir = temporaryFolder('scoop-qset-');
    const dev = join(dir, 'dev.jsonl');
    const heldout = join(dir, 'heldout.jsonl');
    writeFileSync(
      dev,
      [
        questionLine({ id: 'd1', question: 'Le Roadster sort quand ?', article: { line: 1, title: articles[0].title }, split: 'dev' }),
        questionLine({ id: 'd2', question: 'Le Roadster sort quand ?', article: { line: 1, title: 'Un autre titre' }, split: 'dev' }),
      ].join('\n'),
    );
    writeFileSync(
      heldout,
      [
        questionLine({ id: 'h1', question: 'La Xbox Series S coûte combien en euros ?', type: 'amount', answerable: false, expected: [], expectedIso: undefined, focus: ['Xbox Series S'], note: 'no price in euros', article: { line: 2, title: 'Xbox Series X' }, split: 'heldout' }),
        questionLine({ id: 'h2', question: 'Quand sort le Roadster de troisième génération ?', answerable: false, expected: [], expectedIso: undefined, focus: ['Roadster', 'troisième génération'], note: 'another version', article: { line: 1, title: articles[0].title }, split: 'heldout' }),
      ].join('\n'),
    );
    const result = await orangesumSection({ files: [dev, heldout], corpusFileName: 'news.jsonl.gz', peer: 'hybrid' }).run(context());
    const report = result.figures as OrangesumSetReport;

    expect(report.questions).toBe(3);
    expect(report.problems).toEqual(['d2: news.jsonl.gz#1 is "Tesla Roadster : arrivée repoussée à 2022", not "Un autre titre"']);
    const [scoop, peer] = report.systems;
    expect(scoop.bySplit.dev.all).toMatchObject({ right: 1, unfocusedCitations: 0 });
    expect(scoop.bySplit.heldout.all).toMatchObject({ questions: 2, right: 0.5, declines: 1, declinesJustified: 1, unfocusedCitations: 1 });
    expect(peer.name).toBe('peer hybrid');
    expect(peer.bySplit.heldout.all.declines).toBe(0);
    expect(report.devAnswers.map((answer) => answer.id)).toEqual(['d1']);
    expect(result.text).toContain('held-out (never tuned on');
  });
});

describe('the PIAF section', () => {
  it('GIVEN a PIAF file THEN Scoop answers the sample, and on the peer sample Scoop and the peer are side by side', async () => {
    const dir = temporaryFolder('scoop-piaf-');
    const file = join(dir, 'piaf.json.gz');
    const questions = Array.from({ length: 6 }, (_, i) => ({
      id: `p${i}`,
      question: i % 2 === 0 ? 'Le Roadster arrive quand ?' : 'Quel est le prix de la Xbox ?',
      answer: i % 2 === 0 ? '2022' : '499 dollars',
      article: 'piaf-000',
      paragraph: 0,
    }));
    writeFileSync(file, gzipSync(JSON.stringify({ articles: [{ id: 'piaf-000', title: 'T', paragraphs: ['p'] }], questions })));
    const result = await piafSection({ piafFile: file, scoopSample: 4, peerSample: 2, peer: 'vector', seed: 7 }).run(context());
    const report = result.figures as PiafReport;

    expect(report.questions).toBe(6);
    expect(report.systems.map((system) => [system.name, system.summary.questions])).toEqual([
      ['Scoop', 4],
      ['Scoop, peer sample', 2],
      ['peer vector, peer sample', 2],
    ]);
    expect(report.systems[2].summary.declined).toBe(0);
    expect(result.text).toContain('PIAF answers');
  });
});
