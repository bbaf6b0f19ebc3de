import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findNearDuplicates, sketchSimilarity, sketchStory } from '../src/articles/nearDuplicates';
import type { Article } from '../src/articles/article';
import { openScoop } from '../src/app';
import { main } from '../src/cli/main';
import { parseConfig } from '../src/config';
import { memoryLogger, startBot } from './discord/botHarness';

const AGENCY = [
  'Le constructeur européen Airbus a confirmé mardi que le premier A350-1000 destiné à la compagnie Air France sera livré au printemps 2026.',
  'Airbus explique ce décalage de six mois par des difficultés d’approvisionnement chez ses fournisseurs de sièges et de moteurs, qui pèsent sur toute la filière.',
  'La compagnie française a commandé quinze appareils de ce type pour remplacer ses Boeing 777 les plus anciens sur les lignes long-courriers vers l’Asie.',
  'Les premiers vols commerciaux sont prévus entre Paris et Tokyo, avant une ouverture vers New York et Singapour dans les mois suivants.',
];
const OTHER_OUTLET = ['(AFP) —', ...AGENCY.slice(0, 3), 'Air France n’a pas souhaité commenter ces informations auprès de notre rédaction.'];
const DIFFERENT_STORY = [
  'Boeing a livré en février trente-deux avions commerciaux, contre vingt-sept un an plus tôt, selon les chiffres publiés mardi par l’avionneur américain.',
  'Le groupe reste pénalisé par les contrôles renforcés de l’autorité américaine de l’aviation sur la production du 737 MAX dans son usine de Renton.',
  'Les compagnies clientes attendent toujours le 777X, dont la certification a de nouveau été repoussée à l’an prochain.',
];

function article(id: string, text: string): Article {
  return { id, source: `${id}.txt`, title: id, language: 'fr', published: null, url: null, text };
}

describe('findNearDuplicates', () => {
  it('GIVEN the same agency story in two outlets, the same text twice and a different story THEN only the tellings of one story are grouped', () => {
    const groups = findNearDuplicates([
      article('a', AGENCY.join(' ')),
      article('b', DIFFERENT_STORY.join(' ')),
      article('c', OTHER_OUTLET.join(' ')),
      article('d', AGENCY.join(' ')),
      article('e', 'Court texte.'),
      article('f', 'Court texte.'),
    ]);
    expect(groups).toEqual([
      [0, 2, 3],
      [4, 5],
    ]);
  });

  it('GIVEN sketches THEN the similarity is 1 for equal texts and low for different stories on the same topic', () => {
    const agency = sketchStory(AGENCY.join(' '));
    expect(sketchSimilarity(agency, sketchStory(AGENCY.join(' ')))).toBe(1);
    expect(sketchSimilarity(agency, sketchStory(OTHER_OUTLET.join(' ')))).toBeGreaterThan(0.5);
    expect(sketchSimilarity(agency, sketchStory(DIFFERENT_STORY.join(' ')))).toBeLessThan(0.1);
  });
});

