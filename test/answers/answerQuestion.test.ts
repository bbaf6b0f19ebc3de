import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer';
import { answerQuestion, type AnswerDeps } from '../../src/answers/answerQuestion';
import { UserFacingError } from '../../src/errors';
import { loadNewsFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;
let deps: AnswerDeps;

beforeAll(async () => {
  news = await loadNewsFixture();
  deps = news.deps;
});
afterAll(() => news?.close());

function expectVerbatimCitations(answer: Answer): void {
  for (const citation of answer.citations) {
    const article = news.articles.find((a) => a.id === citation.articleId);
    expect(article, `article of [${citation.n}]`).toBeDefined();
    expect(citation.snippet).toBe(article!.text.slice(citation.start, citation.end));
    expect(citation.source).toBe(article!.source);
  }
}

function expectMarkersMatchCitations(answer: Answer): void {
  const used = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const firstUse = [...new Set(used)];
  expect(firstUse).toEqual(answer.citations.map((_, i) => i + 1));
  expect(answer.citations.map((c) => c.n)).toEqual(firstUse);
}

describe('answerQuestion on the news fixtures', () => {
  it('GIVEN "Qui héberge GPT-4.5 ?" THEN Microsoft, the cloud partner of OpenAI, whose model the articles say GPT-4.5 is; not the CEO a sentence names', async () => {
    for (const question of ['Qui héberge GPT-4.5 ?', 'Who hosts GPT-4.5?']) {
      const answer = await answerQuestion(question, deps);
      expect(answer.value, question).toBe('Microsoft');
      expect(answer.citations.length, question).toBeGreaterThan(0);
    }
  });

  it('GIVEN "When is GPT-5 expected?" THEN end of May 2025 first, then how the plan moved, each claim cited', async () => {
    const answer = await answerQuestion('When is GPT-5 expected?', deps);
    expect(answer).toMatchObject({ language: 'en', kind: 'date', abstained: false });
    const [first, ...rest] = answer.answer.split('\n');
    expect(first).toContain('May 2025');
    expect(first).toMatch(/"fin mai"|"by the end of May"/);
    expect(rest.join('\n')).toMatch(/moved.*2024.*early 2025/s);
    expect(answer.citations.length).toBeGreaterThanOrEqual(2);
    for (const citation of answer.citations) expect(citation.snippet).toMatch(/GPT-5/);
    expectVerbatimCitations(answer);
    expectMarkersMatchCitations(answer);
  });

  it('GIVEN a date question THEN every citation is a claim /timeline shows for that subject', async () => {
    const answer = await answerQuestion('Quand GPT-5 doit-il sortir ?', deps);
    expect(answer.language).toBe('fr');
    expect(answer.answer.split('\n')[0]).toContain('fin mai 2025');
    const timeline = news.facts.timeline('GPT-5').events.map((e) => `${e.citation.articleId}:${e.citation.start}`);
    for (const citation of answer.citations) expect(timeline).toContain(`${citation.articleId}:${citation.start}`);
  });

  it('GIVEN a relative date THEN says it counts from the article\'s date', async () => {
    const answer = await answerQuestion('When will GPT-4.5 be unveiled?', deps);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('"dans quelques semaines"');
    expect(answer.answer).toContain("counted from the article's date");
  });

  it('GIVEN « Quel est le nom de code de GPT-4.5 ? » THEN Orion, in French, cited', async () => {
    const answer = await answerQuestion('Quel est le nom de code de GPT-4.5 ?', deps);
    expect(answer).toMatchObject({ language: 'fr', kind: 'fact', abstained: false });
    expect(answer.answer.split('\n')[0]).toMatch(/^Le nom de code de GPT-4\.5 est Orion \[1\]/);
    expect(answer.citations[0].snippet).toContain('Orion');
    expectVerbatimCitations(answer);
  });

  it('GIVEN "Who hosts OpenAI\'s models?" THEN Microsoft (Azure) as cloud partner, cited with snippets naming both', async () => {
    const answer = await answerQuestion("Who hosts OpenAI's models?", deps);
    expect(answer).toMatchObject({ kind: 'partnership', abstained: false });
    expect(answer.answer.split('\n')[0]).toMatch(/^Microsoft provides cloud computing and hosting to OpenAI \(Azure\) \[1\]/);
    for (const citation of answer.citations) {
      expect(citation.snippet).toMatch(/Microsoft/);
      expect(citation.snippet).toMatch(/OpenAI/);
    }
    expectVerbatimCitations(answer);
    expectMarkersMatchCitations(answer);
  });

  it('GIVEN an amount question THEN the amount first, then the trimmed sentence that gives it', async () => {
    const answer = await answerQuestion('How much has Microsoft invested in OpenAI?', deps);
    expect(answer.answer.split('\n')[0]).toBe('$13 billion [1].');
    expect(answer.citations[0].snippet).toContain('$13 billion');
    expect(answer.citations[0].snippet.length).toBeLessThan(250);
    expectVerbatimCitations(answer);
  });

  it('GIVEN a sentence that leans on the one before ("Sa fenêtre…") THEN cites both, so the subject is in the quote', async () => {
    const answer = await answerQuestion('Quelle est la fenêtre de contexte de Mistral Large ?', deps);
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0].snippet).toMatch(/Mistral Large[\s\S]*Sa fenêtre de contexte atteint 32 000 tokens\./);
  });

  it('GIVEN "When will GPT-6 be released?" THEN abstains plainly, cites nothing and offers related passages', async () => {
    const answer = await answerQuestion('When will GPT-6 be released?', deps);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The indexed articles don't say when GPT-6 will be released\./);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).not.toMatch(/\[\d+\]/);
    expect(answer.related.length).toBeGreaterThan(0);
  });

  it('GIVEN a decline whose closest passages include two of one article THEN related reading lists each article once, its best passage first', async () => {
    const hits = await deps.search('When will GPT-6 be released?', 10);
    expect(new Set(hits.map((hit) => hit.article.id)).size).toBeLessThan(hits.length);
    const answer = await answerQuestion('When will GPT-6 be released?', deps);
    const articles = answer.related.map((hit) => hit.article.id);
    expect(articles.length).toBeGreaterThan(1);
    expect(new Set(articles).size).toBe(articles.length);
    for (const related of answer.related) expect(related.passage.id).toBe(hits.find((hit) => hit.article.id === related.article.id)?.passage.id);
  });

  it.each(['Quelle entreprise va construire le nouveau stade ?', 'Qui a annoncé le report du match de football ?'])(
    'GIVEN a question that names nothing, about a thing no article ever writes (%s) THEN declines rather than answer from an article about something else',
    async (question) => {
      const answer = await answerQuestion(question, deps);
      expect(answer.abstained, answer.answer).toBe(true);
      expect(answer.value).toBeNull();
      expect(answer.citations).toEqual([]);
    },
  );

  it('GIVEN a French question and the reply language English THEN it is read as French and answered in English', async () => {
    const inFrench = await answerQuestion('Quelle est la fenêtre de contexte de Mistral Large ?', deps);
    const inEnglish = await answerQuestion('Quelle est la fenêtre de contexte de Mistral Large ?', deps, { language: 'en' });
    expect(inEnglish).toMatchObject({ language: 'en', abstained: false, value: inFrench.value });
    expect(inEnglish.citations).toEqual(inFrench.citations);
    expect(inEnglish.answer).toContain('According to the article:');
    expect(inFrench.answer).toContain('Selon l’article :');
  });

  it('GIVEN a French price question the articles do not answer, replied in English THEN the decline says how much, as the French words ask', async () => {
    const answer = await answerQuestion("Combien coûte l'abonnement à Mistral Large ?", deps, { language: 'en' });
    expect(answer).toMatchObject({ language: 'en', abstained: true });
    expect(answer.answer).toMatch(/^The indexed articles don't say how much\b/);
  });

  it('GIVEN the same question in French THEN abstains in French', async () => {
    const answer = await answerQuestion('Quand GPT-6 sortira-t-il ?', deps);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^Les articles indexés ne disent pas quand GPT-6 sortira\./);
  });

  it.each(['When was GPT-4o released?', 'When will o1 be available?', 'Quelle est la fenêtre de contexte de Mistral Small ?'])(
    'GIVEN a neighbouring name the articles never use (%s) THEN abstains rather than answer for its neighbour',
    async (question) => {
      const answer = await answerQuestion(question, deps);
      expect(answer.abstained).toBe(true);
      expect(answer.citations).toEqual([]);
    },
  );

  it('GIVEN a known company with an unknown model ("Does Microsoft host GPT-6?") THEN abstains, naming the model', async () => {
    const answer = await answerQuestion('Does Microsoft host GPT-6?', deps);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain("They don't mention GPT-6.");
  });

  it('GIVEN a known subject but a question the articles do not answer THEN abstains', async () => {
    const answer = await answerQuestion('What is the price of a ChatGPT Pro subscription?', deps);
    expect(answer.abstained).toBe(true);
  });

  it('GIVEN a follow-up "and GPT-4.5?" THEN answers the date question for GPT-4.5', async () => {
    const answer = await answerQuestion('and GPT-4.5?', deps, { previousQuestion: 'When is GPT-5 expected?' });
    expect(answer).toMatchObject({ kind: 'date', language: 'en', abstained: false });
    expect(answer.answer.split('\n')[0]).toMatch(/^GPT-4\.5 /);
    for (const citation of answer.citations) expect(citation.snippet).toContain('GPT-4.5');
  });

  it('GIVEN a chain of follow-ups THEN each is read against the question as understood, not the bare "and X?"', async () => {
    const first = await answerQuestion('When is GPT-5 expected?', deps);
    expect(first.standaloneQuestion).toBe('When is GPT-5 expected?');
    const second = await answerQuestion('and GPT-4.5?', deps, { previousQuestion: first.standaloneQuestion });
    expect(second.standaloneQuestion).toMatch(/GPT-4\.5/);
    expect(second.standaloneQuestion).not.toMatch(/GPT-5\b/);
    const third = await answerQuestion('and GPT-5?', deps, { previousQuestion: second.standaloneQuestion });
    expect(third).toMatchObject({ kind: 'date', abstained: false });
    expect(third.answer.split('\n')[0]).toMatch(/^GPT-5 /);
  });

  it('GIVEN passages to exclude THEN retrieval does not return them', async () => {
    const seen: string[][] = [];
    const recording: AnswerDeps = { ...deps, search: (query, k, options) => (seen.push(options?.excludePassageIds ?? []), news.search(query, k, options)) };
    const first = await answerQuestion('What will free ChatGPT users get with GPT-5?', recording);
    const used = first.citations.map((c) => c.articleId);
    expect(used.length).toBeGreaterThan(0);
    await answerQuestion('What will free ChatGPT users get with GPT-5?', recording, { excludePassageIds: ['x:1'] });
    expect(seen[1]).toEqual(['x:1']);
  });

  it('GIVEN an empty question THEN a user-facing error says what to do', async () => {
    await expect(answerQuestion('   ', deps)).rejects.toBeInstanceOf(UserFacingError);
  });
});
