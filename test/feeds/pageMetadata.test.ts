import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/feeds/canonicalUrl';
import { readPageMetadata } from '../../src/feeds/pageMetadata';
import { publicationDate } from '../../src/feeds/publicationDate';
import { AIRBUS, MISTRAL, SNCF, STELLANTIS, storyPage } from './newsSite';

const URL_OF = (slug: string) => `https://news.example/${slug}`;

describe('readPageMetadata', () => {
  it('GIVEN a JSON-LD NewsArticle in a @graph THEN its date, headline and publisher are read', () => {
    const metadata = readPageMetadata(storyPage(AIRBUS, { canonical: '/canonical/airbus' }), URL_OF(AIRBUS.slug));
    expect(metadata).toEqual({
      canonicalUrl: 'https://news.example/canonical/airbus',
      title: AIRBUS.title,
      published: '2025-03-04T08:15:00+01:00',
      modified: null,
      outlet: 'Le Quotidien',
      language: 'fr',
    });
  });

  it('GIVEN og: and article: meta tags THEN the date keeps the offset the outlet printed', () => {
    const metadata = readPageMetadata(storyPage(STELLANTIS), URL_OF(STELLANTIS.slug));
    expect(metadata).toMatchObject({ published: '2025-02-10T14:00:00+01:00', outlet: 'Auto Actu', title: STELLANTIS.title, canonicalUrl: null });
  });

  it('GIVEN only a <time datetime> in the article THEN that is the date', () => {
    expect(readPageMetadata(storyPage(SNCF), URL_OF(SNCF.slug)).published).toBe('2025-02-20T18:30:00+01:00');
  });

  it('GIVEN a page without metadata THEN every field but the language is null', () => {
    expect(readPageMetadata(storyPage(MISTRAL), URL_OF(MISTRAL.slug))).toEqual({
      canonicalUrl: null,
      title: null,
      published: null,
      modified: null,
      outlet: null,
      language: 'en',
    });
  });

  it('GIVEN a broken JSON-LD block THEN the meta tags still give the date', () => {
    const page = '<html><head><script type="application/ld+json">{not json</script><meta property="article:published_time" content="2025-01-05"></head><body></body></html>';
    expect(readPageMetadata(page, 'https://news.example/x').published).toBe('2025-01-05');
  });
});

describe('publicationDate', () => {
  it('GIVEN the forms feeds and pages write THEN an ISO date-time keeping the offset, or a date', () => {
    expect(publicationDate('Tue, 04 Mar 2025 07:15:00 GMT')).toBe('2025-03-04T07:15:00Z');
    expect(publicationDate('Fri, 14 Feb 2025 09:30:00 +0100')).toBe('2025-02-14T09:30:00+01:00');
    expect(publicationDate('2025-02-14T23:30:00-05:00')).toBe('2025-02-14T23:30:00-05:00');
    expect(publicationDate('2025-02-14')).toBe('2025-02-14');
    expect(publicationDate('14 février 2025')).toBe('2025-02-14');
    expect(publicationDate('2025-02-30T10:00:00Z')).toBeNull();
    expect(publicationDate('soon')).toBeNull();
  });
});

describe('canonicalUrl', () => {
  it('GIVEN tracking parameters, a fragment and the AMP forms THEN the article URL is the one page', () => {
    const page = 'https://www.lequotidien.example/economie/airbus-a350';
    expect(canonicalUrl(`${page}?utm_source=rss&utm_medium=feed&xtor=RSS-1#comments`)).toBe(page);
    expect(canonicalUrl('https://www.lequotidien.example/amp/economie/airbus-a350')).toBe(page);
    expect(canonicalUrl(`${page}/amp/`)).toBe(page);
    expect(canonicalUrl(`${page}?amp=1`)).toBe(page);
    expect(canonicalUrl('https://www-lequotidien-example.cdn.ampproject.org/c/s/www.lequotidien.example/economie/airbus-a350')).toBe(page);
    expect(canonicalUrl('https://news.example/story.amp.html')).toBe('https://news.example/story.html');
    expect(canonicalUrl('HTTPS://News.Example:443/a?b=2&a=1&fbclid=xyz')).toBe('https://news.example/a?a=1&b=2');
  });

  it('GIVEN parameters that pick the article THEN they are kept', () => {
    expect(canonicalUrl('https://news.example/article.php?id=42&page=2')).toBe('https://news.example/article.php?id=42&page=2');
    expect(canonicalUrl('https://news.example/article.php?id=42')).not.toBe(canonicalUrl('https://news.example/article.php?id=43'));
  });
});