describe('one story, one entry in the service', () => {
  let corpus: string;
  let index: string;

  beforeEach(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'scoop-stories-'));
    index = await mkdtemp(join(tmpdir(), 'scoop-stories-index-'));
  });
  afterEach(async () => {
    await rm(corpus, { recursive: true, force: true });
    await rm(index, { recursive: true, force: true });
  });

  async function write(name: string, front: Record<string, string>, paragraphs: string[]): Promise<void> {
    await mkdir(join(corpus, name, '..'), { recursive: true });
    const header = Object.entries(front).map(([key, value]) => `${key}: "${value}"`).join('\n');
    await writeFile(join(corpus, name), `---\n${header}\n---\n\n${paragraphs.join('\n\n')}\n`);
  }

  async function open() {
    return (await openScoop(parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: index, LOG_LEVEL: 'silent' }), { logger: memoryLogger().logger })).scoop;
  }

  it('GIVEN the same article in two files THEN an answer cites it once, and /sources lists it once with the copy beside it', async () => {
    await write('a350.md', { title: 'Airbus livrera le premier A350-1000 en 2026', published: '2025-03-04' }, AGENCY);
    await write('copie/a350.md', { title: 'Airbus livrera le premier A350-1000 en 2026', published: '2025-03-04' }, AGENCY);
    const scoop = await open();
    const answer = await scoop.ask('Quand Airbus livrera-t-il le premier A350-1000 à Air France ?');
    expect(answer.abstained).toBe(false);
    expect(new Set(answer.citations.map((citation) => citation.source))).toEqual(new Set(['a350.md']));
    const sources = scoop.sources();
    expect(sources).toHaveLength(1);
    expect(sources[0].alsoReported?.map((also) => also.source)).toEqual(['copie/a350.md']);
  });

  it('GIVEN an agency story in two outlets THEN answers cite the earliest and /sources shows the group with its outlets', async () => {
    await write('quotidien.md', { title: 'Airbus : le premier A350-1000 d’Air France livré au printemps 2026', published: '2025-03-05', outlet: 'Le Quotidien', url: 'https://lequotidien.example/a350' }, OTHER_OUTLET);
    await write('agence.md', { title: 'Airbus livrera le premier A350-1000 à Air France en 2026', published: '2025-03-04', outlet: 'Agence Info', url: 'https://agence.example/a350' }, AGENCY);
    await write('boeing.md', { title: 'Boeing a livré 32 avions en février', published: '2025-03-04', outlet: 'Le Quotidien' }, DIFFERENT_STORY);
    const scoop = await open();
    const answer = await scoop.ask('Quand le premier A350-1000 sera-t-il livré à Air France ?');
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((citation) => citation.source)).toEqual(answer.citations.map(() => 'agence.md'));
    const sources = scoop.sources();
    expect(sources.map((source) => source.source).sort()).toEqual(['agence.md', 'boeing.md']);
    const agency = sources.find((source) => source.source === 'agence.md');
    expect(agency?.outlet).toBe('Agence Info');
    expect(agency?.alsoReported).toEqual([
      { source: 'quotidien.md', title: 'Airbus : le premier A350-1000 d’Air France livré au printemps 2026', outlet: 'Le Quotidien', url: 'https://lequotidien.example/a350', published: '2025-03-05' },
    ]);
    expect((await scoop.latest()).map((item) => item.source).sort()).toEqual(['agence.md', 'boeing.md']);
    expect(scoop.newestArticleDate()).toBe('2025-03-05');
  });

  it('GIVEN an agency story in two outlets THEN search shows it once, from the earliest, noting the other outlet; /search says "also in" in English and French', async () => {
    await write('quotidien.md', { title: 'Airbus : le premier A350-1000 d’Air France livré au printemps 2026', published: '2025-03-05', outlet: 'Le Quotidien', url: 'https://lequotidien.example/a350' }, OTHER_OUTLET);
    await write('agence.md', { title: 'Airbus livrera le premier A350-1000 à Air France en 2026', published: '2025-03-04', outlet: 'Agence Info', url: 'https://agence.example/a350' }, AGENCY);
    await write('boeing.md', { title: 'Boeing a livré 32 avions en février', published: '2025-03-04', outlet: 'Le Quotidien' }, DIFFERENT_STORY);
    const scoop = await open();
    const query = 'A350-1000 Air France livraison printemps 2026';
    const hits = await scoop.search(query, 5);
    const agencyHits = hits.filter((hit) => hit.article.source === 'agence.md');
    expect(agencyHits.length).toBeGreaterThan(0);
    const snippets = hits.map((hit) => hit.passage.text);
    expect(new Set(snippets).size).toBe(snippets.length);
    for (const hit of hits.filter((hit) => hit.article.source === 'quotidien.md')) {
      expect(AGENCY.some((paragraph) => hit.passage.text.includes(paragraph))).toBe(false);
    }
    expect(agencyHits[0].alsoIn).toEqual([
      { source: 'quotidien.md', title: 'Airbus : le premier A350-1000 d’Air France livré au printemps 2026', outlet: 'Le Quotidien', url: 'https://lequotidien.example/a350', published: '2025-03-05' },
    ]);
    expect(hits.filter((hit) => hit.article.source === 'boeing.md').every((hit) => hit.alsoIn === undefined)).toBe(true);

    const more = await scoop.search(query, 5, { excludePassageIds: hits.map((hit) => hit.passage.id) });
    expect(more.some((hit) => hits.some((shown) => shown.passage.id === hit.passage.id))).toBe(false);

    let stdout = '';
    const code = await main(['search', '--json', '--corpus', corpus, '--index', index, query], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true, isTTY: false },
      stdin: Readable.from(['']),
      env: { LOG_LEVEL: 'silent' },
    });
    expect(code).toBe(0);
    const results = JSON.parse(stdout).results as { source: string; alsoIn?: { source: string; outlet: string | null }[] }[];
    expect(results.find((result) => result.source === 'agence.md')?.alsoIn).toMatchObject([{ source: 'quotidien.md', outlet: 'Le Quotidien' }]);
    expect(results.filter((result) => result.source === 'boeing.md').every((result) => !('alsoIn' in result))).toBe(true);

    const running = await startBot(scoop);
    try {
      const english = (await running.fake.editOf(running.fake.slashCommand('search', { query }))).body.embeds[0];
      const french = (await running.fake.editOf(running.fake.slashCommand('search', { query }, undefined, { locale: 'fr' }))).body.embeds[0];
      const agencyField = (embed: { fields: { name: string; value: string }[] }) => embed.fields.find((field) => field.name.includes('Airbus livrera'));
      expect(agencyField(english)?.value).toMatch(/agence\.example.* · also in Le Quotidien$/);
      expect(agencyField(french)?.value).toMatch(/agence\.example.* · aussi dans Le Quotidien$/);
      expect(english.fields.filter((field: { name: string }) => field.name.includes('Boeing')).every((field: { value: string }) => !/also in/.test(field.value))).toBe(true);
    } finally {
      await running.stop();
    }
  });

  it('GIVEN a later telling that moves a date THEN it is kept as its own entry and the timeline shows both', async () => {
    const first = ['OpenAI prévoit de lancer GPT-5 fin mai, selon plusieurs sources proches du dossier.', ...AGENCY.slice(1)];
    const moved = ['OpenAI prévoit désormais de lancer GPT-5 en juillet, selon plusieurs sources proches du dossier.', ...AGENCY.slice(1)];
    await write('avant.md', { title: 'GPT-5 fin mai', published: '2025-02-20' }, first);
    await write('apres.md', { title: 'GPT-5 en juillet', published: '2025-03-10' }, moved);
    const scoop = await open();
    expect(findNearDuplicates([article('x', first.join(' ')), article('y', moved.join(' '))])).toEqual([[0, 1]]);
    expect(scoop.sources().map((source) => source.source).sort()).toEqual(['apres.md', 'avant.md']);
    const events = scoop.timeline('GPT-5').events;
    expect(new Set(events.map((event) => event.citation.source))).toEqual(new Set(['avant.md', 'apres.md']));
  });
});
