import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isQuestion } from '../../src/answers/analyzeQuestion';
import { checkStatement } from '../../src/answers/checkStatement';
import { loadNewsFixture, type NewsFixture } from './newsFixture';

describe('isQuestion', () => {
  it('GIVEN questions and statements THEN questions are told apart by their mark or interrogative opening', () => {
    for (const question of ['Quand sort GPT-5 ?', 'who hosts OpenAI', 'Est-ce que GPT-5 sort en mars', 'GPT-5 sort-il en mars', 'Is GPT-5 out?']) {
      expect(isQuestion(question), question).toBe(true);
    }
    for (const statement of ['GPT-5 sort en mars', 'Microsoft hosts OpenAI’s models.', 'Stargate will cost $500 billion']) {
      expect(isQuestion(statement), statement).toBe(false);
    }
  });
});

describe('checkStatement over the news fixtures', () => {
  let news: NewsFixture;
  beforeAll(async () => {
    news = await loadNewsFixture();
  });
  afterAll(() => news.close());

  const check = (statement: string) => checkStatement(statement, news);

  it('GIVEN "GPT-5 sort en mars" THEN contradicted: the articles say late May, not March, cited verbatim, the earlier plan shown as moved', async () => {
    const result = await check('GPT-5 sort en mars');
    expect(result.verdict).toBe('contradicted');
    expect(result.language).toBe('fr');
    const [verdict, date, earlier] = result.answer.split('\n');
    expect(verdict).toBe('Les articles disent autre chose.');
    expect(date).toMatch(/^Date : les articles disent fin mai 2025 \(« .+ »\) \[1\].*, pas mars 2025\.$/);
    expect(earlier).toMatch(/^C'était une date antérieure, début 2025 \(« début de 2025 »\), déplacée depuis \[\d\]\.$/);
    const article = news.articles.find((a) => a.id === result.citations[0].articleId)!;
    for (const citation of result.citations) {
      const source = news.articles.find((a) => a.id === citation.articleId)!;
      expect(source.text.slice(citation.start, citation.end)).toBe(citation.snippet);
    }
    expect(article.text.slice(result.citations[0].start, result.citations[0].end)).toMatch(/GPT-5/);
  });

  it('GIVEN "GPT-5 sort fin mai" THEN supported, the date cited', async () => {
    const result = await check('GPT-5 sort fin mai');
    expect(result.verdict).toBe('supported');
    expect(result.answer).toMatch(/^Les articles le disent\.\nDate : les articles donnent aussi fin mai 2025/);
    expect(result.citations[0].snippet).toMatch(/fin mai|end of May/);
  });

  it('GIVEN a figure the articles give THEN supported, the other figure of the same sentence shown beside it', async () => {
    const result = await check('Stargate will cost $500 billion');
    expect(result.verdict).toBe('supported');
    expect(result.answer).toBe('The articles say so.\nFigure: the articles give "$500 billion" too [1], beside "$100 billion".');
    expect(result.citations[0].snippet).toMatch(/\$500 billion over the next four years/);
  });

  it('GIVEN a figure the articles give otherwise THEN contradicted with what they say', async () => {
    const result = await check('Mistral AI est valorisée 5 milliards d’euros');
    expect(result.verdict).toBe('contradicted');
    expect(result.answer).toBe('Les articles disent autre chose.\nChiffre : les articles disent « 2 milliards d\'euros », pas « 5 milliards d’euros » [1].');
  });

  it('GIVEN a partner the articles do not name for that tie THEN contradicted by the partner they do name', async () => {
    const wrong = await check('Google hosts Mistral Large');
    expect(wrong.verdict).toBe('contradicted');
    expect(wrong.answer).toMatch(/^The articles say otherwise\.\nPartners: for Mistral AI, the articles name Microsoft, not Google \[1\]/);
    const right = await check('Microsoft hosts Mistral Large');
    expect(right.verdict).toBe('supported');
    expect(right.answer).toMatch(/the articles tie Microsoft and Mistral AI \(cloud and hosting\) \[1\]/);
  });

  it('GIVEN a subject no article mentions THEN the articles don’t say, nothing cited', async () => {
    const result = await check('GPT-6 sort en mars');
    expect(result).toMatchObject({ verdict: 'not-said', abstained: true, citations: [] });
    expect(result.answer).toBe('Les articles ne le disent pas : aucun article indexé ne parle de GPT-6.');
  });

  it('GIVEN a statement with no date, figure or partner to check THEN the articles don’t say, with related reading', async () => {
    const result = await check('GPT-5 est multimodal');
    expect(result).toMatchObject({ verdict: 'not-said', abstained: true, citations: [], answer: 'Les articles ne le disent pas.' });
    expect(result.related.length).toBeGreaterThan(0);
  });

  it('GIVEN a language option THEN the verdict is written in it', async () => {
    const result = await checkStatement('GPT-5 sort en mars', news, { language: 'en' });
    expect(result.answer.split('\n')[0]).toBe('The articles say otherwise.');
  });
});
