import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import type { Language } from '../../src/text/language';
import { extractFacts } from '../../src/facts/extractFacts';
import { FactBook } from '../../src/facts/factBook';
import { resolveDateExpression } from '../../src/facts/resolveDateExpression';

function article(id: string, text: string, published: string, language: Language = 'fr'): Article {
  return { id, source: `${id}.txt`, title: id, language, published, url: null, text };
}

function claimsOf(a: Article) {
  return extractFacts(a).dates.map(({ subject, event, status, when, start, end, formerPlan }) => ({ subject, event, status, when, start, end, formerPlan: formerPlan ?? false }));
}

// 17 September 2025 is a Wednesday; 17 January 2025 a Friday.
const TWINGO = article(
  'twingo',
  "Renault a annoncé mardi que la nouvelle Twingo électrique sera présentée le 13 octobre au Mondial de l'automobile de Paris. " +
    'La Twingo devait initialement être présentée au printemps 2025.',
  '2025-09-17',
);

describe('dates by event and role', () => {
  it('GIVEN "X a annoncé mardi que Y sera présentée le 13 octobre" THEN the announcement (the Tuesday before) and the unveiling are two claims about Y', () => {
    const claims = claimsOf(TWINGO);
    expect(claims).toContainEqual(expect.objectContaining({ subject: 'Twingo', event: 'announcement', status: 'done', when: 'mardi', start: '2025-09-16' }));
    expect(claims).toContainEqual(expect.objectContaining({ subject: 'Twingo', event: 'unveiling', status: 'planned', when: '13 octobre', start: '2025-10-13' }));
  });

  it('GIVEN a place after the date ("le 13 octobre au Mondial de Paris") THEN the place is not the subject', () => {
    expect(claimsOf(TWINGO).map((c) => c.subject)).not.toContain('Paris');
    expect(claimsOf(TWINGO).map((c) => c.subject)).not.toContain('Mondial');
  });

  it('GIVEN "devait initialement être présentée au printemps 2025" THEN a first plan (planned, not done), superseded by the current date', () => {
    const claims = claimsOf(TWINGO);
    expect(claims).toContainEqual({ subject: 'Twingo', event: 'unveiling', status: 'planned', when: 'au printemps 2025', start: '2025-03-01', end: '2025-05-31', formerPlan: true });
    const events = new FactBook([extractFacts(TWINGO)], [TWINGO]).timeline('Twingo').events;
    expect(events.find((e) => e.when === 'au printemps 2025')?.superseded).toBe(true);
    expect(events.find((e) => e.when === '13 octobre')?.superseded).toBe(false);
  });

  it('GIVEN another article of the same day that recalls the first plan THEN that first plan moves nothing', () => {
    const current = article('current', 'La Twingo électrique sera présentée le 13 octobre.', '2025-09-17');
    const recall = article('recall', 'La Twingo devait initialement être présentée au printemps 2025.', '2025-09-17');
    const events = new FactBook([extractFacts(current), extractFacts(recall)], [current, recall]).timeline('Twingo').events;
    expect(events.find((e) => e.when === '13 octobre')?.superseded).toBe(false);
  });

  it('GIVEN an announcement and a later plan THEN the announcement neither moves the plan nor is moved by it', () => {
    const switch2 = article('switch', 'Nintendo announced on Thursday that the Switch 2 will launch on June 5.', '2025-01-17', 'en');
    const events = new FactBook([extractFacts(switch2)], [switch2]).timeline('Switch 2').events;
    expect(events.map(({ event, start, superseded }) => ({ event, start, superseded }))).toEqual([
      { event: 'announcement', start: '2025-01-16', superseded: false },
      { event: 'launch', start: '2025-06-05', superseded: false },
    ]);
  });

  it('GIVEN an unveiling before the launch THEN the unveiling is its own event, not a plan the launch moved', () => {
    const switch2 = article('switch', 'Nintendo will present the Switch 2 on Wednesday. The Switch 2 will launch on June 5.', '2025-01-17', 'en');
    const events = new FactBook([extractFacts(switch2)], [switch2]).timeline('Switch 2').events;
    expect(events.map(({ event, start, superseded }) => ({ event, start, superseded }))).toEqual([
      { event: 'unveiling', start: '2025-01-22', superseded: false },
      { event: 'launch', start: '2025-06-05', superseded: false },
    ]);
  });
});

describe('weekdays resolved by the tense of their sentence', () => {
  // 8 March 2025 is a Saturday.
  const published = '2025-03-08';
  const rows: Array<[sentence: string, expression: string, language: Language, day: string]> = [
    ['Apple a reconnu vendredi que la nouvelle Siri demandera plus de temps que prévu.', 'vendredi', 'fr', '2025-03-07'],
    ['Apple présentera vendredi la nouvelle Siri.', 'vendredi', 'fr', '2025-03-14'],
    ['Vendredi, Apple a annoncé un report de la nouvelle Siri.', 'Vendredi', 'fr', '2025-03-07'],
    ['Le groupe a indiqué mercredi que la mise à jour sera disponible le mois prochain.', 'mercredi', 'fr', '2025-03-05'],
    ['Renault a notamment annoncé vendredi la suppression de 15.000 emplois.', 'vendredi', 'fr', '2025-03-07'],
    ['Le constructeur a également confirmé jeudi son plan d\'économies.', 'jeudi', 'fr', '2025-03-06'],
    ['Apple said on Friday that the new Siri would take longer than planned.', 'Friday', 'en', '2025-03-07'],
    ['Apple will unveil the new Siri on Friday.', 'Friday', 'en', '2025-03-14'],
  ];
  for (const [sentence, expression, language, day] of rows) {
    it(`GIVEN "${sentence}" THEN "${expression}" is ${day}, whatever the question's tense`, () => {
      for (const assumePast of [true, false]) {
        const resolved = resolveDateExpression(expression, published, language, { sentence, assumePast });
        expect(resolved.start).toBe(day);
      }
    });
  }

  it('GIVEN a sentence whose clause gives no tense THEN the assumed tense decides', () => {
    const sentence = 'Prochaine étape vendredi.';
    expect(resolveDateExpression('vendredi', published, 'fr', { sentence, assumePast: true }).start).toBe('2025-03-07');
    expect(resolveDateExpression('vendredi', published, 'fr', { sentence, assumePast: false }).start).toBe('2025-03-14');
  });
});
