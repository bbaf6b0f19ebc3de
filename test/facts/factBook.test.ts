import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extractFacts';
import { FactBook } from '../../src/facts/factBook';
import { factsFixture, seedArticle } from './loadFixture';

function bookOf(names: string[], withSeed = true) {
  const articles = [...(withSeed ? [seedArticle()] : []), ...names.map(factsFixture)];
  return new FactBook(articles.map((a) => extractFacts(a)), articles);
}

describe('FactBook.timeline', () => {
  const book = bookOf(['meta-llama5-delay', 'anthropic-amazon-investment', 'mistral-ovhcloud-partenariat', 'openai-undated-rumour']);

  it('GIVEN GPT-5 in any spelling THEN the story reads planned → postponed → expected, the moved dates superseded', () => {
    for (const spelling of ['GPT-5', 'gpt 5', 'GPT5', 'gpt‑5']) {
      const timeline = book.timeline(spelling);
      expect(timeline.subject).toBe('GPT-5');
      const seedEvents = timeline.events.filter((e) => e.citation.articleId === 'seed000');
      expect(seedEvents.map(({ when, status, superseded }) => ({ when, status, superseded }))).toEqual([
        { when: "d'ici la fin de 2024", status: 'planned', superseded: true },
        { when: 'début de 2025', status: 'postponed', superseded: true },
        { when: 'fin mai', status: 'expected', superseded: false },
      ]);
    }
  });

  it('GIVEN a later article THEN its claims come after the earlier ones and undated articles come last', () => {
    const events = book.timeline('GPT-5').events;
    expect(events.at(-1)?.citation.articleId).toBe('openai-undated-rumour');
    const published = events.map((e) => e.citation.published).filter((p): p is string => p !== null);
    expect([...published].sort()).toEqual(published);
  });

  it('GIVEN a later article that moves the date THEN the earlier expectation is superseded', () => {
    const seed = seedArticle();
    const later = { ...seed, id: 'later', source: 'later.txt', published: '2025-04-20', text: 'Selon nos informations, GPT-5 a de nouveau été repoussé à juillet 2025.' };
    const moved = new FactBook([extractFacts(seed), extractFacts(later)], [seed, later]).timeline('GPT-5').events;
    expect(moved.map(({ when, superseded }) => ({ when, superseded }))).toEqual([
      { when: "d'ici la fin de 2024", superseded: true },
      { when: 'début de 2025', superseded: true },
      { when: 'fin mai', superseded: true },
      { when: 'juillet 2025', superseded: false },
    ]);
  });

  it('GIVEN an undated article THEN it moves no date of a dated one', () => {
    expect(book.timeline('GPT-5').events.find((e) => e.when === 'fin mai')?.superseded).toBe(false);
  });

  it('GIVEN a claim that happened THEN it is never superseded', () => {
    const done = book.timeline('GPT-5').events.find((e) => e.when === 'August 2025');
    expect(done).toMatchObject({ status: 'done', superseded: false });
  });

  it('GIVEN Llama 5 moved from Q2 to Q3 THEN Q2 is superseded and Q3 is not', () => {
    const events = book.timeline('llama 5').events;
    expect(events.find((e) => e.when === 'Q2 2025')?.superseded).toBe(true);
    expect(events.find((e) => e.when === 'Q3 2025')?.superseded).toBe(false);
  });

  it('GIVEN a code name THEN the timeline is that of the subject it names', () => {
    expect(book.timeline('Orion')).toEqual(book.timeline('GPT-4.5'));
    expect(book.timeline('orion').events.map((e) => e.when)).toEqual(['dans quelques semaines']);
  });

  it('GIVEN a subject nobody wrote about THEN the timeline is empty', () => {
    expect(book.timeline('GPT-6')).toEqual({ subject: 'GPT-6', events: [] });
    expect(book.timeline('Gemini 3 Ultra').events).toEqual([]);
    expect(book.timeline('quelque chose').events).toEqual([]);
  });

  it('GIVEN no subject THEN recent and upcoming events come by date, without superseded ones', () => {
    const timeline = book.timeline();
    expect(timeline.subject).toBeNull();
    expect(timeline.events.length).toBeGreaterThan(0);
    expect(timeline.events.every((e) => !e.superseded && e.start !== null)).toBe(true);
    const starts = timeline.events.map((e) => e.start!);
    expect([...starts].sort()).toEqual(starts);
    expect(timeline.events.some((e) => e.when === "d'ici la fin de 2024")).toBe(false);
  });
});

