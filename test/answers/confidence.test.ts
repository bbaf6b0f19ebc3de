import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

/** One French and one English article, each asked about in both languages. */
let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'siri.md':
      '---\ntitle: Apple repousse la nouvelle Siri\npublished: 2025-03-08\nlang: fr\n---\n' +
      "Apple a annoncé vendredi le report de plusieurs fonctions de Siri promises l'an dernier.\n\n" +
      "Depuis décembre, Siri s'appuie sur ChatGPT, le chatbot d'OpenAI, pour répondre à certaines demandes complexes, dans le cadre d'un partenariat annoncé en juin 2024.\n\n" +
      "Les nouvelles fonctions arriveront au cours de l'année à venir, selon un porte-parole.\n",
    'amarillo.md':
      '---\ntitle: Crusoe secures financing for its Amarillo data centre\npublished: 2025-05-20\nlang: en\n---\n' +
      'Crusoe has secured the financing for its second data centre campus, near Amarillo in Texas, the company said on Tuesday.\n\n' +
      'Barclays lent most of the money through two loans totalling $4.2 billion. The campus will draw 900 megawatts once complete.\n',
  });
});
afterAll(() => news?.close());

describe('the passage reader is as sure of an answer read across languages', () => {
  it('GIVEN an English question answered from a French article THEN it is answered as surely as the French question', async () => {
    const english = await askVerbatim(news, 'Who does Apple rely on for complex Siri requests?');
    const french = await askVerbatim(news, "Sur qui Apple s'appuie-t-il pour les demandes complexes de Siri ?");
    expect(english.abstained, english.answer).toBe(false);
    expect(french.abstained, french.answer).toBe(false);
    expect(english.value).toBe('OpenAI');
    expect(english.citations[0].snippet).toContain("s'appuie sur ChatGPT");
    expect(english.confidence).toBeGreaterThanOrEqual(french.confidence);
  });

  it('GIVEN a French question answered from an English article THEN it is answered as surely as the English question', async () => {
    const french = await askVerbatim(news, "Combien Barclays a-t-il prêté pour le site d'Amarillo ?");
    const english = await askVerbatim(news, 'How much did Barclays lend for the Amarillo site?');
    expect(french.value).toBe('$4.2 billion');
    expect(english.value).toBe('$4.2 billion');
    expect(french.citations[0].snippet).toContain('two loans totalling $4.2 billion');
    expect(french.confidence).toBeGreaterThanOrEqual(english.confidence);
  });
});
