import { describe, expect, it } from 'vitest';
import type { NumberedCitation } from '../../src/answers/answer';
import { checkChatAnswer } from '../../src/answers/checkChatAnswer';

function citation(n: number, snippet: string): NumberedCitation {
  return { n, snippet, start: 0, end: snippet.length, articleId: `a${n}`, source: `s${n}.md`, title: `T${n}`, published: null, url: null };
}

const available = [citation(1, 'GPT-5 devrait être officiellement lancé fin mai.'), citation(2, 'GPT-4.5, nommé Orion, est considéré comme le "travail final".')];

describe('checkChatAnswer', () => {
  it('GIVEN markers that exist and verbatim quotes THEN accepts, renumbered in order of first use with only the used citations', () => {
    const check = checkChatAnswer('Orion [2]. The article says « nommé Orion » [2].', available);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.answer).toBe('Orion [1]. The article says « nommé Orion » [1].');
    expect(check.citations.map((c) => [c.n, c.articleId])).toEqual([[1, 'a2']]);
  });

  it('GIVEN a marker that does not exist THEN rejects it, naming it', () => {
    expect(checkChatAnswer('End of May [9].', available)).toEqual({ ok: false, reason: 'cites [9], which does not exist' });
  });

  it('GIVEN a quote that is not in the cited snippet THEN rejects, even if another snippet holds it', () => {
    expect(checkChatAnswer('It is "expected in June" [1].', available).ok).toBe(false);
    expect(checkChatAnswer('« nommé Orion » [1].', available).ok).toBe(false);
  });

  it('GIVEN an empty answer or one that cites nothing THEN rejects', () => {
    expect(checkChatAnswer('   ', available)).toEqual({ ok: false, reason: 'empty answer' });
    expect(checkChatAnswer('GPT-5 comes out in May.', available)).toEqual({ ok: false, reason: 'cites no snippet' });
  });
});