describe('FactBook.partners', () => {
  const book = bookOf(['anthropic-amazon-investment', 'mistral-ovhcloud-partenariat']);

  it('GIVEN Microsoft, OpenAI or Azure THEN the Microsoft–OpenAI cloud tie is listed with its snippet', () => {
    for (const name of ['Microsoft', 'openai', 'Azure']) {
      const map = book.partners(name);
      const cloud = map.partners.filter((p) => p.nature === 'cloud' && p.a === 'Microsoft' && p.b === 'OpenAI');
      expect(cloud.length, name).toBeGreaterThan(0);
      expect(cloud.some((p) => p.citation.snippet.includes('partenaire de service cloud'))).toBe(true);
    }
    expect(book.partners('azure').company).toBe('Microsoft');
  });

  it('GIVEN Mistral AI THEN its partners are OVHcloud (cloud) and Microsoft (investment)', () => {
    const map = book.partners('mistral');
    expect(map.company).toBe('Mistral AI');
    expect(map.partners.map((p) => `${p.a}→${p.b}:${p.nature}`)).toEqual(['Microsoft→Mistral AI:investment', 'OVHcloud→Mistral AI:cloud']);
  });

  it('GIVEN a company nobody wrote about THEN the list is empty', () => {
    expect(book.partners('Apple').partners).toEqual([]);
    expect(book.partners('Société Inconnue')).toEqual({ company: 'Société Inconnue', partners: [] });
  });
});

describe('FactBook autocompletion and code names', () => {
  const book = bookOf(['meta-llama5-delay', 'anthropic-amazon-investment']);

  it('GIVEN the facts THEN subjects and companies are sorted, distinct, and only what articles state', () => {
    expect(book.subjects()).toEqual(['Claude 4', 'GPT-4.5', 'GPT-5', 'Llama 5', 'Microsoft']);
    expect(book.companies()).toEqual(['Amazon', 'Anthropic', 'Microsoft', 'Nvidia', 'OpenAI', 'xAI']);
  });

  it('GIVEN "Quel est le nom de code de GPT-4.5 ?" THEN Orion, cited', () => {
    const [alias] = book.aliasesOf('gpt-4.5');
    expect(alias.alias).toBe('Orion');
    expect(alias.citation.snippet).toContain('GPT-4.5, nommé Orion');
    expect(book.aliasesOf('GPT-6')).toEqual([]);
    expect(book.resolveSubject('GPT-2024')).toBe('GPT-5');
  });
});

describe('FactBook.knows', () => {
  it('GIVEN the seed THEN it knows the subjects and companies it lists, and nothing the articles never name', () => {
    const book = bookOf([]);
    for (const name of [...book.subjects(), ...book.companies()]) expect(book.knows(name)).toBe(true);
    expect(book.knows('GPT-5')).toBe(true);
    expect(book.knows('Microsoft')).toBe(true);
    expect(book.knows('GPT-6')).toBe(false);
    expect(book.knows('gpt-5')).toBe(false);
  });

  it('GIVEN a caller that changes the listed subjects THEN the fact book is unchanged', () => {
    const book = bookOf([]);
    book.subjects().push('GPT-6');
    expect(book.subjects()).not.toContain('GPT-6');
    expect(book.knows('GPT-6')).toBe(false);
  });
});

describe('FactBook over companies no list holds (learned names)', () => {
  const book = bookOf(['renault-megane-report', 'rivian-r2-delay'], false);

  it('GIVEN a French carmaker piece THEN /timeline of its model shows the moved launch, in any spelling', () => {
    for (const spelling of ['Mégane E-Tech 2', 'megane e-tech 2', 'Megane E Tech 2']) {
      const timeline = book.timeline(spelling);
      expect(timeline.subject, spelling).toBe('Mégane E-Tech 2');
      expect(timeline.events.map(({ when, start, end }) => ({ when, start, end }))).toContainEqual({ when: "la fin de l'année 2021", start: '2021-10-01', end: '2021-12-31' });
    }
  });

  it('GIVEN a French carmaker piece THEN /partners of Renault names Umicore, cited by the sentence that signs the deal', () => {
    const map = book.partners('renault');
    expect(map.company).toBe('Renault');
    expect(map.partners.map((p) => [p.a, p.b].find((n) => n !== 'Renault'))).toEqual(['Umicore']);
    expect(map.partners[0].citation.snippet).toContain('accord de partenariat avec le groupe belge Umicore');
    expect(book.partners('Umicore').partners).toHaveLength(1);
  });

  it('GIVEN an English piece on a delay THEN the first half is superseded by the second half; another name ("R2", maybe another product) is not guessed', () => {
    expect(book.timeline('R2').events).toEqual([]);
    const timeline = book.timeline('r2 suv');
    expect(timeline.subject).toBe('R2 SUV');
    expect(timeline.events.map(({ when, status, superseded }) => ({ when, status, superseded }))).toEqual([
      { when: 'the first half of 2026', status: 'planned', superseded: true },
      { when: 'the second half of 2026', status: 'postponed', superseded: false },
    ]);
    expect(book.partners('Rivian').partners.map((p) => (p.a === 'Rivian' ? p.b : p.a))).toEqual(['LG Energy Solution']);
  });

  it('GIVEN learned subjects and parties THEN autocompletion offers them, and no person or place', () => {
    expect(book.subjects()).toEqual(expect.arrayContaining(['Mégane E-Tech 2', 'R2 SUV', 'R3']));
    expect(book.companies()).toEqual(['LG Energy Solution', 'Renault', 'Rivian', 'Umicore']);
    expect([...book.subjects(), ...book.companies()]).not.toContain('Luca de Meo');
  });

  it('GIVEN a question in lower case THEN the learned names are found, with their kind', () => {
    expect(book.findNames('quand sortira la mégane e-tech 2 ?').map((n) => n.canonical)).toEqual(['Mégane E-Tech 2']);
    expect(book.findNames('Who is Rivian working with?')).toMatchObject([{ canonical: 'Rivian', kind: 'company' }]);
    expect(book.findNames('who is rivian working with?')).toEqual([]);
  });
});

