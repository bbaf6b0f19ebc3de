import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, writtenStory, type NewsFixture } from './newsFixture';

let news: NewsFixture;


beforeAll(async () => {
  news = await loadWrittenFixture({
    'abstention.md': writtenStory(
      'Municipales : une abstention record redoutée au second tour',
      '2020-06-15',
      "L'abstention pourrait battre un record au second tour des municipales, redoutent les sondeurs. Au second tour des municipales, les électeurs des grandes villes seraient les plus nombreux à bouder les urnes. " +
        'Les maires sortants craignent que le second tour des municipales ne se joue sur la mobilisation.',
    ),
    'campagne.md': writtenStory(
      'Second tour des municipales : la campagne reprend',
      '2020-06-02',
      'La campagne du second tour des municipales reprend dans les villes où aucun maire n’a été élu. Les candidats du second tour des municipales devront respecter les gestes barrières. ' +
        'Les réunions publiques du second tour des municipales restent limitées.',
    ),
    'date.md': writtenStory(
      'Le gouvernement fixe le calendrier électoral',
      '2020-05-22',
      'Le Premier ministre a détaillé vendredi le plan de déconfinement des écoles, des commerces et des transports, région par région. ' +
        'Les collèges rouvriront dans les départements verts, les lycées attendront. Les restaurants pourront accueillir des clients en terrasse. ' +
        'Le second tour des élections municipales aura lieu le 28 juin, a-t-il annoncé. La décision reste réversible si la situation sanitaire se dégrade.',
    ),
    'meteo.md': writtenStory('Un orage sur la Bretagne', '2020-06-10', 'Un orage violent a frappé la Bretagne le 9 juin, sans faire de victime.'),
    'presidentielle.md': writtenStory('La présidentielle dans deux ans', '2020-06-01', 'La présidentielle aura lieu dans deux ans, rappellent les partis.'),
  });
});
afterAll(() => news?.close());

describe('a question that names nothing, answered by a sentence that says all it asks about', () => {
  it('GIVEN « Quand aura lieu le second tour des municipales ? » and articles that fit as well ranked first THEN the date is given from the sentence that holds every word', async () => {
    const answer = await askVerbatim(news, 'Quand aura lieu le second tour des municipales ?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer.split('\n')[0]).toMatch(/28 juin 2020/u);
  });

  it('GIVEN a question whose words the sentences hold only in part THEN no date is taken from an article about something else', async () => {
    const answer = await askVerbatim(news, 'Quand aura lieu le second tour de la présidentielle ?');
    expect(answer.value ?? '').not.toMatch(/28 juin|9 juin/u);
  });
});

describe('a sentence that shares words with the question by chance does not stand for its article', () => {
  let chance: NewsFixture;

  beforeAll(async () => {
    chance = await loadWrittenFixture({
      'sondage.md': writtenStory(
        'Présidentielle : le second tour de l’élection s’annonce serré',
        '2017-04-20',
        "Le second tour de l'élection présidentielle s'annonce serré, selon un sondage. Les électeurs de l'élection présidentielle hésitent encore. " +
          "Au second tour de l'élection présidentielle, les reports de voix décideront.",
      ),
      'debat.md': writtenStory(
        'Le débat du second tour de la présidentielle',
        '2017-04-28',
        "Le débat du second tour de l'élection présidentielle opposera les deux finalistes. Les deux équipes de l'élection présidentielle préparent le second tour.",
      ),
      'legislatives.md': writtenStory(
        'Législatives : les électeurs de retour aux urnes',
        '2017-06-17',
        "Un peu plus d'un mois après la présidentielle qui a porté le nouveau chef de l'Etat au pouvoir, les électeurs sont à nouveau appelés aux urnes ce dimanche 18 juin pour le second tour des élections législatives.",
      ),
    });
  });
  afterAll(() => chance?.close());

  it('GIVEN a sentence that holds the asked words far apart (« présidentielle » long before « second tour des élections législatives ») THEN its date is not the answer', async () => {
    const answer = await askVerbatim(chance, "Quand aura lieu le second tour de l'élection présidentielle ?");
    expect(answer.value ?? '').not.toMatch(/18 juin/u);
  });
});

describe('a sentence that holds the asked words only as the start of longer ones', () => {
  let tourism: NewsFixture;

  beforeAll(async () => {
    tourism = await loadWrittenFixture({
      'campagne.md': writtenStory(
        'Élections : la campagne du second tour reprend',
        '2020-06-02',
        'La campagne du second tour des élections reprend dans les villes. Les candidats du second tour des élections devront respecter les gestes barrières. ' +
          'Les réunions publiques du second tour des élections restent limitées.',
      ),
      'abstention.md': writtenStory(
        'Élections : une abstention record redoutée au second tour',
        '2020-06-15',
        "L'abstention pourrait battre un record au second tour des élections, redoutent les sondeurs. Au second tour des élections, les électeurs des grandes villes seraient nombreux à bouder les urnes.",
      ),
      'tourisme.md': writtenStory(
        'Tourisme : la saison sauvée ?',
        '2020-06-05',
        "Les professionnels de l'hôtellerie attendent l'été avec impatience. Une seconde vague de touristes étrangers est attendue après les élections, à partir du 12 juillet, selon le ministère. Les réservations restent timides.",
      ),
      'meteo.md': writtenStory('Un orage sur la Bretagne', '2020-06-10', 'Un orage violent a frappé la Bretagne le 9 juin, sans faire de victime.'),
      'fete.md': writtenStory('Rennes : la ville en fête', '2020-06-11', 'Rennes a organisé sa fête de la musique en petit comité.'),
    });
  });
  afterAll(() => tourism?.close());

  it('GIVEN « seconde vague de touristes … après les élections, à partir du 12 juillet » THEN « Quand aura lieu le second tour des élections ? » does not get its date', async () => {
    const answer = await askVerbatim(tourism, 'Quand aura lieu le second tour des élections ?');
    expect(answer.value ?? '').not.toMatch(/12 juillet/u);
  });
});
