import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answers/analyzeQuestion';
import { extractFacts } from '../../src/facts/extractFacts';
import { FactBook } from '../../src/facts/factBook';
import { seedArticle } from '../facts/loadFixture';

/** The names the seed teaches (GPT-5, GPT-4.5, Orion...), as `ask` knows them from the indexed articles. */
const seed = seedArticle();
const book = new FactBook([extractFacts(seed)], [seed]);
const names = { findNames: (text: string) => book.findNames(text) };

function analyze(question: string, previous?: string) {
  return analyzeQuestion(question, previous, names);
}

describe('analyzeQuestion', () => {
  it.each([
    ['When is GPT-5 expected?', 'en', 'date', ['GPT-5']],
    ['Quand GPT-5 doit-il sortir ?', 'fr', 'date', ['GPT-5']],
    ['when will gpt 5 launch', 'en', 'date', ['GPT-5']],
    ['GPT5 release date?', 'en', 'date', ['GPT-5']],
    ['Quand Gpt-4.5 sera-t-il dévoilé ?', 'fr', 'date', ['GPT-4.5']],
    ['Has GPT-5 been delayed?', 'en', 'date', ['GPT-5']],
    ['Who hosts OpenAI\'s models?', 'en', 'partnership', ['OpenAI']],
    ['Qui héberge les modèles d\'openai ?', 'fr', 'partnership', ['OpenAI']],
    ['Quel partenariat Mistral AI a-t-il conclu avec Microsoft ?', 'fr', 'partnership', ['Mistral AI', 'Microsoft']],
    ['Quel est le nom de code de GPT-4.5 ?', 'fr', 'fact', ['GPT-4.5']],
    ['How much has Microsoft invested in OpenAI?', 'en', 'fact', ['Microsoft', 'OpenAI']],
    ['Combien de puces GB200 Oracle va-t-il acheter ?', 'fr', 'fact', ['GB200', 'Oracle']],
    ['Qui est le PDG d\'OpenAI ?', 'fr', 'fact', ['OpenAI']],
    ['Which reasoning model will GPT-5 fold in?', 'en', 'fact', ['GPT-5']],
    ['When will o3 ship?', 'en', 'date', ['o3']],
    ['Who won the 2024 Champions League final?', 'en', 'fact', []],
  ])('GIVEN %j THEN language %s, kind %s, subjects %j', (question, language, kind, subjects) => {
    const analysis = analyze(question);
    expect(analysis.language).toBe(language);
    expect(analysis.kind).toBe(kind);
    expect(analysis.subjects.map((s) => s.canonical)).toEqual(subjects);
    expect(analysis.followUp).toBe(false);
  });

  it.each([
    ['What is GPT-4.5\'s codename?', 'code-name'],
    ['How much will the Stargate Project invest?', 'amount'],
    ['How many GB200 chips does Oracle plan to buy?', 'count'],
    ['Who will chair Stargate?', 'person'],
    ['Where is the first Stargate data centre being built?', 'place'],
    ['Quel modèle de raisonnement sera intégré à GPT-5 ?', 'name'],
    ['Quelle est la fenêtre de contexte de Mistral Large ?', 'other'],
  ])('GIVEN the fact question %j THEN it targets %s', (question, target) => {
    const analysis = analyze(question);
    expect(analysis.kind).toBe('fact');
    expect(analysis.target).toBe(target);
  });

  it.each([
    ['When will GPT-4.5 be unveiled?', 'unveiling', false],
    ['Quand Microsoft compte-t-il héberger GPT-4.5 ?', 'deployment', false],
    ['GPT-5 a-t-il été reporté ?', 'postponement', true],
    ['When was Gemini 2.0 Flash released?', 'release', true],
    ['When is GPT-5 expected?', null, false],
  ])('GIVEN the date question %j THEN the event is %s and past is %s', (question, event, past) => {
    const analysis = analyze(question);
    expect(analysis.event).toBe(event);
    expect(analysis.past).toBe(past);
  });

  it('GIVEN "who hosts" THEN the tie asked about is cloud; "who invests" is investment', () => {
    expect(analyze("Who hosts OpenAI's models?").nature).toBe('cloud');
    expect(analyze('Qui investit dans OpenAI ?').nature).toBe('investment');
    expect(analyze('Who supplies chips to Oracle?').nature).toBe('chips');
  });

  it('GIVEN a follow-up in English THEN it keeps the previous intent with the new subject', () => {
    const analysis = analyze('and GPT-4.5?', 'Quand GPT-5 doit-il sortir ?');
    expect(analysis.followUp).toBe(true);
    expect(analysis.kind).toBe('date');
    expect(analysis.language).toBe('en');
    expect(analysis.subjects.map((s) => s.canonical)).toEqual(['GPT-4.5']);
    expect(analysis.searchQuery).toBe('Quand GPT-4.5 doit-il sortir ?');
  });

  it('GIVEN « et GPT-4.5 ? » after a code-name question THEN it asks GPT-4.5\'s code name, in French', () => {
    const analysis = analyze('et GPT-4.5 ?', 'What is the code name of GPT-5?');
    expect(analysis).toMatchObject({ followUp: true, kind: 'fact', target: 'code-name', language: 'fr' });
    expect(analysis.subjects.map((s) => s.canonical)).toEqual(['GPT-4.5']);
  });

  it('GIVEN a full question after another THEN it is not treated as a follow-up', () => {
    const analysis = analyze('Who hosts OpenAI\'s models?', 'When is GPT-5 expected?');
    expect(analysis.followUp).toBe(false);
    expect(analysis.kind).toBe('partnership');
  });

  it('GIVEN no article names GPT-5 THEN the question names no subject: names come from the articles, not from a list', () => {
    expect(analyzeQuestion('when will gpt 5 launch').subjects).toEqual([]);
    expect(analyze('when will gpt 5 launch').subjects.map((s) => s.canonical)).toEqual(['GPT-5']);
  });

  it('GIVEN a company no list holds, named by the articles THEN the question is about it in any case', () => {
    const article = { ...seed, id: 'kering', text: 'Le groupe Kering lancera sa nouvelle marque en mars 2025.' };
    const kering = new FactBook([extractFacts(article)], [article]);
    expect(analyzeQuestion('Quand Kering lancera-t-il sa marque ?', undefined, { findNames: (t) => kering.findNames(t) }).subjects).toMatchObject([{ canonical: 'Kering', kind: 'company' }]);
  });

  it('GIVEN a code name the articles taught THEN it resolves to its subject', () => {
    const analysis = analyzeQuestion('When will Orion be released?', undefined, { aliases: new Map([['orion', 'GPT-4.5']]) });
    expect(analysis.subjects.map((s) => s.canonical)).toEqual(['GPT-4.5']);
  });
});
