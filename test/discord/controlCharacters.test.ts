import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../bot/renderAnswer';
import type { Answer } from '../../src/answers/answer';

const ESC = '\u001b';

describe('Discord embeds and control characters from the articles', () => {
  it('GIVEN a cited title and snippet holding ANSI escapes and other controls THEN the embed carries none of them', () => {
    const answer: Answer = {
      question: `Quand ${ESC}[31ml’A350-1000\u0007 ?`,
      standaloneQuestion: 'Quand l’A350-1000 ?',
      language: 'fr',
      kind: 'date',
      answer: `Au printemps 2026 ${ESC}]0;pwned\u0007[1].`,
      value: `printemps 2026${ESC}[0m`,
      confidence: 0.8,
      abstained: false,
      citations: [
        {
          n: 1,
          articleId: 'a1',
          source: `airbus${ESC}[2K.md`,
          title: `${ESC}[2JAirbus \u009b31mconfirme`,
          published: '2025-06-01',
          url: null,
          start: 0,
          end: 40,
          snippet: `Mise en service ${ESC}[1mau printemps 2026${ESC}[0m.\u202e`,
        },
      ],
      related: [],
      timings: {},
    };
    const embed = renderAnswer(answer, 3);
    const shown = JSON.stringify(embed);
    expect(JSON.parse(shown)).toEqual(embed);
    expect(Object.values(embed).concat(embed.fields ?? []).map((part) => JSON.stringify(part)).join('')).not.toMatch(/\\u001b|\\u0007|[\u009b\u202e]/u);
    expect(embed.title).toContain('A350-1000');
    expect(embed.fields?.[0].name).toContain('Airbus');
    expect(embed.fields?.[0].value).toContain('au printemps 2026');
  });
});
