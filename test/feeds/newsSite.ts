/** Small, real-looking news pages and feeds for the feed tests, served by `LocalServer`. */

export interface StoryFixture {
  slug: string;
  title: string;
  paragraphs: string[];
  /** ISO date-time the page declares (how depends on `dated`). */
  published: string;
  /** How the page declares its date: JSON-LD, article: meta tags, a <time>, or not at all. */
  dated: 'json-ld' | 'meta' | 'time' | 'none';
  outlet: string;
  lang: 'fr' | 'en';
}

export const AIRBUS: StoryFixture = {
  slug: 'airbus-a350-1000-air-france',
  title: 'Airbus livrera le premier A350-1000 à Air France en 2026',
  paragraphs: [
    'Airbus a confirmé mardi que le premier A350-1000 destiné à Air France sera livré au printemps 2026, avec six mois de retard sur le calendrier annoncé l’an dernier.',
    'Le constructeur européen explique ce décalage par des difficultés d’approvisionnement chez ses fournisseurs de sièges et de moteurs, qui pèsent sur toute la filière aéronautique.',
    'La compagnie française a commandé quinze appareils de ce type pour remplacer ses Boeing 777 les plus anciens sur les lignes long-courriers vers l’Asie et l’Amérique du Nord.',
  ],
  published: '2025-03-04T08:15:00+01:00',
  dated: 'json-ld',
  outlet: 'Le Quotidien',
  lang: 'fr',
};

export const STELLANTIS: StoryFixture = {
  slug: 'stellantis-catl-batteries-espagne',
  title: 'Stellantis et CATL construiront une usine de batteries en Espagne',
  paragraphs: [
    'Stellantis et le chinois CATL ont annoncé la création d’une coentreprise pour construire une usine de batteries LFP à Saragosse, en Espagne, pour un investissement de 4,1 milliards d’euros.',
    'La production doit démarrer fin 2026 et atteindre cinquante gigawattheures par an, de quoi équiper plusieurs centaines de milliers de voitures électriques du groupe chaque année.',
    'Le constructeur franco-italien cherche ainsi à réduire le coût de ses modèles d’entrée de gamme, face à la concurrence des marques chinoises sur le marché européen.',
  ],
  published: '2025-02-10T14:00:00+01:00',
  dated: 'meta',
  outlet: 'Auto Actu',
  lang: 'fr',
};

export const MISTRAL: StoryFixture = {
  slug: 'mistral-data-centre-paris',
  title: 'Mistral AI opens a data centre near Paris with Nvidia chips',
  paragraphs: [
    'Mistral AI said on Monday it will open its first data centre in Essonne, south of Paris, equipped with eighteen thousand Nvidia Grace Blackwell chips supplied under a multi-year agreement.',
    'The French start-up expects the site to be running by the end of the year, and says the capacity will serve both its own models and European companies that want their data kept in France.',
    'The announcement comes a week before an artificial intelligence summit in Paris, where the government hopes to attract more investment in computing infrastructure.',
  ],
  published: '2025-02-03T09:00:00Z',
  dated: 'none',
  outlet: 'Tech Wire',
  lang: 'en',
};

export const SNCF: StoryFixture = {
  slug: 'greve-sncf-trafic',
  title: 'Grève à la SNCF : le trafic reprendra progressivement jeudi',
  paragraphs: [
    'La SNCF prévoit un retour progressif du trafic jeudi après trois jours de grève des contrôleurs, avec neuf TGV sur dix et deux TER sur trois en circulation selon la direction.',
    'Les syndicats ont suspendu le mouvement après un accord sur les primes de fin d’année, mais préviennent qu’ils pourraient appeler à une nouvelle grève pendant les vacances de printemps.',
    'Les voyageurs dont le train a été supprimé peuvent échanger ou se faire rembourser leur billet sans frais jusqu’à dimanche, a précisé l’entreprise dans un communiqué.',
  ],
  published: '2025-02-20T18:30:00+01:00',
  dated: 'time',
  outlet: 'Rail Info',
  lang: 'fr',
};

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The HTML page of a story, its metadata declared the way `story.dated` says, its canonical URL given when asked. */
export function storyPage(story: StoryFixture, options: { canonical?: string; paragraphs?: string[] } = {}): string {
  const paragraphs = options.paragraphs ?? story.paragraphs;
  const head: string[] = [`<title>${escape(story.title)} | ${escape(story.outlet)}</title>`];
  if (options.canonical) head.push(`<link rel="canonical" href="${escape(options.canonical)}">`);
  if (story.dated === 'json-ld') {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: story.outlet },
        { '@type': 'NewsArticle', headline: story.title, datePublished: story.published, publisher: { '@type': 'Organization', name: story.outlet } },
      ],
    };
    head.push(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
  }
  if (story.dated === 'meta') {
    head.push(`<meta property="og:site_name" content="${escape(story.outlet)}">`);
    head.push(`<meta property="og:title" content="${escape(story.title)}">`);
    head.push(`<meta property="article:published_time" content="${story.published}">`);
  }
  const time = story.dated === 'time' ? `<p class="byline">Publié le <time datetime="${story.published}">20 février</time></p>` : '';
  return `<!DOCTYPE html><html lang="${story.lang}"><head><meta charset="utf-8">${head.join('')}</head><body>
<header><nav><a href="/">Accueil</a> <a href="/economie">Économie</a> <a href="/tech">Tech</a></nav></header>
<main><article><h1>${escape(story.title)}</h1>${time}
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article></main>
<footer><p>© ${escape(story.outlet)} — tous droits réservés. Mentions légales. Contact.</p></footer>
</body></html>`;
}

/** An RSS 2.0 feed whose items link to `base + slug` (or the `link` given). */
export function rssFeed(title: string, base: string, items: { story: StoryFixture; link?: string; description?: string; content?: string }[]): string {
  const entries = items.map(({ story, link, description, content }) => {
    const url = link ?? `${base}/${story.slug}`;
    return `<item><title>${escape(story.title)}</title><link>${escape(url)}</link><guid isPermaLink="false">${story.slug}</guid>
<pubDate>${new Date(story.published).toUTCString()}</pubDate><description>${escape(description ?? story.paragraphs[0])}</description>${
      content ? `<content:encoded><![CDATA[${content}]]></content:encoded>` : ''
    }</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escape(title)}</title><link>${base}/</link><description>Les dernières nouvelles</description>
${entries.join('\n')}
</channel></rss>`;
}

/** An Atom feed of the stories. */
export function atomFeed(title: string, base: string, stories: StoryFixture[]): string {
  const entries = stories.map(
    (story) => `<entry><title type="html">${escape(escape(story.title))}</title><id>tag:${story.slug}</id><link rel="alternate" href="${base}/${story.slug}"/>
<published>${story.published}</published><updated>${story.published}</updated><summary>${escape(story.paragraphs[0])}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>tag:${base}</id><updated>2025-03-04T08:15:00Z</updated>
<link rel="alternate" href="${base}/"/>${entries.join('\n')}</feed>`;
}

/** A JSON Feed 1.1 of the stories. */
export function jsonFeed(title: string, base: string, stories: StoryFixture[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: `${base}/`,
    items: stories.map((story) => ({
      id: story.slug,
      url: `${base}/${story.slug}`,
      title: story.title,
      date_published: story.published,
      content_html: story.paragraphs.map((p) => `<p>${escape(p)}</p>`).join(''),
    })),
  });
}
