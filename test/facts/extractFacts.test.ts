import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { extractFacts } from '../../src/facts/extractFacts';
import type { ArticleFacts, DateClaim } from '../../src/facts/fact';
import { factsFixture, seedArticle } from './loadFixture';

function citationsAreSlices(article: Article, facts: ArticleFacts): void {
  const citations = [...facts.dates, ...facts.partnerships, ...(facts.aliases ?? [])].map((f) => f.citation);
  expect(citations.length).toBeGreaterThan(0);
  for (const c of citations) {
    expect(c.snippet).toBe(article.text.slice(c.start, c.end));
    expect(c.articleId).toBe(article.id);
  }
}

function about(facts: ArticleFacts, subject: string): DateClaim[] {
  return facts.dates.filter((d) => d.subject === subject);
}

describe('extractFacts on the seed (published 2025-02, French)', () => {
  const seed = seedArticle();
  const facts = extractFacts(seed);

  it('GIVEN the GPT-5 story THEN its three dated claims carry their status and resolved ranges', () => {
    const gpt5 = about(facts, 'GPT-5');
    expect(gpt5.map(({ when, status, start, end }) => ({ when, status, start, end }))).toEqual(
      expect.arrayContaining([
        { when: 'fin mai', status: 'expected', start: '2025-05-21', end: '2025-05-31' },
        { when: "d'ici la fin de 2024", status: 'planned', start: '2024-10-01', end: '2024-12-31' },
        { when: 'début de 2025', status: 'postponed', start: '2025-01-01', end: '2025-03-31' },
      ]),
    );
    expect(gpt5).toHaveLength(3);
    expect(gpt5.find((d) => d.when === 'fin mai')?.event).toBe('launch');
    expect(gpt5.find((d) => d.when === 'début de 2025')?.event).toBe('postponement');
  });

  it('GIVEN each claim THEN its citation is the sentence that states it', () => {
    const finMai = about(facts, 'GPT-5').find((d) => d.when === 'fin mai');
    expect(finMai?.citation.snippet).toMatch(/^Cependant, l'accent est mis sur le GPT-5.*lancé fin mai\.$/);
    const endOf2024 = about(facts, 'GPT-5').find((d) => d.when.includes('2024'));
    expect(endOf2024?.citation.snippet).toContain("lancerait le GPT-2024 (probablement le nom de code GPT-5) d'ici la fin de 2024");
  });

  it('GIVEN "GPT-4.5 sera dévoilé dans quelques semaines" THEN the claim is relative to February 2025', () => {
    const [claim] = about(facts, 'GPT-4.5');
    expect(claim).toMatchObject({ event: 'unveiling', when: 'dans quelques semaines', status: 'planned', relative: true });
    expect(claim.start! > '2025-02-01').toBe(true);
    expect(claim.end! <= '2025-04-30').toBe(true);
  });

  it("GIVEN Microsoft's hosting deployment THEN it is dated next week, planned", () => {
    const [claim] = about(facts, 'Microsoft');
    expect(claim).toMatchObject({ event: 'deployment', when: 'dès la semaine prochaine', status: 'planned', relative: true });
    expect(claim.start! >= '2025-02-01' && claim.end! <= '2025-03-09').toBe(true);
  });

  it('GIVEN Microsoft and OpenAI THEN they are cloud partners, Microsoft providing, cited from the "partenaire de service cloud" sentence', () => {
    const cloud = facts.partnerships.filter((p) => p.nature === 'cloud');
    expect(cloud.length).toBeGreaterThan(0);
    for (const p of cloud) expect(p).toMatchObject({ a: 'Microsoft', b: 'OpenAI', direction: 'a-to-b' });
    expect(cloud.some((p) => p.citation.snippet.includes('principal partenaire de service cloud') && p.citation.snippet.includes('Azure'))).toBe(true);
  });

  it('GIVEN the code names THEN Orion names GPT-4.5 and GPT-2024 (hedged) names GPT-5', () => {
    expect(facts.aliases?.map(({ alias, subject, hedged }) => ({ alias, subject, hedged }))).toEqual([
      { alias: 'Orion', subject: 'GPT-4.5', hedged: false },
      { alias: 'GPT-2024', subject: 'GPT-5', hedged: true },
    ]);
  });

  it('GIVEN subjects without a date THEN no claim is invented (o3, GPT-6, a subject never mentioned)', () => {
    const subjects = new Set(facts.dates.map((d) => d.subject));
    expect(subjects).toEqual(new Set(['GPT-5', 'GPT-4.5', 'Microsoft']));
    expect(about(facts, 'GPT-6')).toEqual([]);
    expect(about(facts, 'Claude 3.5 Sonnet')).toEqual([]);
  });

  it('GIVEN every fact THEN its snippet equals the article text slice', () => {
    citationsAreSlices(seed, facts);
  });
});

describe('extractFacts on the fixtures', () => {
  it('GIVEN an English piece on a quarter-to-quarter delay THEN the old quarter is planned and the new one postponed', () => {
    const article = factsFixture('meta-llama5-delay');
    const facts = extractFacts(article);
    const llama = about(facts, 'Llama 5');
    expect(llama.find((d) => d.when === 'Q3 2025')).toMatchObject({ event: 'postponement', status: 'postponed', start: '2025-07-01', end: '2025-09-30' });
    expect(llama.find((d) => d.when === 'Q2 2025')).toMatchObject({ status: 'planned', start: '2025-04-01', end: '2025-06-30' });
    expect(llama.find((d) => d.when === 'April 29')).toMatchObject({ event: 'unveiling', status: 'planned', start: '2025-04-29', end: '2025-04-29' });
    expect(llama.find((d) => d.when === 'the summer')).toMatchObject({ event: 'deployment', start: '2025-06-01', end: '2025-08-31' });
    expect(facts.dates.some((d) => d.when === 'on Wednesday')).toBe(false);
    citationsAreSlices(article, facts);
  });

  it('GIVEN an English piece on an investment and a chip deal THEN each tie has its nature and direction, and rivals are no partners', () => {
    const article = factsFixture('anthropic-amazon-investment');
    const facts = extractFacts(article);
    const ties = facts.partnerships.map(({ a, b, nature, direction }) => ({ a, b, nature, direction }));
    expect(ties).toEqual(
      expect.arrayContaining([
        { a: 'Amazon', b: 'Anthropic', nature: 'investment', direction: 'a-to-b' },
        { a: 'Amazon', b: 'Anthropic', nature: 'cloud', direction: 'a-to-b' },
        { a: 'Nvidia', b: 'xAI', nature: 'chips', direction: 'a-to-b' },
      ]),
    );
    expect(facts.partnerships.some((p) => [p.a, p.b].includes('OpenAI'))).toBe(false);
    expect(about(facts, 'Claude 4')).toMatchObject([{ event: 'release', status: 'expected', when: 'in the coming months', relative: true }]);
    citationsAreSlices(article, facts);
  });

  it('GIVEN a French piece on a cloud partnership for Mistral THEN OVHcloud hosts Mistral AI and the moved launch is dated', () => {
    const article = factsFixture('mistral-ovhcloud-partenariat');
    const facts = extractFacts(article);
    expect(facts.partnerships.map(({ a, b, nature, direction }) => ({ a, b, nature, direction }))).toEqual([
      { a: 'OVHcloud', b: 'Mistral AI', nature: 'cloud', direction: 'a-to-b' },
      { a: 'Microsoft', b: 'Mistral AI', nature: 'investment', direction: 'a-to-b' },
    ]);
    const large = about(facts, 'Mistral Large 3');
    expect(large.map(({ when, status, start, end }) => ({ when, status, start, end }))).toEqual([
      { when: 'au printemps', status: 'planned', start: '2025-03-01', end: '2025-05-31' },
      { when: 'au troisième trimestre', status: 'postponed', start: '2025-07-01', end: '2025-09-30' },
    ]);
    expect(about(facts, 'Mistral Medium 3')).toMatchObject([{ when: 'dès le mois prochain', start: '2025-07-01', end: '2025-07-31', relative: true }]);
    citationsAreSlices(article, facts);
  });

  it('GIVEN an article without a publication date THEN relative dates stay unresolved and absolute ones resolve', () => {
    const article = factsFixture('openai-undated-rumour');
    expect(article.published).toBeNull();
    const facts = extractFacts(article);
    expect(about(facts, 'GPT-5.5')).toMatchObject([
      { when: 'in a few weeks', start: null, end: null, relative: true, status: 'rumoured' },
      { when: 'next week', start: null, end: null, relative: true, event: 'deployment' },
    ]);
    expect(about(facts, 'GPT-5')).toMatchObject([{ when: 'August 2025', start: '2025-08-01', end: '2025-08-31', status: 'done' }]);
    expect(facts.dates.some((d) => d.subject === 'Azure')).toBe(false);
  });

  it('GIVEN passages THEN the same facts come out, and an empty article gives none', () => {
    const seed = seedArticle();
    const half = seed.text.indexOf('\n') + 1;
    const passages = [
      { id: 'p0', articleId: seed.id, ordinal: 0, start: 0, end: half, text: seed.text.slice(0, half) },
      { id: 'p1', articleId: seed.id, ordinal: 1, start: half, end: seed.text.length, text: seed.text.slice(half) },
    ];
    expect(extractFacts(seed, passages)).toEqual(extractFacts(seed));
    expect(extractFacts({ ...seed, text: '   ' })).toEqual({ articleId: seed.id, dates: [], partnerships: [], aliases: [], names: [] });
  });
});

describe('extractFacts learns names from the text itself', () => {
  function article(text: string): Article {
    return { id: 'learned', source: 'learned.txt', title: 'learned', language: 'fr', published: '2025-02-20', url: null, text };
  }

  it('GIVEN names no list holds THEN they are learned with their kind, versions attached', () => {
    const facts = extractFacts(article("Samsung a dévoilé le Galaxy S25 à San José. Le groupe Stellantis livrera ses batteries. M. Emmanuel Macron était à Paris, où Airbus présentait l'A350-1000 et Apple publiait iOS 18.2."));
    const kinds = Object.fromEntries((facts.names ?? []).map((n) => [n.name, n.kind]));
    expect(kinds).toMatchObject({ 'Galaxy S25': 'product', 'A350-1000': 'product', 'iOS 18.2': 'product', Stellantis: 'organisation', 'Emmanuel Macron': 'person', 'San José': 'place' });
    expect(kinds).not.toHaveProperty('Le');
  });

  it('GIVEN an organisation no list holds, cued as one THEN its dated claim is found', () => {
    const facts = extractFacts(article('Le groupe Kering lancera sa nouvelle marque en mars 2025.'));
    expect(facts.dates).toMatchObject([{ subject: 'Kering', event: 'launch', start: '2025-03-01', end: '2025-03-31' }]);
  });
});

describe('extractFacts precision on tricky sentences', () => {
  function article(text: string, language: 'fr' | 'en', published: string | null = '2025-02-20'): Article {
    return { id: 'inline', source: 'inline.txt', title: 'inline', language, published, url: null, text };
  }

  it('GIVEN a date that dates the saying, not the event THEN no claim for it', () => {
    const facts = extractFacts(article('Le PDG a déclaré lundi que la sortie de GPT-5 aura lieu plus tard.', 'fr'));
    expect(facts.dates).toEqual([]);
  });

  it('GIVEN a negated event THEN no claim, and "pas avant l\'été" opens from the summer', () => {
    expect(extractFacts(article('Google ne lancera pas Gemini 3 en 2025.', 'fr')).dates).toEqual([]);
    const [claim] = extractFacts(article("La sortie de GPT-5 n'aura pas lieu avant l'été.", 'fr')).dates;
    expect(claim).toMatchObject({ subject: 'GPT-5', start: '2025-06-01', end: null });
  });

  it('GIVEN a date opening the sentence THEN the verb after it carries the event', () => {
    const [claim] = extractFacts(article('En mai, OpenAI lancera GPT-5.', 'fr')).dates;
    expect(claim).toMatchObject({ subject: 'GPT-5', event: 'launch', when: 'mai', status: 'planned', start: '2025-05-01', end: '2025-05-31' });
  });

  it('GIVEN a slip "to February" in a February article THEN it is this February, postponed', () => {
    const facts = extractFacts(article('The release of Grok 3, originally expected by the end of 2024, slipped to February.', 'en'));
    expect(facts.dates.map(({ subject, when, status, start }) => ({ subject, when, status, start }))).toEqual([
      { subject: 'Grok 3', when: 'by the end of 2024', status: 'expected', start: '2024-10-01' },
      { subject: 'Grok 3', when: 'February', status: 'postponed', start: '2025-02-01' },
    ]);
  });

  it('GIVEN a cancelled plan THEN the claim is cancelled', () => {
    const [claim] = extractFacts(article('OpenAI cancelled the standalone release of o3 planned for early 2025.', 'en')).dates;
    expect(claim).toMatchObject({ subject: 'o3', status: 'cancelled' });
  });

  it('GIVEN money raised from an investor THEN the investor is a, and three parties give no tie', () => {
    const raised = extractFacts(article("Mistral AI a levé 600 millions d'euros auprès de General Catalyst.", 'fr')).partnerships;
    expect(raised.map(({ a, b, nature, direction }) => ({ a, b, nature, direction }))).toEqual([
      { a: 'General Catalyst', b: 'Mistral AI', nature: 'investment', direction: 'a-to-b' },
    ]);
    expect(extractFacts(article('OpenAI a levé 6,6 milliards de dollars auprès de Microsoft et Nvidia.', 'fr')).partnerships).toEqual([]);
  });

  it('GIVEN rivals THEN no partnership', () => {
    expect(extractFacts(article('Microsoft and Google compete fiercely for enterprise AI customers.', 'en')).partnerships).toEqual([]);
  });
});

describe('extractFacts on general news', () => {
  function article(text: string): Article {
    return { id: 'general', source: 'general.txt', title: 'general', language: 'fr', published: '2025-02-20', url: null, text };
  }

  it('GIVEN dated events that name no company or model THEN no facts', () => {
    const facts = extractFacts(article("Le nouveau pont sera inauguré fin mai. L'armée lancera l'exercice en mars 2025, a annoncé le ministère."));
    expect(facts).toEqual({ articleId: 'general', dates: [], partnerships: [], aliases: [], names: [] });
  });

  it('GIVEN a claim whose name is glued to the passage before it THEN the claim is found as in its own article', () => {
    const heading = 'Le marché attendait une annonce';
    const claim = 'Microsoft lancera son assistant en mai 2025.';
    const glued = article(heading + claim);
    const passages = [
      { id: 'p0', articleId: glued.id, ordinal: 0, start: 0, end: heading.length, text: heading },
      { id: 'p1', articleId: glued.id, ordinal: 1, start: heading.length, end: glued.text.length, text: claim },
    ];
    const withoutCitation = (facts: ArticleFacts) => facts.dates.map(({ citation: _citation, ...date }) => date);
    const found = extractFacts(glued, passages);
    expect(withoutCitation(found)).toEqual(withoutCitation(extractFacts(article(claim))));
    expect(found.dates.map((d) => d.citation.snippet)).toEqual([claim]);
  });

  it('GIVEN a first plan dated without a year THEN it is the date nearest the article, before the plan moved, not a year back', () => {
    const early = { ...article('Renault a confirmé que la Zoe 2, initialement prévue le 5 mars, sortira finalement le 18 juin.'), published: '2020-02-17' };
    const dates = extractFacts(early).dates.map(({ when, start, formerPlan }) => ({ when, start, formerPlan: formerPlan ?? false }));
    expect(dates).toEqual(expect.arrayContaining([{ when: '5 mars', start: '2020-03-05', formerPlan: true }, { when: '18 juin', start: '2020-06-18', formerPlan: false }]));
  });

  it.each([
    ['fr', 'Mistral AI a signé un accord avec Microsoft, qui lui fournira des serveurs.', 'cloud'],
    ['en', 'Mistral AI signed a deal with Microsoft, which will supply it with servers.', 'cloud'],
    ['fr', "Microsoft est entré au capital de Mistral AI dans le cadre d'un accord.", 'investment'],
    ['en', 'Microsoft signed a deal to fund Mistral AI.', 'investment'],
  ] as const)('GIVEN a tie worded with the words a question would use (%s: "%s") THEN its nature is %s, as /partners and "who funds…" read it', (language, text, nature) => {
    const facts = extractFacts({ ...article(text), language });
    expect(facts.partnerships.map(({ a, b, nature }) => ({ a, b, nature }))).toEqual([{ a: 'Microsoft', b: 'Mistral AI', nature }]);
  });

  it.each([
    ['fr', 'Microsoft a confirmé que sa console Xbox Series X sera disponible en précommande à partir du 22 septembre.'],
    ['en', 'Microsoft confirmed that its Xbox Series X console will be available for pre-order from September 22.'],
  ] as const)('GIVEN a pre-order date (%s) THEN it is no release date of the product', (language, text) => {
    const facts = extractFacts({ ...article(text), language, published: '2020-09-09' });
    expect(facts.dates.filter((d) => d.event === 'release')).toEqual([]);
  });

  it('GIVEN a page or a group "baptisé" with a quoted title THEN that title is no code name of the product it is hosted on', () => {
    const facts = extractFacts(
      article(
        'La vidéo postée le 22 juin par l\'enseignante sur sa page Facebook baptisée "La maîtresse, au coin" a été vue des milliers de fois. ' +
          'La militante a créé un groupe Facebook baptisé "Asian America for Black Power".',
      ),
    );
    expect(facts.aliases ?? []).toEqual([]);
  });

  it('GIVEN a code name written in quotes THEN it is still read as the code name', () => {
    const facts = extractFacts(article('OpenAI prépare GPT-4.5 (nom de code : « Orion »), attendu fin mai.'));
    expect((facts.aliases ?? []).map(({ subject, alias }) => ({ subject, alias }))).toContainEqual({ subject: 'GPT-4.5', alias: 'Orion' });
  });

  it('GIVEN a code name used alone in a later sentence THEN the claim is about the product it names', () => {
    const facts = extractFacts(article("OpenAI prépare GPT-4.5, nommé Orion. Le calendrier reste flou. Orion sortira fin mai, selon l'entreprise."));
    expect(facts.dates.map(({ subject, when, start, end }) => ({ subject, when, start, end }))).toEqual([
      { subject: 'GPT-4.5', when: 'fin mai', start: '2025-05-21', end: '2025-05-31' },
    ]);
  });
});

describe('extractFacts: a job title is no tie', () => {
  const article = (text: string): Article => ({ id: 'job', source: 'job.txt', title: 'job', language: 'fr', published: '2019-04-28', url: null, text });

  it('GIVEN « directeur partenariats chez Aramisauto, filiale de PSA » THEN no partnership; a partnership signed still is one', () => {
    const job = extractFacts(article('Seuls 6% de nos clients en avaient bénéficié, a expliqué Anthony Glotin, directeur partenariats chez Aramisauto, filiale de PSA, au Parisien.'));
    expect(job.partnerships).toEqual([]);
    const signed = extractFacts(article('Le groupe Renault a signé un partenariat avec le groupe PSA pour vendre ses voitures.'));
    expect(signed.partnerships.map(({ a, b }) => [a, b])).toEqual([['Renault', 'PSA']]);
  });
});
