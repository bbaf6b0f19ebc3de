import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedDocument } from '../../src/feeds/parseFeed';
import { AIRBUS, atomFeed, jsonFeed, MISTRAL, rssFeed, STELLANTIS } from './newsSite';

const BASE = 'https://news.example';

describe('parseFeedDocument', () => {
  it('GIVEN an RSS 2.0 feed THEN every item has its guid as key, absolute link, title, date and the feed copy', () => {
    const feed = parseFeedDocument(rssFeed('Le Fil', BASE, [{ story: AIRBUS, content: '<p>Texte complet.</p>' }, { story: STELLANTIS, link: '/stellantis' }]), `${BASE}/rss.xml`);
    expect(feed).toMatchObject({ format: 'rss', title: 'Le Fil', link: `${BASE}/` });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      key: AIRBUS.slug,
      link: `${BASE}/${AIRBUS.slug}`,
      title: AIRBUS.title,
      published: new Date(AIRBUS.published).toUTCString(),
      contentHtml: '<p>Texte complet.</p>',
    });
    expect(feed.items[1].link).toBe(`${BASE}/stellantis`);
    expect(feed.items[1].contentHtml).toBe(STELLANTIS.paragraphs[0]);
  });

  it('GIVEN an Atom feed with an HTML title THEN the title is plain text and the link the alternate one', () => {
    const feed = parseFeedDocument(atomFeed('Atom & Co', BASE, [AIRBUS, MISTRAL]), `${BASE}/atom.xml`);
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Atom & Co');
    expect(feed.items.map((item) => [item.key, item.link, item.title, item.published])).toEqual([
      [`tag:${AIRBUS.slug}`, `${BASE}/${AIRBUS.slug}`, AIRBUS.title, AIRBUS.published],
      [`tag:${MISTRAL.slug}`, `${BASE}/${MISTRAL.slug}`, MISTRAL.title, MISTRAL.published],
    ]);
  });

  it('GIVEN a JSON Feed THEN its items come out the same way, content_html as the feed copy', () => {
    const feed = parseFeedDocument(jsonFeed('JSON Wire', BASE, [MISTRAL]), `${BASE}/feed.json`);
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({ key: MISTRAL.slug, link: `${BASE}/${MISTRAL.slug}`, title: MISTRAL.title, published: MISTRAL.published });
    expect(feed.items[0].contentHtml).toContain(MISTRAL.paragraphs[1]);
  });

  it('GIVEN malformed XML, an HTML page or broken JSON THEN a FeedParseError says which', () => {
    const reason = (body: string) => {
      try {
        parseFeedDocument(body, BASE);
      } catch (error) {
        expect(error).toBeInstanceOf(FeedParseError);
        return (error as FeedParseError).reason;
      }
      return 'parsed';
    };
    expect(reason('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</item></channel>')).toMatch(/malformed XML/);
    expect(reason('<!DOCTYPE html><html><body><p>Bienvenue</p></body></html>')).toMatch(/not an RSS, Atom or JSON feed/);
    expect(reason('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toMatch(/does not parse/);
  });

  it('GIVEN entity expansion in a DOCTYPE THEN it is not expanded (no billion laughs)', () => {
    let entities = '<!ENTITY a0 "xxxxxxxxxx">';
    for (let i = 1; i < 9; i += 1) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const body = `<?xml version="1.0"?><!DOCTYPE rss [${entities}]><rss version="2.0"><channel><title>&a8;</title><item><title>t</title><link>https://x.example/1</link></item></channel></rss>`;
    const feed = parseFeedDocument(body, BASE);
    expect((feed.title ?? '').length).toBeLessThan(100);
  });
});
