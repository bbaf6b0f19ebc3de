import { escapeMarkdown } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { escapeAll, fitText, quoteBlock, safeUrl } from '../../bot/discordLimits';

describe('fitText', () => {
  it('GIVEN text that fits THEN it is unchanged', () => {
    expect(fitText('GPT-5 arrive fin mai.', 100)).toBe('GPT-5 arrive fin mai.');
  });

  it('GIVEN long text THEN it is cut at a word boundary with an ellipsis, within the limit', () => {
    const text = 'OpenAI prévoit de lancer GPT-5 fin mai, selon plusieurs sources proches du dossier.';
    const cut = fitText(text, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toBe('OpenAI prévoit de lancer GPT-5 fin mai…');
  });

  it('GIVEN one endless word THEN it is cut hard, still within the limit', () => {
    const cut = fitText('x'.repeat(5000), 1024);
    expect(cut).toHaveLength(1024);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('GIVEN emoji at the cut THEN no half surrogate pair is left', () => {
    const cut = fitText('😀'.repeat(100), 51);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut).toBe(`${'😀'.repeat(25)}…`);
  });

  it('GIVEN tiny or empty limits THEN it never throws', () => {
    expect(fitText('hello world', 1)).toBe('…');
    expect(fitText('hello world', 0)).toBe('');
    expect(fitText('', 10)).toBe('');
  });
});

describe('quoteBlock', () => {
  it('GIVEN Markdown and several lines THEN every line is quoted and escaped', () => {
    expect(quoteBlock('Le modèle *Orion*\n# Titre\n- liste', 200)).toBe('> Le modèle \\*Orion\\*\n> \\# Titre\n> \\- liste');
  });

  it('GIVEN a snippet full of Markdown THEN the escaped quote still fits its limit', () => {
    const quoted = quoteBlock('*_~`|'.repeat(400), 300);
    expect(quoted.length).toBeLessThanOrEqual(300);
    expect(quoted.startsWith('> ')).toBe(true);
  });
});

describe('escapeAll', () => {
  const samples = [
    'Le modèle *Orion* (GPT-4.5) sortira dans quelques semaines.',
    'snake_case et __init__ dans le code, **gras** et ___trois___',
    'Voir https://example.com/a_b_c et <https://example.com/*x*> puis <:emoji_name:123456789012345678>',
    '# Titre\n- puce\n1. premier\n[lien](https://example.com) `code` ~~barré~~ ||secret||',
    'OpenAI prévoit de lancer GPT-5 fin mai, selon plusieurs sources proches du dossier.',
    '',
  ];

  it('GIVEN text with or without the characters Markdown uses THEN it is escaped exactly as discord.js escapes it', () => {
    for (const text of samples) {
      expect(escapeAll(text), text).toBe(escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }));
    }
    expect(escapeAll('a *b* _c_ __d__')).toBe('a \\*b\\* \\_c\\_ \\_\\_d\\_\\_');
  });
});

describe('safeUrl', () => {
  it('GIVEN odd URLs THEN only http(s) is linked, parentheses encoded', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://fr.wikipedia.org/wiki/GPT_(modèle)')).toBe('https://fr.wikipedia.org/wiki/GPT_%28mod%C3%A8le%29');
  });
});
