import { describe, expect, it } from 'vitest';
import { extractHtmlArticle } from '../../src/articles/htmlArticle';

describe('extractHtmlArticle', () => {
  it('GIVEN no og:title THEN the title is the <title> without the site name', () => {
    const { metadata } = extractHtmlArticle(
      '<html><head><title>Grève à la SNCF ce week-end - Le Quotidien</title></head><body><h1>Grève à la SNCF</h1><p>Un TGV sur deux circulera samedi.</p></body></html>',
    );
    expect(metadata.title).toBe('Grève à la SNCF ce week-end');
  });

  it('GIVEN a French title with a colon THEN the title is kept whole', () => {
    const { metadata } = extractHtmlArticle('<html><head><title>GPT-5 : la sortie repoussée</title></head><body><p>OpenAI a confirmé un retard.</p></body></html>');
    expect(metadata.title).toBe('GPT-5 : la sortie repoussée');
  });

  it('GIVEN no <title> THEN the first <h1> is the title', () => {
    const { metadata } = extractHtmlArticle('<html><body><h1>Le Louvre fermé après une panne</h1><p>Le musée est resté fermé mardi.</p></body></html>');
    expect(metadata.title).toBe('Le Louvre fermé après une panne');
  });

  it('GIVEN a short page THEN its text is kept, one block a paragraph, without menus, scripts or footer', () => {
    const { text } = extractHtmlArticle(
      '<html><body><nav><a>Accueil</a><a>Sport</a></nav><p>Un TGV sur deux circulera samedi.</p><p>La direction appelle à reporter les trajets.</p><footer>Mentions légales</footer><script>track()</script></body></html>',
    );
    expect(text).toBe('Un TGV sur deux circulera samedi.\n\nLa direction appelle à reporter les trajets.');
  });

  it('GIVEN an HTML fragment without <html> or <body> THEN its text is read', () => {
    expect(extractHtmlArticle('<p>Meta dévoile <b>Llama 3</b>.</p><p>Deux tailles sont proposées.</p>').text).toBe(
      'Meta dévoile Llama 3.\n\nDeux tailles sont proposées.',
    );
  });

  it('GIVEN a page with nothing but navigation and scripts THEN the text is empty', () => {
    expect(extractHtmlArticle('<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>').text).toBe('');
  });

  it('GIVEN head metadata THEN language, canonical URL and publication time are read', () => {
    const { metadata } = extractHtmlArticle(
      '<html lang="en-GB"><head><link rel="canonical" href="https://news.example.com/a"><meta name="date" content="2024-12-11"></head><body><p>Google unveiled Gemini 2.0.</p></body></html>',
    );
    expect(metadata).toMatchObject({ language: 'en-GB', url: 'https://news.example.com/a', published: '2024-12-11' });
  });
});
