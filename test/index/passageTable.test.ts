import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { sketchOf, sketchStory } from '../../src/articles/nearDuplicates';
import type { IndexManifest, LoadedGeneration } from '../../src/index/indexStore';
import { passageTableFiles, restorePassageTable, type IndexedArticle } from '../../src/index/passageTable';

const STORY =
  'Le constructeur européen Airbus a confirmé mardi que le premier A350-1000 destiné à la compagnie Air France sera livré au printemps 2026. ' +
  'Airbus explique ce décalage de six mois par des difficultés d’approvisionnement chez ses fournisseurs de sièges et de moteurs.';
const OTHER =
  'Boeing a livré en février trente-deux avions commerciaux, contre vingt-sept un an plus tôt, selon les chiffres publiés mardi par l’avionneur américain. ' +
  'Le groupe reste pénalisé par les contrôles renforcés de l’autorité américaine de l’aviation sur la production du 737 MAX.';

function entry(id: string, text: string): IndexedArticle {
  const article: Article = { id, source: `${id}.txt`, title: id, language: 'fr', published: null, url: null, text };
  return { article, passages: [{ id: `${id}:0`, articleId: id, ordinal: 0, start: 0, end: text.length, text }] };
}

function generationOf(files: Map<string, Buffer>, articles: number): LoadedGeneration {
  const manifest = { counts: { articles, passages: articles, facts: 0 } } as IndexManifest;
  return { name: 'g', dir: '/nowhere', manifest, files, readLater: () => Promise.reject(new Error('not used')) } as unknown as LoadedGeneration;
}

function bytesOf(written: ReturnType<typeof passageTableFiles>): Map<string, Buffer> {
  return new Map(
    written.map((file) => {
      if ('data' in file) return [file.name, Buffer.from(file.data)];
      if ('chunks' in file) return [file.name, Buffer.concat([...(file.chunks() as Iterable<Uint8Array>)])];
      throw new Error(`${file.name} is written to disk by the store`);
    }),
  );
}

describe('passage table', () => {
  it('GIVEN a table written with its articles THEN restoring it gives the same articles, passages and story sketches', () => {
    const files = bytesOf(passageTableFiles([entry('round-trip-story', STORY), entry('round-trip-other', OTHER)]));
    const restored = restorePassageTable(generationOf(files, 2));
    expect(restored.map((e) => e.article.id)).toEqual(['round-trip-story', 'round-trip-other']);
    expect(restored[1].passages[0].text).toBe(OTHER);
    expect(sketchOf(restored[0].article)).toEqual(sketchStory(STORY));
  });

  it('GIVEN stored sketches THEN a process that opens the index takes them instead of sketching every article again', () => {
    const written = bytesOf(passageTableFiles([entry('stored-sketch-writer', STORY)]));
    const articles = Buffer.from(JSON.stringify([entry('stored-sketch-reader', OTHER).article]));
    const files = new Map([...written, ['articles.json', articles]]);
    const [restored] = restorePassageTable(generationOf(files, 1));
    expect(sketchOf(restored.article)).toEqual(sketchStory(STORY));
    expect(sketchOf(restored.article)).not.toEqual(sketchStory(OTHER));
  });

  it('GIVEN an index written before sketches were kept THEN it opens and its sketches are computed when needed', () => {
    const files = bytesOf(passageTableFiles([entry('no-sketch-file', OTHER)]));
    files.delete('sketches.bin');
    const [restored] = restorePassageTable(generationOf(files, 1));
    expect(sketchOf(restored.article)).toEqual(sketchStory(OTHER));
  });
});
