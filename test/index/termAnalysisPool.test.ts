import { describe, expect, it } from 'vitest';
import { TermAnalysisPool } from '../../src/index/termAnalysisPool';
import type { LexicalDocument } from '../../src/index/lexicalIndex';
import { analyzeTerms } from '../../src/text/analyzeTerms';

const TEXTS: [string, 'fr' | 'en'][] = [
  ["OpenAI a annoncé que le lancement de GPT-5 est reporté à l'été.", 'fr'],
  ['French start-up Mistral AI has signed a partnership with Microsoft.', 'en'],
  ['', 'fr'],
  ['Le XV de France a battu l’Écosse ; Antoine Dupont a marqué deux essais.', 'fr'],
];

describe('TermAnalysisPool', () => {
  it('GIVEN many passages THEN worker threads give exactly the terms analyzeTerms gives, batch by batch in order', async () => {
    const documents: LexicalDocument[] = Array.from({ length: 1300 }, (_, i) => ({ id: `p${i}`, text: `${TEXTS[i % 4][0]} ${i}`, language: TEXTS[i % 4][1] }));
    documents[3].text = '';
    const pool = new TermAnalysisPool(2);
    const seen: string[] = [];
    try {
      await pool.analyze(documents, (batch) => seen.push(batch[0].id));
    } finally {
      await pool.close();
    }
    expect(seen).toEqual(['p0', 'p512', 'p1024']);
    for (const document of documents) expect(document.terms, document.id).toEqual(analyzeTerms(document.text, document.language));
  });

  it('GIVEN a batch of passages with no terms at all THEN each gets an empty list of terms', async () => {
    const documents: LexicalDocument[] = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, text: i % 2 ? '' : 'le la les', language: 'fr' }));
    const pool = new TermAnalysisPool(1);
    try {
      await pool.analyze(documents);
    } finally {
      await pool.close();
    }
    for (const document of documents) expect(document.terms, document.id).toEqual([]);
  });
});
