import { describe, expect, it } from 'vitest';
import { embedLength } from '../../bot/embedDraft';
import { renderPartners, renderTimeline } from '../../bot/renderFacts';
import { renderSources } from '../../bot/renderSources';
import type { Citation } from '../../src/passages/citation';
import type { TimelineEvent } from '../../src/facts/factBook';
import { partnerTies, tieArrow } from '../../src/facts/partnerTies';
import { partnersText } from '../../src/cli/formatOutput';

const citation = (i: number, snippet = 'GPT-5 était prévu pour fin 2024.'): Citation => ({
  articleId: `a${i}`, source: `s${i}.txt`, title: `Article ${i}`, published: '2024-06-01', url: null, start: 0, end: snippet.length, snippet,
});

const event = (i: number, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  subject: 'GPT-5', event: 'release', when: 'fin 2024', start: '2024-10-01', end: '2024-12-31', status: 'planned', citation: citation(i), superseded: false, ...extra,
});

describe('renderTimeline', () => {
  it('GIVEN a date moved by a later article THEN the old date is struck through and marked as moved', () => {
    const embed = renderTimeline(
      { subject: 'GPT-5', events: [event(1, { superseded: true }), event(2, { when: 'début 2025', start: '2025-01-01', end: '2025-03-31', status: 'postponed' })] },
      'gpt-5',
    );
    expect(embed.description).toBe(
      '• **GPT-5** release: ~~“fin 2024”~~ → 2024-10-01 to 2024-12-31 · planned, later moved [1]\n' +
        '• **GPT-5** release: “début 2025” → 2025-01-01 to 2025-03-31 · postponed [2]',
    );
    expect(embed.fields?.map((f) => f.name)).toEqual(['[1] Article 1', '[2] Article 2']);
  });

  it('GIVEN two claims quoting the same snippet THEN they share one source number', () => {
    const embed = renderTimeline({ subject: 'GPT-5', events: [event(1), event(1, { event: 'launch' })] }, null);
    expect(embed.fields).toHaveLength(1);
    expect(embed.description).toContain('launch: “fin 2024” → 2024-10-01 to 2024-12-31 · planned [1]');
  });

  it('GIVEN an unresolved relative date THEN no range is invented', () => {
    const embed = renderTimeline({ subject: 'GPT-4.5', events: [event(1, { subject: 'GPT-4.5', when: 'dans quelques semaines', start: null, end: null, relative: true })] }, null);
    expect(embed.description).toBe('• **GPT-4.5** release: “dans quelques semaines” · planned [1]');
  });

  it('GIVEN 60 long claims THEN 20 are listed, the rest counted, within every limit', () => {
    const events = Array.from({ length: 60 }, (_, i) => event(i, { citation: citation(i, 'mot '.repeat(2000)) }));
    const embed = renderTimeline({ subject: 'GPT-5', events }, null);
    expect(embed.fields).toHaveLength(20);
    expect(embed.description?.endsWith('…and 40 more')).toBe(true);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    for (const f of embed.fields!) expect(f.value.length).toBeLessThanOrEqual(1024);
  });
});

describe('renderPartners', () => {
  it('GIVEN a mutual tie THEN it is drawn both ways', () => {
    const embed = renderPartners({ company: 'Mistral AI', partners: [{ a: 'Mistral AI', b: 'Microsoft', nature: 'distribution', direction: 'mutual', citation: citation(1) }] }, 'mistral');
    expect(embed.description).toBe('• **Mistral AI** ↔ **Microsoft**: distribution [1]');
  });
});

describe('renderSources', () => {
  it('GIVEN 500 articles THEN as many as fit are listed and the rest counted', () => {
    const sources = Array.from({ length: 500 }, (_, i) => ({ source: `s${i}.txt`, title: `Article numéro ${i} sur l'IA générative`, published: null, language: 'en' as const, url: null, passages: 3 }));
    const embed = renderSources(sources);
    expect(embed.title).toBe('500 indexed articles');
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toMatch(/…and \d+ more$/);
    expect(embed.description).toContain('• **Article numéro 0 sur l\'IA générative** · undated · English');
    expect(embed.footer?.text).toBe('1500 passages searchable');
  });

  it('GIVEN no article THEN it says so', () => {
    expect(renderSources([]).description).toBe('No article is indexed yet.');
  });
});

describe('renderPartners with many sources', () => {
  it('GIVEN one tie stated by five articles THEN one line cites up to three of them, each with its field', () => {
    const partners = Array.from({ length: 5 }, (_, i) => ({ a: 'Microsoft', b: 'OpenAI', nature: 'cloud' as const, direction: 'a-to-b' as const, citation: citation(i) }));
    const embed = renderPartners({ company: 'Microsoft', partners }, 'Microsoft');
    expect(embed.description).toBe('• **Microsoft** → **OpenAI**: cloud and hosting [1][2][3]');
    expect(embed.fields).toHaveLength(3);
  });

  it('GIVEN 30 ties THEN 20 are listed, every marker has its field, within 25 fields', () => {
    const partners = Array.from({ length: 60 }, (_, i) => ({ a: 'Microsoft', b: `Partner ${i % 30}`, nature: 'investment' as const, direction: 'a-to-b' as const, citation: citation(i) }));
    const embed = renderPartners({ company: 'Microsoft', partners }, 'Microsoft');
    const markers = [...embed.description!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(embed.description).toMatch(/…and 10 more$/);
    expect(Math.max(...markers)).toBe(embed.fields!.length);
    expect(embed.fields!.length).toBeLessThanOrEqual(24);
  });
});

describe('partners stated both ways round', () => {
  const tie = (i: number, a: string, b: string, direction: 'mutual' | 'a-to-b' = 'mutual') => ({ a, b, nature: 'other' as const, direction, citation: citation(i, `${a} et ${b} sont partenaires.`) });

  it('GIVEN « Renault et Nissan » in one article and « Nissan et Renault » in another THEN one tie, the company asked first, cited by both', () => {
    const map = { company: 'Renault', partners: [tie(1, 'Renault', 'Nissan'), tie(2, 'Nissan', 'Renault'), tie(3, 'Renault', 'Mitsubishi Motors')] };
    expect(partnerTies(map).map((t) => [tieArrow(t), t.claims.length])).toEqual([['Renault ↔ Nissan', 2], ['Renault ↔ Mitsubishi Motors', 1]]);
    const embed = renderPartners(map, 'renault');
    expect(embed.description?.split('\n')).toEqual(['• **Renault** ↔ **Nissan**: partnership [1][3]', '• **Renault** ↔ **Mitsubishi Motors**: partnership [2]']);
    expect(partnersText(map).match(/^- /gmu)).toHaveLength(2);
    expect(partnersText(map)).toContain('- Renault ↔ Nissan: partnership\n    "Renault et Nissan sont partenaires." (s1.txt, 2024-06-01)\n    "Nissan et Renault sont partenaires." (s2.txt, 2024-06-01)');
  });

  it('GIVEN a directed tie stated with the partner first THEN the arrow keeps its direction, and it is not merged with the tie the other way', () => {
    const map = { company: 'OpenAI', partners: [tie(1, 'Microsoft', 'OpenAI', 'a-to-b'), tie(2, 'OpenAI', 'Microsoft', 'a-to-b')] };
    expect(partnerTies(map).map((t) => tieArrow(t))).toEqual(['Microsoft → OpenAI', 'OpenAI → Microsoft']);
  });
});
