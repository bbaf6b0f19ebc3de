import { describe, expect, it } from 'vitest';
import { canonicalCompany, canonicalSubject, findEntities, findEntityHints } from '../../src/facts/entities';
import { foldForMatching } from '../../src/text/foldForMatching';
import aliasTable from '../../src/facts/nameAliases.json' with { type: 'json' };
import { splitSentences } from '../../src/passages/splitSentences';
import { factsFixture, seedArticle } from './loadFixture';

const FACT_FIXTURES = ['anthropic-amazon-investment', 'meta-llama5-delay', 'mistral-ovhcloud-partenariat', 'openai-undated-rumour'];

describe('the alias table (src/facts/nameAliases.json)', () => {
  it('GIVEN every entry THEN its kind is an organisation or a product and a maker is an organisation it lists', () => {
    for (const [name, entry] of Object.entries(aliasTable.names as Record<string, { kind?: string; maker?: string; spellings?: string[] }>)) {
      expect(['organisation', 'product'], name).toContain(entry.kind);
      if (entry.maker) expect(aliasTable.names[entry.maker as keyof typeof aliasTable.names], `${name} → ${entry.maker}`).toMatchObject({ kind: 'organisation' });
      for (const spelling of entry.spellings ?? []) expect(spelling, name).toBe(foldForMatching(spelling));
    }
  });
});

describe('canonicalSubject', () => {
  it.each([
    ['open ai', 'OpenAI'],
    ['OPENAI', 'OpenAI'],
    ['O3', 'o3'],
    ['azure', 'Azure'],
    ['Microsoft Azure', 'Azure'],
    ['mistral', 'Mistral AI'],
    ['google deepmind', 'Google'],
  ])('GIVEN "%s" THEN the table merges it into %s', (text, canonical) => {
    expect(canonicalSubject(text)).toBe(canonical);
  });

  it('GIVEN a name the table does not list THEN null: the articles own it (FactBook.resolveSubject)', () => {
    expect(canonicalSubject('GPT-5')).toBeNull();
    expect(canonicalSubject('Orion')).toBeNull();
    expect(canonicalSubject('le nouveau modèle')).toBeNull();
    expect(canonicalSubject('')).toBeNull();
  });
});

describe('canonicalCompany', () => {
  it.each([
    ['MICROSOFT', 'Microsoft'],
    ['Azure', 'Microsoft'],
    ['aws', 'Amazon'],
    ['mistral', 'Mistral AI'],
    ['Le Chat', 'Mistral AI'],
  ])('GIVEN "%s" THEN %s', (text, company) => {
    expect(canonicalCompany(text)).toBe(company);
  });

  it('GIVEN an organisation the table does not list THEN null', () => {
    expect(canonicalCompany('Acme Robotics')).toBeNull();
  });
});

describe('findEntities', () => {
  it('GIVEN common words spelled like listed names THEN only the capitalised names count', () => {
    const names = findEntities("Le mistral souffle sur l'orange, mais Mistral et Orange signent.").map((e) => e.canonical);
    expect(names).toEqual(['Mistral AI', 'Orange']);
  });
});

describe('findEntityHints', () => {
  it('GIVEN general news whose common words only look like names THEN no hint, and names that merely start alike are no entities', () => {
    const news = "L'armée a déployé des sapeurs-pompiers ; le métal et l'orange montent, disent les services de renseignement (intelligence).";
    expect(findEntityHints(news)).toEqual([]);
    const lookalikes = 'Claudette, Mme Appleton et M. Intelligent ont témoigné mardi devant le tribunal de Metz.';
    expect(findEntityHints(lookalikes).length).toBeGreaterThan(0);
    expect(findEntities(lookalikes)).toEqual([]);
  });

  it('GIVEN fixture articles THEN every name found in any sentence starts at a hint of the whole text', () => {
    const articles = [seedArticle(), ...FACT_FIXTURES.map(factsFixture)];
    for (const article of articles) {
      const hints = new Set(findEntityHints(article.text));
      const found = splitSentences(article.text, article.language).flatMap((span) =>
        findEntities(article.text.slice(span.start, span.end)).map((e) => span.start + e.start),
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((at) => !hints.has(at))).toEqual([]);
    }
  });

  it('GIVEN a name glued to the text before it (a heading run into its paragraph) THEN it is still a hint', () => {
    const text = 'Les clients attendaient une annonceMicrosoft a signé avec OpenAI.';
    const at = text.indexOf('Microsoft');
    expect(findEntities(text).map((e) => e.canonical)).toEqual(['OpenAI']);
    expect(findEntityHints(text)).toContain(at);
    expect(findEntities(text.slice(at)).map((e) => e.canonical)).toEqual(['Microsoft', 'OpenAI']);
  });

  it('GIVEN a capitalised name whose capital is any letter that folds to its own (É, Ô, Å...) THEN it is found', () => {
    const names = ['Apple', 'Baidu', 'Cohere', 'Dell', 'Google', 'Helsing', 'Intel', 'Kyutai', 'LightOn', 'Meta', 'Nvidia', 'Orange', 'Perplexity', 'Qualcomm', 'Samsung', 'Thales'];
    const byFirstLetter = new Map(names.map((name) => [name[0].toLowerCase(), name]));
    let checked = 0;
    for (let code = 0; code <= 0xffff; code += 1) {
      const capital = String.fromCharCode(code);
      const name = byFirstLetter.get(foldForMatching(capital));
      if (!name || capital === capital.toLowerCase()) continue;
      const [entity] = findEntities(`Chez ${capital}${name.slice(1)} aujourd'hui.`);
      expect(entity?.canonical, `${capital}${name.slice(1)}`).toBe(name);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
