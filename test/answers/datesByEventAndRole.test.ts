import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadNewsFixture, loadWrittenFixture, type NewsFixture } from './newsFixture';

/**
 * Articles written for the test whose sentences date something next to the
 * asked event: a reform's first step in an « avec » phrase, a lockdown's end,
 * a declaration's weekday, a product's presentation.
 */
let news: NewsFixture;

const article = (title: string, published: string, text: string) => `---\ntitle: "${title}"\npublished: ${published}\nlang: fr\n---\n${text}\n`;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'chomage.md': article(
      'Assurance chômage : ce qui change',
      '2019-07-18',
      "Le gouvernement a présenté mardi sa réforme de l'assurance chômage. Les différentes mesures de la réforme entreront en vigueur progressivement, avec un premier train le 1er novembre 2019 (ouverture aux démissionnaires et aux indépendants).",
    ),
    'deconfinement.md': article(
      'Pécresse et le déconfinement',
      '2020-04-20',
      'La présidente de région a répondu aux questions des auditeurs sur la crise sanitaire. "Il faut tenir un discours de vérité : le déconfinement, il commencera le 11 mai et il sera progressif", a déclaré sur France Inter Valérie Pécresse.',
    ),
    'ferrand.md': article(
      'Soutien à Richard Ferrand',
      '2019-09-13',
      'Le Premier ministre Édouard Philippe a également exprimé jeudi soir sur TF1 son amitié et son soutien total à Richard Ferrand, mis en examen.',
    ),
    'militante.md': article(
      'Les démocrates du comté en campagne',
      '2020-10-12',
      "Elue démocrate du comté, son bureau est décoré de photos d'elle avec Barack Obama ou encore Joe Biden. Elle dit que le porte-à-porte n'est pas possible cette année avec la pandémie.",
    ),
    'jeux.md': article(
      'Les Jeux de Tokyo maintenus',
      '2020-03-17',
      "La flamme olympique doit arriver au Japon vendredi. Les Jeux olympiques de Tokyo auront bien lieu, a déclaré mardi la ministre japonaise des Sports, malgré l'épidémie.",
    ),
  });
});
afterAll(() => news?.close());

describe('a date answers the event and the role asked about', () => {
  it('GIVEN « …entreront en vigueur progressivement, avec un premier train le 1er novembre 2019 » THEN that date answers when the reform takes effect', async () => {
    const answer = await askVerbatim(news, "Quand la réforme de l'assurance chômage entre-t-elle en vigueur ?");
    expect(answer.abstained, answer.answer).toBe(false);
    expect(answer.value).toBe('1er novembre 2019');
  });

  it('GIVEN only « le déconfinement, il commencera le 11 mai » THEN the lockdown\'s start is not the day it ends: no article says it, so Scoop declines', async () => {
    const answer = await askVerbatim(news, 'Quand le confinement a-t-il commencé ?');
    expect(answer.answer).not.toContain('11 mai');
    expect(answer.abstained, answer.answer).toBe(true);
  });

  it('GIVEN « Philippe a également exprimé jeudi soir son soutien » THEN that Thursday is not when he was appointed', async () => {
    const answer = await askVerbatim(news, 'Quand Edouard Philippe a-t-il été nommé Premier ministre ?');
    expect(answer.answer.split('\n')[0]).not.toMatch(/septembre|jeudi/u);
    expect(answer.abstained, answer.answer).toBe(true);
  });

  it('GIVEN « cette année » in a sentence that names nothing asked, after one where someone else was elected THEN it does not date Joe Biden\'s election', async () => {
    const answer = await askVerbatim(news, 'Quand Joe Biden a-t-il été élu ?');
    expect(answer.answer.split('\n')[0]).not.toContain('2020');
    expect(answer.abstained, answer.answer).toBe(true);
  });

  it('GIVEN « … auront bien lieu, a déclaré mardi la ministre » THEN the Tuesday dates the statement, not the Games', async () => {
    const answer = await askVerbatim(news, 'Quand les Jeux olympiques de Tokyo auront-ils lieu ?');
    expect(answer.answer.split('\n')[0]).not.toMatch(/17 mars|mardi/u);
    expect(answer.abstained, answer.answer).toBe(true);
  });
});

describe('a presentation does not date availability', () => {
  let siri: NewsFixture;
  beforeAll(async () => {
    siri = await loadNewsFixture('test/fixtures/news');
  });
  afterAll(() => siri?.close());

  it('GIVEN « Siri, présentée en juin dernier » THEN June is not when the new Siri is available', async () => {
    const answer = await askVerbatim(siri, 'Quand la nouvelle Siri sera-t-elle disponible ?');
    expect(answer.answer.split('\n')[0]).not.toContain('juin 2024');
  });
});
