import { MESSAGES } from '../../bot/messages';
import { describe, expect, it } from 'vitest';
import { embedLength } from '../../bot/embedDraft';
import { renderAnswer, renderPassages } from '../../bot/renderAnswer';
import type { Answer, NumberedCitation } from '../../src/answers/answer';
import { FAKE_HITS } from './fakeScoop';

function citation(n: number, snippet: string, extra: Partial<NumberedCitation> = {}): NumberedCitation {
  return { n, articleId: `a${n}`, source: `article-${n}.txt`, title: `Article ${n}`, published: '2025-02-14', url: null, start: 0, end: snippet.length, snippet, ...extra };
}

function answer(fields: Partial<Answer>): Answer {
  return { question: 'When is GPT-5 coming out?', standaloneQuestion: 'When is GPT-5 coming out?', language: 'en', kind: 'date', answer: 'End of May [1].', value: 'End of May', confidence: 0.9, abstained: false, citations: [], related: [], timings: {}, ...fields };
}

function expectWithinLimits(embed: ReturnType<typeof renderAnswer>) {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(256);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(1024);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(6000);
}

describe('renderAnswer', () => {
  it('GIVEN an answer with citations THEN each source is a field "[n] title" with its snippet quoted and its link and date', () => {
    const embed = renderAnswer(
      answer({ citations: [citation(1, 'OpenAI vise fin mai pour GPT-5.', { url: 'https://www.lemonde.fr/tech/gpt5', title: 'GPT-5 en mai' })] }),
      7,
    );
    expect(embed.fields).toEqual([{ name: '[1] GPT-5 en mai', value: '> OpenAI vise fin mai pour GPT-5.\n[lemonde.fr](https://www.lemonde.fr/tech/gpt5) · 2025-02-14' }]);
    expect(embed.footer?.text).toBe('Searched 7 articles');
  });

  it('GIVEN a source without url or date THEN its file name is shown instead of a link', () => {
    const embed = renderAnswer(answer({ citations: [citation(1, 'Texte.', { published: null })] }), 1);
    expect(embed.fields?.[0].value).toBe('> Texte.\narticle-1.txt');
  });

  it('GIVEN huge answers, 40 huge citations and odd characters THEN every Discord limit holds and sources keep their links', () => {
    const snippet = `${'Le *modèle* _Orion_ ~~sort~~ `bientôt` @everyone <@123> 😀 '.repeat(120)}\n# heading\n> quote`;
    const citations = Array.from({ length: 40 }, (_, i) =>
      citation(i + 1, snippet, { title: `Titre ${'très long '.repeat(60)}`, url: `https://example.com/${i}` }),
    );
    const embed = renderAnswer(answer({ question: 'Q '.repeat(400), answer: `${'Réponse [1] '.repeat(800)}`, citations }), 3);
    expectWithinLimits(embed);
    expect(embed.fields).toHaveLength(25);
    expect(embed.fields?.[24]).toEqual({ name: '…', value: 'and 16 more not shown' });
    for (const field of embed.fields!.slice(0, 24)) expect(field.value).toMatch(/\[example\.com\]\(https:\/\/example\.com\/\d+\) · 2025-02-14$/);
    expect(embed.description?.endsWith('…')).toBe(true);
  });

  it('GIVEN an abstention THEN the embed is grey, has no sources and lists related reading', () => {
    const embed = renderAnswer(answer({ abstained: true, answer: "The indexed articles don't say when GPT-6 will be released.", related: FAKE_HITS.slice(0, 2) }), 4);
    expect(embed.color).toBe(0x9ca3af);
    expect(embed.fields?.map((f) => f.name)).toEqual(['Related reading: OpenAI plans GPT-5 for late May', 'Related reading: OpenAI plans GPT-5 for late May']);
    expect(embed.fields?.some((f) => f.name.startsWith('['))).toBe(false);
    expect(embed.footer?.text).toBe('Searched 4 articles · no answer in them');
  });

  it('GIVEN an abstention without related passages THEN there are no fields at all', () => {
    const embed = renderAnswer(answer({ abstained: true, answer: 'Nothing.' }), 4);
    expect(embed.fields).toBeUndefined();
  });

  it('GIVEN blank titles and snippets THEN fields are still non-empty', () => {
    const embed = renderAnswer(answer({ citations: [citation(1, '   ', { title: '  ' })] }), 1);
    expectWithinLimits(embed);
    expect(embed.fields?.[0].name).toBe('[1] Untitled article');
  });
});

describe('renderPassages', () => {
  it('GIVEN no passages THEN it says so', () => {
    expect(renderPassages('Search: x', [], 'Nothing matches.', undefined, MESSAGES.en).description).toBe('Nothing matches.');
  });
});
