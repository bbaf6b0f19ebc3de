import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language';
import { resolveDateExpression } from '../../src/facts/resolveDateExpression';

type Row = [expression: string, published: string | null, language: Language, start: string | null, end: string | null, relative: boolean, past?: boolean];

const FRENCH: Row[] = [
  ['fin mai', '2025-02', 'fr', '2025-05-21', '2025-05-31', false],
  ['fin de mai', '2025-02', 'fr', '2025-05-21', '2025-05-31', false],
  ['début mars', '2025-02', 'fr', '2025-03-01', '2025-03-10', false],
  ['mi-avril', '2025-02', 'fr', '2025-04-11', '2025-04-20', false],
  ['début de 2025', '2025-02', 'fr', '2025-01-01', '2025-03-31', false],
  ['au début de 2025', '2024-11', 'fr', '2025-01-01', '2025-03-31', false],
  ['fin de 2024', '2025-02', 'fr', '2024-10-01', '2024-12-31', false],
  ["d'ici la fin de 2024", '2024-06', 'fr', '2024-10-01', '2024-12-31', false],
  ['mi-2025', '2025-02', 'fr', '2025-05-01', '2025-08-31', false],
  ['au printemps', '2025-02', 'fr', '2025-03-01', '2025-05-31', false],
  ['cet été', '2025-02', 'fr', '2025-06-01', '2025-08-31', true],
  ['T3 2025', null, 'fr', '2025-07-01', '2025-09-30', false],
  ['au troisième trimestre', '2025-02', 'fr', '2025-07-01', '2025-09-30', false],
  ['le premier semestre 2026', null, 'fr', '2026-01-01', '2026-06-30', false],
  ['dans quelques semaines', '2025-02', 'fr', '2025-02-08', '2025-04-11', true],
  ['dans quelques semaines', '2025-02-10', 'fr', '2025-02-17', '2025-03-24', true],
  ['la semaine prochaine', '2025-02-12', 'fr', '2025-02-17', '2025-02-23', true],
  ['dès la semaine prochaine', '2025-02-12', 'fr', '2025-02-17', '2025-02-23', true],
  ["à Noël l'année dernière", '2025-02', 'fr', '2024-12-01', '2024-12-31', true],
  ["l'année prochaine", '2025', 'fr', '2026-01-01', '2026-12-31', true],
  ['le mois prochain', '2025-06-12', 'fr', '2025-07-01', '2025-07-31', true],
  ['il y a deux semaines', '2025-02-12', 'fr', '2025-01-29', '2025-01-29', true],
  ['le 12 mars 2025', null, 'fr', '2025-03-12', '2025-03-12', false],
  ['1er avril', '2025-02', 'fr', '2025-04-01', '2025-04-01', false],
  ['mars 2024', '2025-02', 'fr', '2024-03-01', '2024-03-31', false],
  ['en mars', '2025-06', 'fr', '2026-03-01', '2026-03-31', false],
  ['en mars', '2025-06', 'fr', '2025-03-01', '2025-03-31', false, true],
  ['juin dernier', '2025-03-08', 'fr', '2024-06-01', '2024-06-30', false],
  ['en 2026', null, 'fr', '2026-01-01', '2026-12-31', false],
  ['du 7 au 11 avril 2021', '2020-03-20', 'fr', '2021-04-07', '2021-04-11', false],
  ['du 25 au 29 mars', '2020-03-10', 'fr', '2020-03-25', '2020-03-29', false],
  ['du 30 mars au 2 avril', '2020-03-10', 'fr', '2020-03-30', '2020-04-02', false],
];

const ENGLISH: Row[] = [
  ['the end of May', '2025-02-13', 'en', '2025-05-21', '2025-05-31', false],
  ['late May', '2025-02', 'en', '2025-05-21', '2025-05-31', false],
  ['early 2025', '2024', 'en', '2025-01-01', '2025-03-31', false],
  ['by the end of 2024', '2024-06', 'en', '2024-10-01', '2024-12-31', false],
  ['mid-2025', '2025-02', 'en', '2025-05-01', '2025-08-31', false],
  ['this summer', '2025-02', 'en', '2025-06-01', '2025-08-31', true],
  ['Q3 2025', null, 'en', '2025-07-01', '2025-09-30', false],
  ['Q1', '2025-11', 'en', '2026-01-01', '2026-03-31', false],
  ['the third quarter of 2025', null, 'en', '2025-07-01', '2025-09-30', false],
  ['H2 2025', null, 'en', '2025-07-01', '2025-12-31', false],
  ['in a few weeks', '2025-02-10', 'en', '2025-02-17', '2025-03-24', true],
  ['next week', '2025-02-12', 'en', '2025-02-17', '2025-02-23', true],
  ['last week', '2025-02-12', 'en', '2025-02-03', '2025-02-09', true],
  ['next month', '2025-01-31', 'en', '2025-02-01', '2025-02-28', true],
  ['later this year', '2025-02-10', 'en', '2025-02-10', '2025-12-31', true],
  ['by the end of the year', '2025-02', 'en', '2025-10-01', '2025-12-31', true],
  ['at Christmas last year', '2025-02', 'en', '2024-12-01', '2024-12-31', true],
  ['March 12, 2025', null, 'en', '2025-03-12', '2025-03-12', false],
  ['April 29', '2025-04-10', 'en', '2025-04-29', '2025-04-29', false],
  ['May 2025', null, 'en', '2025-05-01', '2025-05-31', false],
  ['in March', '2025-06', 'en', '2026-03-01', '2026-03-31', false],
  ['on Tuesday', '2025-02-12', 'en', '2025-02-11', '2025-02-11', true, true],
  ['on Wednesday', '2024-12-11', 'en', '2024-12-11', '2024-12-11', true, true],
  ['two weeks ago', '2025-02-12', 'en', '2025-01-29', '2025-01-29', true],
  ['in 2026', null, 'en', '2026-01-01', '2026-12-31', false],
  ['April 7-11, 2021', null, 'en', '2021-04-07', '2021-04-11', false],
  ['from 7 to 11 April', '2020-03-20', 'en', '2020-04-07', '2020-04-11', false],
];

