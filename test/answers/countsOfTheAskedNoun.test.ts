import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

/** Articles that count something next to the noun a question counts, and one that counts the noun itself. */
let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'calais.md':
      '---\ntitle: Rixe entre migrants à Calais\npublished: 2020-07-12\nlang: fr\n---\n' +
      "Une rixe a éclaté samedi soir à Calais entre deux groupes de migrants, selon la préfecture.\n\n" +
      "Cet affrontement, probable règlement de comptes entre passeurs, a fait cinq blessés dont l'un à l'abdomen.\n",
    'maubeuge.md':
      '---\ntitle: Marche pour l\'usine MCA de Maubeuge\npublished: 2020-05-30\nlang: fr\n---\n' +
      "Quelque 250 personnes, élus, syndicalistes et salariés de l'usine MCA de Maubeuge, ont marché samedi en direction du site.\n\n" +
      "Ils protestent contre un projet de transfert de la production de la Kangoo vers Douai.\n",
    'azure.md':
      '---\ntitle: Microsoft et OpenAI renforcent leur partenariat\npublished: 2024-11-02\nlang: fr\n---\n' +
      "Le cluster Azure de Microsoft fournit la puissance de calcul de la série GPT d'OpenAI et consolide la liaison stratégique entre les deux parties.\n",
    'dunkerque.md':
      '---\ntitle: Dunkerque, une ville portuaire\npublished: 2020-02-03\nlang: fr\n---\n' +
      "Dunkerque compte 87 000 habitants, selon le dernier recensement.\n\n" +
      "Son port est le troisième de France.\n",
  });
});
afterAll(() => news?.close());

describe('a "how many X" question is answered only by a count of X', () => {
  it('GIVEN a count of the injured in a story about Calais WHEN asked how many inhabitants Calais has THEN declines', async () => {
    const answer = await askVerbatim(news, "Combien d'habitants compte Calais ?");
    expect(answer.abstained, answer.answer).toBe(true);
    expect(answer.citations).toEqual([]);
  });

  it('GIVEN a count of people among whom are employees WHEN asked how many employees the plant has THEN declines', async () => {
    const answer = await askVerbatim(news, "Combien de salariés compte l'usine MCA de Maubeuge ?");
    expect(answer.abstained, answer.answer).toBe(true);
  });

  it('GIVEN « les deux parties » (the two partners) WHEN asked how many employees OpenAI has THEN declines', async () => {
    const answer = await askVerbatim(news, 'How many employees does OpenAI have?');
    expect(answer.abstained, answer.answer).toBe(true);
  });

  it('GIVEN a count of inhabitants THEN it answers', async () => {
    const answer = await askVerbatim(news, "Combien d'habitants compte Dunkerque ?");
    expect(answer.abstained, answer.answer).toBe(false);
    expect(answer.value).toContain('87 000');
    expect(answer.citations[0].snippet).toContain('87 000 habitants');
  });

  it('GIVEN « combien de personnes » THEN a count of any people answers it (« 250 personnes », as of « salariés »)', async () => {
    const answer = await askVerbatim(news, "Combien de personnes ont marché vers l'usine MCA de Maubeuge ?");
    expect(answer.abstained, answer.answer).toBe(false);
    expect(answer.value).toContain('250');
  });
});
