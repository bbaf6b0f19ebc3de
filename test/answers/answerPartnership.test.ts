import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answers/analyzeQuestion';
import { answerPartnershipFromClaims } from '../../src/answers/answerPartnership';
import { CitationList } from '../../src/answers/citationList';
import type { PartnershipClaim } from '../../src/facts/fact';

function claim(i: number, a: string, b: string, direction: PartnershipClaim['direction'] = 'mutual'): PartnershipClaim {
  const snippet = `${a} et ${b} renforcent leur alliance (${i}).`;
  return { a, b, nature: 'other', direction, citation: { articleId: `a${i}`, source: `s${i}.txt`, title: `Article ${i}`, published: '2020-05-27', url: null, start: 0, end: snippet.length, snippet } };
}

describe('partnership answers', () => {
  it('GIVEN « Renault et Nissan » in one article and « Nissan et Renault » in another THEN one line for the tie, the company asked first, cited by both', () => {
    const citations = new CitationList();
    const found = answerPartnershipFromClaims(
      analyzeQuestion('Qui est le partenaire de Renault ?'),
      'Renault',
      [claim(1, 'Renault', 'Nissan'), claim(2, 'Nissan', 'Renault'), claim(3, 'Renault', 'Mitsubishi Motors')],
      citations,
    );
    expect(found?.partners).toEqual(['Nissan', 'Mitsubishi Motors']);
    expect(found?.text.split('\n')).toEqual([
      'Partenaires de Renault cités : Nissan et Mitsubishi Motors.',
      'Renault et Nissan sont partenaires [1][2].',
      'Renault et Mitsubishi Motors sont partenaires [3].',
    ]);
    expect(citations.list().map((c) => c.articleId)).toEqual(['a1', 'a2', 'a3']);
  });

  it('GIVEN a directed tie with the partner providing THEN the sentence keeps who provides to whom', () => {
    const found = answerPartnershipFromClaims(analyzeQuestion('Who works with OpenAI?'), 'OpenAI', [{ ...claim(1, 'Microsoft', 'OpenAI', 'a-to-b'), nature: 'investment' }], new CitationList());
    expect(found?.text).toBe('Microsoft invests in OpenAI [1].');
  });
});
