import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, writtenStory, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'sondages.md': writtenStory(
      'Présidentielle : les sondages',
      '2017-04-10',
      "Le premier tour de la présidentielle aura lieu le 23 avril 2017. Les candidats multiplient les meetings avant l'élection présidentielle.",
    ),
    'municipales.md': writtenStory('Municipales', '2020-05-22', 'Le second tour des élections municipales aura lieu le 28 juin, a annoncé le Premier ministre.'),
    'orage.md': writtenStory('Un orage sur la Bretagne', '2020-06-10', 'Un orage violent a frappé la Bretagne le 9 juin, sans faire de victime.'),
  });
});
afterAll(() => news?.close());

describe('a question about one of things counted in order (a round, a stage)', () => {
  it('GIVEN only the first round dated THEN the second round gets no date, and the first round keeps its own', async () => {
    const second = await askVerbatim(news, 'Quand a eu lieu le second tour de la présidentielle 2017 ?');
    expect(second.value ?? '', second.answer).not.toMatch(/23 avril/u);
    const first = await askVerbatim(news, 'Quand a eu lieu le premier tour de la présidentielle 2017 ?');
    expect(first.value, first.answer).toMatch(/23 avril 2017/u);
  });
});