describe('FactBook across articles: the corpus types a name an article leaves untyped', () => {
  it('GIVEN a name another article calls a minister THEN its claims are dropped: a person is no dated subject', () => {
    const minister = { ...seedArticle(), id: 'minister', text: 'Le ministre Bruno Lemaire a parlé.' };
    const untyped = { ...seedArticle(), id: 'untyped', text: 'À Bercy, Bruno Lemaire lancera le plan de relance en mars 2025.' };
    const alone = new FactBook([extractFacts(untyped)], [untyped]);
    expect(alone.timeline('Bruno Lemaire').events).toHaveLength(1);
    const both = new FactBook([extractFacts(minister), extractFacts(untyped)], [minister, untyped]);
    expect(both.timeline('Bruno Lemaire').events).toEqual([]);
  });
});

describe('FactBook: whose a product is, from the articles', () => {
  it('GIVEN "GPT-4.5 et GPT-5 d\'OpenAI" in the seed THEN a question naming GPT-4.5 knows OpenAI is behind it, with no table entry saying so', () => {
    const seed = seedArticle();
    const book = new FactBook([extractFacts(seed)], [seed]);
    expect(book.findNames('Qui héberge GPT-4.5 ?')).toMatchObject([{ canonical: 'GPT-4.5', kind: 'product', company: 'OpenAI' }]);
  });

  it('GIVEN "Galaxy S25 de Samsung" and "the Pixel 9 of Google" THEN each maker is learned; a name with no maker said has none', () => {
    const articles = [
      { id: 'a1', source: 'a1.txt', title: 'Le Galaxy S25 de Samsung arrive', language: 'fr' as const, published: '2025-01-20', url: null, text: "Le Galaxy S25 de Samsung arrive en février. Le Galaxy S25 sera vendu 899 euros." },
      { id: 'a2', source: 'a2.txt', title: 'Pixel 9', language: 'en' as const, published: '2024-08-13', url: null, text: 'The Pixel 9 of Google is out. The Xperia 10 is also out.' },
    ];
    const book = new FactBook(articles.map((article) => extractFacts(article)), articles);
    expect(book.findNames('Quand sort le Galaxy S25 ?')[0]).toMatchObject({ canonical: 'Galaxy S25', company: 'Samsung' });
    expect(book.findNames('When is the Pixel 9 out?')[0]).toMatchObject({ canonical: 'Pixel 9', company: 'Google' });
    expect(book.findNames('When is the Xperia 10 out?')[0]).toMatchObject({ canonical: 'Xperia 10', company: null });
  });

  it('GIVEN a name the articles use alone ("Donald") and a person whose name starts with it THEN a question naming the person does not name the other', () => {
    const articles = [
      { id: 'c1', source: 'c1.txt', title: 'Donald revient', language: 'fr' as const, published: '2020-06-01', url: null, text: 'Disney sortira le film Donald en mars 2021. Le film Donald durera deux heures.' },
      { id: 'c2', source: 'c2.txt', title: 'Washington', language: 'fr' as const, published: '2020-06-02', url: null, text: 'Le président Donald Trump a parlé mardi.' },
    ];
    const book = new FactBook(articles.map((article) => extractFacts(article)), articles);
    expect(book.findNames('Quand sort Donald ?').map((n) => n.canonical)).toEqual(['Donald']);
    expect(book.findNames('Quand Donald Trump a-t-il été élu ?')).toEqual([]);
  });

  it('GIVEN a company named Lafrance THEN « la France » in a question is the country, not that company; a name that starts with its article ("Le Chat") is still met', () => {
    const articles = [
      { id: 'b1', source: 'b1.txt', title: 'Lafrance rachète un concurrent', language: 'fr' as const, published: '2020-06-01', url: null, text: 'Le groupe Lafrance a signé un accord avec Orange. Lafrance compte 300 salariés.' },
      { id: 'b2', source: 'b2.txt', title: 'Le Chat de Mistral', language: 'fr' as const, published: '2025-02-01', url: null, text: 'Mistral AI lancera Le Chat en mars 2025.' },
    ];
    const book = new FactBook(articles.map((article) => extractFacts(article)), articles);
    expect(book.findNames('Combien de salariés compte Lafrance ?').map((n) => n.canonical)).toEqual(['Lafrance']);
    expect(book.findNames("L'Allemagne et la France ont-elles signé avec AstraZeneca ?").map((n) => n.canonical)).not.toContain('Lafrance');
    expect(book.findNames('Quand sort le Chat ?').map((n) => n.canonical)).toEqual(['Le Chat']);
  });
});
