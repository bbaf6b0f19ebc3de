import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { buildSearchPeer, loadSearchPeer, SEARCH_PEERS } from '../../src/evaluation/searchPeers';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';

function article(id: string, title: string, text: string, language: 'fr' | 'en' = 'fr'): Article {
  return { id, source: `${id}.txt`, title, language, published: null, url: null, text };
}

const articles = [
  article('volcan', 'Île Saint-Paul', "L'île Saint-Paul est un ancien volcan. Un paléo-volcan constitué de tufs jaunes palagonitiques en forme la base."),
  article('madrid', 'Guerre d’Espagne', 'Le 2 mai 1808, les Madrilènes se soulevèrent contre les troupes françaises stationnées dans la capitale.'),
  article('airbus', 'A350-1000', 'Airbus says the A350-1000 enters service with Qatar Airways early next year.', 'en'),
];
const passages = articles.flatMap((a) => splitIntoPassages(a));

describe('search peers (MiniSearch, Orama) over the same passages', () => {
  for (const name of SEARCH_PEERS) {
    it(`GIVEN ${name} THEN a French question finds its passage (stems, accents) and an English one its English passage`, async () => {
      const peer = await buildSearchPeer(name, { articles, passages });
      const [french] = await peer.search('Quand les madrilènes se sont-ils soulevés ?', 3);
      expect(french.article.id).toBe('madrid');
      expect(french.passage.text).toBe(french.article.text.slice(french.passage.start, french.passage.end));
      const [english] = await peer.search('When does the A350-1000 enter service?', 3);
      expect(english.article.id).toBe('airbus');
    });

    it(`GIVEN ${name} saved and loaded back THEN it ranks as before`, async () => {
      const peer = await buildSearchPeer(name, { articles, passages });
      const loaded = loadSearchPeer(name, { articles, passages }, peer.save());
      const ids = async (p: typeof peer) => (await p.search('volcan tufs', 3)).map((hit) => hit.passage.id);
      expect(await ids(loaded)).toEqual(await ids(peer));
      expect((await ids(loaded))[0]).toMatch(/^volcan/);
    });
  }
});
