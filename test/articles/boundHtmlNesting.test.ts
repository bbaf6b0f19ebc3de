import { describe, expect, it } from 'vitest';
import { boundHtmlNesting } from '../../src/articles/boundHtmlNesting';
import { extractHtmlArticle } from '../../src/articles/htmlArticle';

/** A page whose one paragraph sits under `levels` nested <div>s, as the repro builds it. */
function nestedPage(levels: number, inner = '<p>OpenAI 2025.</p>'): string {
  return `<html><body>${'<div>'.repeat(levels)}${inner}${'</div>'.repeat(levels)}</body></html>`;
}

describe('boundHtmlNesting', () => {
  it('GIVEN a page within the bound THEN it is returned unchanged, byte for byte', () => {
    const page = '<html><head><title>A &amp; B</title></head><body><div><p>Un <b>TGV</b> sur deux.</p></div></body></html>';
    expect(boundHtmlNesting(page, 64)).toEqual({ html: page, deepest: 5, flattened: false });
  });

  it('GIVEN 20,000 nested <div>s THEN the result nests no deeper than the bound and keeps the text', () => {
    const bounded = boundHtmlNesting(nestedPage(20_000), 64);
    expect(bounded.flattened).toBe(true);
    expect(bounded.deepest).toBe(20_003);
    expect(boundHtmlNesting(bounded.html, 64).deepest).toBeLessThanOrEqual(65);
    expect(bounded.html).toContain('OpenAI 2025.');
    expect(bounded.html.length).toBeLessThan(2_000);
  });

  it('GIVEN 100,000 nested <div>s THEN they are bounded as well (a tree-building pass alone was quadratic: 44 s)', () => {
    const bounded = boundHtmlNesting(nestedPage(100_000), 64);
    expect(bounded.html).toContain('OpenAI 2025.');
    expect(boundHtmlNesting(bounded.html, 64).deepest).toBeLessThanOrEqual(65);
  });

  it('GIVEN hundreds of unclosed <p> and <li> THEN the page is left as it is: the parser closes each before the next', () => {
    const page = `<html><body>${'<p>Un paragraphe.'.repeat(300)}<ul>${'<li>Un point.'.repeat(300)}</ul></body></html>`;
    const bounded = boundHtmlNesting(page, 64);
    expect(bounded.flattened).toBe(false);
    expect(bounded.html === page).toBe(true);
  });

  it('GIVEN a script nested too deep THEN it is removed whole and its code never becomes text', () => {
    const bounded = boundHtmlNesting(nestedPage(100, '<p>Visible.</p><script>var secret = "TRACKER";</script><p>Also visible.</p>'), 10);
    expect(bounded.html).not.toContain('TRACKER');
    expect(bounded.html).toContain('Visible.');
    expect(bounded.html).toContain('Also visible.');
  });
});

describe('extractHtmlArticle over deeply nested pages', () => {
  it('GIVEN 20,000 nested <div>s (215 KB) THEN the paragraph is read instead of overflowing the stack', () => {
    const page = nestedPage(20_000);
    expect(page.length).toBeGreaterThan(215_000);
    expect(extractHtmlArticle(page).text).toBe('OpenAI 2025.');
  });

  it('GIVEN 3,000 and 6,000 levels THEN each is read (these took 25 s and over 100 s)', () => {
    expect(extractHtmlArticle(nestedPage(3_000)).text).toBe('OpenAI 2025.');
    expect(extractHtmlArticle(nestedPage(6_000)).text).toBe('OpenAI 2025.');
  });

  it('GIVEN paragraphs at several depths past the bound THEN each stays a paragraph of its own', () => {
    const page = `<html><body>${'<div>'.repeat(200)}<p>Premier paragraphe.</p>${'<div>'.repeat(50)}<p>Second paragraphe.</p>${'</div>'.repeat(250)}</body></html>`;
    expect(extractHtmlArticle(page, { maxDepth: 20 }).text).toBe('Premier paragraphe.\n\nSecond paragraphe.');
  });

  it('GIVEN 10,000 sibling paragraphs THEN all are read, one block each (the block walk was quadratic: about a minute)', () => {
    const page = `<html><body>${'<p>Un paragraphe.</p>'.repeat(10_000)}</body></html>`;
    const { text } = extractHtmlArticle(page);
    expect(text.split('\n\n')).toHaveLength(10_000);
  });
});
