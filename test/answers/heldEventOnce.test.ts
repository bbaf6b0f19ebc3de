import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askVerbatim, loadWrittenFixture, writtenStory, type NewsFixture } from './newsFixture';

/** Events held on their day (matches, elections) are each their own story: the answer's own claim must not come back as another event. */
let news: NewsFixture;


beforeAll(async () => {
  news = await loadWrittenFixture({
    'lisbonne.md': writtenStory('Football : la finale à Lisbonne', '2020-07-10', 'La finale de la Ligue des champions aura lieu le 23 août à Lisbonne, à huis clos.'),
    'municipales.md': writtenStory('Elections', '2020-05-22', 'Le second tour des élections municipales aura lieu le 28 juin, a annoncé le Premier ministre.'),
    'meteo.md': writtenStory('Un orage sur la Bretagne', '2020-06-10', 'Un orage violent a frappé la Bretagne le 9 juin, sans faire de victime.'),
  });
});
afterAll(() => news?.close());

describe('the date of an event held on its day', () => {
  it('GIVEN one sentence dating a final THEN the answer gives its date once, not again under « Par ailleurs »', async () => {
    const answer = await askVerbatim(news, 'Quand aura lieu la finale de la Ligue des champions ?');
    expect(answer.value).toMatch(/23 août 2020/u);
    expect(answer.answer.match(/23 août 2020/gu) ?? [], answer.answer).toHaveLength(1);
  });
});
