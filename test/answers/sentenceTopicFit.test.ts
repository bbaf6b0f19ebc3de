import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

const story = (title: string, published: string, text: string) => `---\ntitle: "${title}"\npublished: ${published}\nlang: fr\n---\n${text}\n`;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'abstention.md': story(
      'Municipales : une abstention record redoutée au second tour',
      '2020-06-15',
      "L'abstention pourrait battre un record au second tour des municipales, redoutent les sondeurs. Au second tour des municipales, les électeurs des grandes villes seraient les plus nombreux à bouder les urnes. " +
        'Les maires sortants craignent que le second tour des municipales ne se joue sur la mobilisation.',
    ),
    'campagne.md': story(
      'Second tour des municipales : la campagne reprend',
      '2020-06-02',
      'La campagne du second tour des municipales reprend dans les villes où aucun maire n’a été élu. Les candidats du second tour des municipales devront respecter les gestes barrières. ' +
        'Les réunions publiques du second tour des municipales restent limitées.',
    ),
    'date.md': story(
      'Le gouvernement fixe le calendrier électoral',
      '2020-05-22',
      'Le Premier ministre a détaillé vendredi le plan de déconfinement des écoles, des commerces et des transports, région par région. ' +
        'Les collèges rouvriront dans les départements verts, les lycées attendront. Les restaurants pourront accueillir des clients en terrasse. ' +
        'Le second tour des élections municipales aura lieu le 28 juin, a-t-il annoncé. La décision reste réversible si la situation sanitaire se dégrade.',
    ),
    'meteo.md': story('Un orage sur la Bretagne', '2020-06-10', 'Un orage violent a frappé la Bretagne le 9 juin, sans faire de victime.'),
    'presidentielle.md': story('La présidentielle dans deux ans', '2020-06-01', 'La présidentielle aura lieu dans deux ans, rappellent les partis.'),
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