describe('resolveDateExpression', () => {
  it.each([...FRENCH, ...ENGLISH])('GIVEN "%s" published %s (%s) THEN %s..%s', (expression, published, language, start, end, relative, past) => {
    expect(resolveDateExpression(expression, published, language, { past })).toEqual({ start, end, relative });
  });

  it.each<[string, Language]>([
    ['dans quelques semaines', 'fr'],
    ['la semaine prochaine', 'fr'],
    ["l'année dernière", 'fr'],
    ['in a few weeks', 'en'],
    ['next week', 'en'],
    ['tomorrow', 'en'],
  ])('GIVEN no publication date THEN the relative "%s" stays unresolved', (expression, language) => {
    expect(resolveDateExpression(expression, null, language)).toEqual({ start: null, end: null, relative: true });
  });

  it('GIVEN no publication date THEN a month without a year stays unresolved but an absolute date resolves', () => {
    expect(resolveDateExpression('fin mai', null, 'fr')).toMatchObject({ start: null, end: null });
    expect(resolveDateExpression('fin mai 2025', null, 'fr')).toMatchObject({ start: '2025-05-21', end: '2025-05-31' });
  });

  it('GIVEN a publication date known only to the year THEN week-level relative expressions stay unresolved', () => {
    expect(resolveDateExpression('next week', '2025', 'en')).toEqual({ start: null, end: null, relative: true });
  });

  it('GIVEN a first plan without a year THEN the date nearest the article, either side, not the past one a year back', () => {
    expect(resolveDateExpression('le 5 avril', '2020-03-17', 'fr', { past: true })).toMatchObject({ start: '2019-04-05' });
    expect(resolveDateExpression('le 5 avril', '2020-03-17', 'fr', { past: true, nearest: true })).toMatchObject({ start: '2020-04-05', end: '2020-04-05' });
    expect(resolveDateExpression('en décembre', '2025-02-10', 'fr', { nearest: true })).toMatchObject({ start: '2024-12-01', end: '2024-12-31' });
    expect(resolveDateExpression('au printemps', '2025-02-10', 'fr', { nearest: true })).toMatchObject({ start: '2025-03-01' });
  });

  it('GIVEN a first plan without a year half a year away from its article THEN the past one, not a plan for next year', () => {
    expect(resolveDateExpression('le 5 janvier', '2020-07-10', 'fr', { past: true, nearest: true })).toMatchObject({ start: '2020-01-05' });
    expect(resolveDateExpression('le 20 décembre', '2020-06-10', 'fr', { past: true, nearest: true })).toMatchObject({ start: '2019-12-20' });
    expect(resolveDateExpression('le 15 septembre', '2020-07-10', 'fr', { past: true, nearest: true })).toMatchObject({ start: '2020-09-15' });
  });

  it('GIVEN a score or a day beside a month THEN no day range is read ("3-1 le 5 mars")', () => {
    expect(resolveDateExpression('3-1 le 5 mars', '2020-03-20', 'fr', { past: true })).toEqual({ start: '2020-03-05', end: '2020-03-05', relative: false });
  });

  it('GIVEN a month cut from its sentence ("juillet" of « présentée en juillet ») THEN it is read in the sentence: the whole month, not nothing nor its first day', () => {
    const french = 'La réforme, présentée en juillet par le haut-commissaire, a été critiquée par les syndicats.';
    expect(resolveDateExpression('juillet', '2019-11-20', 'fr', { sentence: french, at: french.indexOf('juillet') })).toEqual({ start: '2019-07-01', end: '2019-07-31', relative: false });
    const english = 'The reform, which the government unveiled in July, was criticised by the unions.';
    expect(resolveDateExpression('July', '2019-11-21', 'en', { sentence: english, at: english.indexOf('July') })).toEqual({ start: '2019-07-01', end: '2019-07-31', relative: false });
  });

  it('GIVEN "before" THEN the range ends the day before, with an open start', () => {
    expect(resolveDateExpression('avant mars 2025', null, 'fr')).toEqual({ start: null, end: '2025-02-28', relative: false });
  });

  it('GIVEN words that are not dates THEN nothing is resolved', () => {
    expect(resolveDateExpression('GPT-2024', '2025-02', 'fr')).toEqual({ start: null, end: null, relative: false });
    expect(resolveDateExpression('the model may launch', '2025-02', 'en')).toEqual({ start: null, end: null, relative: false });
    expect(resolveDateExpression('le modèle a été reporté', '2025-02', 'fr')).toEqual({ start: null, end: null, relative: false });
  });
});
