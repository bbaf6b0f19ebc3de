import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/index/lexicalIndex';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';

const docs = [
  { id: 'fr-launch', language: 'fr' as const, text: 'GPT-5 devrait être officiellement lancé fin mai, selon OpenAI.' },
  { id: 'fr-delay', language: 'fr' as const, text: 'Le lancement de GPT-2024 a été reporté au début de 2025 en raison de goulots techniques.' },
  { id: 'fr-cloud', language: 'fr' as const, text: "Microsoft est le principal partenaire de service cloud d'OpenAI et héberge ses modèles." },
  { id: 'en-chips', language: 'en' as const, text: 'Oracle will buy Nvidia chips worth forty billion dollars for the Stargate data centre.' },
  { id: 'en-siri', language: 'en' as const, text: 'Apple postponed the new Siri features until next year.' },
  { id: 'fr-sport', language: 'fr' as const, text: 'Le match de football au Stade de France a fini sur un score nul.' },
];

function built(): LexicalIndex {
  const index = new LexicalIndex();
  index.add(docs);
  return index;
}

const top = (index: LexicalIndex, query: string, k = 1, language?: 'fr' | 'en') => index.search(query, k, { language }).map((hit) => hit.id);

describe('LexicalIndex', () => {
  it('GIVEN a French question THEN ranks the French passage that shares its stems first', () => {
    expect(top(built(), 'Quand le lancement de GPT-5 est-il prévu ?', 1, 'fr')).toEqual(['fr-launch']);
  });

  it('GIVEN an English question THEN finds French passages through the lexicon', () => {
    const index = built();
    expect(top(index, 'Which partner hosts OpenAI in the cloud?')).toEqual(['fr-cloud']);
    expect(top(index, 'Was the launch of GPT-2024 delayed?')).toEqual(['fr-delay']);
  });

  it('GIVEN a French question THEN finds English passages through the lexicon', () => {
    expect(top(built(), 'Quelles puces Nvidia pour le centre de données ?', 1, 'fr')).toEqual(['en-chips']);
    expect(top(built(), 'Apple a-t-il repoussé Siri ?', 1, 'fr')).toEqual(['en-siri']);
  });

  it('GIVEN a name the two stemmers cut differently THEN matches it across languages', () => {
    const index = new LexicalIndex();
    index.add([
      { id: 'fr', language: 'fr', text: 'Nvidia domine le marché.' },
      { id: 'other', language: 'fr', text: 'Intel domine le marché.' },
    ]);
    expect(top(index, 'Nvidia', 1, 'en')).toEqual(['fr']);
  });

  it('GIVEN a model name typed as two words THEN finds the passage naming it', () => {
    expect(top(built(), 'GPT 2024', 1, 'en')).toEqual(['fr-delay']);
  });

  it('returns at most k hits, best first, with positive scores, and nothing for unknown words', () => {
    const hits = built().search('GPT-5 GPT-2024 OpenAI lancement', 2, { language: 'fr' });
    expect(hits).toHaveLength(2);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
    expect(hits[1].score).toBeGreaterThan(0);
    expect(built().search('zzzyx', 5)).toEqual([]);
    expect(built().search('GPT-5', 0)).toEqual([]);
  });

  it('GIVEN excluded ids THEN never returns them', () => {
    const hits = built().search('GPT-5 lancement', 3, { language: 'fr', exclude: new Set(['fr-launch']) });
    expect(hits.map((hit) => hit.id)).not.toContain('fr-launch');
    expect(hits.length).toBeGreaterThan(0);
  });

  it('GIVEN removed documents THEN no longer finds them and the size shrinks', () => {
    const index = built();
    index.remove(['fr-cloud', 'unknown']);
    expect(index.size).toBe(docs.length - 1);
    expect(index.has('fr-cloud')).toBe(false);
    expect(top(index, 'Microsoft cloud partenaire', 5, 'fr')).not.toContain('fr-cloud');
  });

  it('GIVEN a document added again under its id THEN replaces it', () => {
    const index = built();
    index.add([{ id: 'fr-sport', language: 'fr', text: 'Le rugby a remplacé le football.' }]);
    expect(index.size).toBe(docs.length);
    expect(top(index, 'rugby', 1, 'fr')).toEqual(['fr-sport']);
    expect(top(index, 'score nul', 5, 'fr')).not.toContain('fr-sport');
  });

  it('GIVEN a save and load THEN searches give the same hits and scores, and it keeps working', () => {
    const index = built();
    index.remove(['en-siri']);
    const loaded = LexicalIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(loaded.size).toBe(index.size);
    for (const query of ['GPT-5 lancement', 'cloud partner', 'Nvidia chips', 'football']) {
      expect(loaded.search(query, 5)).toEqual(index.search(query, 5));
    }
    loaded.remove(['fr-launch']);
    loaded.add([{ id: 'en-siri', language: 'en', text: 'Siri was delayed.' }]);
    expect(top(loaded, 'Siri')).toEqual(['en-siri']);
    expect(top(loaded, 'GPT-5 officiellement', 5, 'fr')).not.toContain('fr-launch');
  });

  it('GIVEN a save and load in the binary form THEN searches give the same hits and scores, and it keeps working', () => {
    const index = built();
    index.remove(['en-siri']);
    const loaded = LexicalIndex.fromBinary(index.toBinary());
    expect(loaded.size).toBe(index.size);
    expect(loaded.toJSON()).toEqual(index.toJSON());
    for (const query of ['GPT-5 lancement', 'cloud partner', 'Nvidia chips', 'football']) {
      expect(loaded.search(query, 5)).toEqual(index.search(query, 5));
    }
    loaded.remove(['fr-launch']);
    loaded.add([{ id: 'en-siri', language: 'en', text: 'Siri was delayed.' }, { id: 'fr-cloud-2', language: 'fr', text: 'Le cloud de Microsoft accueille Mistral.' }]);
    expect(top(loaded, 'Siri')).toEqual(['en-siri']);
    expect(top(loaded, 'GPT-5 officiellement', 5, 'fr')).not.toContain('fr-launch');
    expect(top(loaded, 'Mistral cloud', 5, 'fr')).toContain('fr-cloud-2');
  });

  it('GIVEN malformed binary data THEN throws an Error saying what is wrong', () => {
    const good = built().toBinary();
    expect(() => LexicalIndex.fromBinary(good.subarray(0, 6))).toThrow(/32-bit words/);
    expect(() => LexicalIndex.fromBinary(good.subarray(0, good.byteLength - 8))).toThrow(/past the end/);
    const outside = good.slice();
    new Uint32Array(outside.buffer)[outside.byteLength / 4 - 2] = 999;
    expect(() => LexicalIndex.fromBinary(outside)).toThrow(/outside/);
    expect(() => LexicalIndex.fromBinary(new Uint8Array(8))).toThrow(/header is not JSON/);
  });

  it('GIVEN many removals THEN compacts and still answers as a fresh index would', () => {
    const seed = readFileSync('seeds/000_f20889ff108f9afa.txt', 'utf8');
    const passages = splitIntoPassages({ id: 's', source: 's', title: 's', language: 'fr', published: null, url: null, text: seed });
    const index = new LexicalIndex();
    for (let copy = 0; copy < 300; copy += 1) index.add(passages.map((p) => ({ id: `${copy}:${p.id}`, text: p.text, language: 'fr' })));
    index.remove(Array.from({ length: 299 }, (_, copy) => passages.map((p) => `${copy}:${p.id}`)).flat());
    const fresh = new LexicalIndex();
    fresh.add(passages.map((p) => ({ id: `299:${p.id}`, text: p.text, language: 'fr' })));
    expect(index.size).toBe(passages.length);
    expect(index.search('GPT-5 reporté nom de code', 3)).toEqual(fresh.search('GPT-5 reporté nom de code', 3));
  });

  it('GIVEN passages added and removed between searches THEN each search scores their articles as a fresh index would', () => {
    const query = 'Quand le lancement de GPT-5 est-il prévu ?';
    const index = new LexicalIndex();
    index.add([{ id: 'a:0', language: 'fr', text: 'Le lancement de GPT-5 est prévu fin mai.' }, { id: 'b:0', language: 'fr', text: 'GPT-5 sera lancé.' }]);
    index.search(query, 3);
    index.add([{ id: 'b:1', language: 'fr', text: 'Le lancement de GPT-5 a été prévu puis reporté, le lancement de GPT-5 reste prévu.' }]);
    const fresh = new LexicalIndex();
    fresh.add([{ id: 'a:0', language: 'fr', text: 'Le lancement de GPT-5 est prévu fin mai.' }, { id: 'b:0', language: 'fr', text: 'GPT-5 sera lancé.' }, { id: 'b:1', language: 'fr', text: 'Le lancement de GPT-5 a été prévu puis reporté, le lancement de GPT-5 reste prévu.' }]);
    expect(index.search(query, 3)).toEqual(fresh.search(query, 3));
    index.remove(['b:1']);
    fresh.remove(['b:1']);
    expect(index.search(query, 3)).toEqual(fresh.search(query, 3));
    expect(index.search(query, 3).map((hit) => hit.id)).toEqual(['a:0', 'b:0']);
  });

  it('GIVEN passages under their article title THEN a question naming the title finds them, the title counting beside the text (BM25F), and not at titleWeight 0', () => {
    const index = built();
    index.add([
      { id: 'vision:0', language: 'fr', title: 'Apple Vision Pro : le casque sortira en février', text: 'Le casque sera vendu 3 500 dollars aux États-Unis.' },
      { id: 'vision:1', language: 'fr', title: 'Apple Vision Pro : le casque sortira en février', text: 'Les précommandes du Vision Pro ouvrent le 19 janvier.' },
      { id: 'meta:0', language: 'fr', title: 'Meta baisse le prix du Quest', text: "Le casque de Meta sera vendu moins cher que celui d'Apple." },
    ]);
    const query = 'Quand ouvrent les précommandes du Vision Pro ?';
    expect(top(index, query, 3)).toEqual(['vision:1', 'vision:0']);
    expect(index.search(query, 3, { titleWeight: 0, neighbourWeight: 0 }).map((hit) => hit.id)).toEqual(['vision:1']);
    expect(index.documentShare('vision')).toBeCloseTo(1 / index.size);
    const loaded = LexicalIndex.fromBinary(index.toBinary());
    expect(loaded.search(query, 3)).toEqual(index.search(query, 3));
    loaded.remove(['vision:1']);
    expect(loaded.documentShare('vision')).toBe(0);
    expect(top(loaded, query, 3)).toEqual(['vision:0']);
  });

  it('GIVEN a question whose words are in one passage and whose answer is in the one before THEN that passage comes too, below it, and not at neighbourWeight 0', () => {
    const index = built();
    index.add([
      { id: 'uganda:0', language: 'fr', text: 'Yoweri Museveni dirige l’Ouganda depuis 1986.' },
      { id: 'uganda:1', language: 'fr', text: 'Dès 1987, il abandonne ses principes marxistes pour passer un accord avec le FMI.' },
      { id: 'uganda:2', language: 'fr', text: 'La croissance atteint 6,5 % par an dans les années 1990.' },
      { id: 'cuba:0', language: 'fr', text: 'Le parti cubain garde ses principes marxistes.' },
    ]);
    const query = 'Qui abandonne ses principes marxistes en 1987 ?';
    const ranked = top(index, query, 5);
    expect(ranked.slice(0, 1)).toEqual(['uganda:1']);
    expect(ranked).toContain('uganda:0');
    expect(ranked).toContain('uganda:2');
    expect(ranked.indexOf('uganda:0')).toBeGreaterThan(0);
    expect(index.search(query, 5, { neighbourWeight: 0 }).map((hit) => hit.id)).toEqual(['uganda:1', 'cuba:0']);
  });

  it('GIVEN a French question over French passages THEN the passage sharing its rare word beats one sharing only its common words (year, city), whose lexicon ideas count little in their own language, and not at sameLanguageConceptWeight 1', () => {
    const index = new LexicalIndex();
    index.add([
      { id: 'founded:0', language: 'fr', text: 'Fondée par des mineurs, la ville compte vingt mille habitants.' },
      { id: 'festival:0', language: 'fr', text: 'Cette année, la ville accueille un festival de musique.' },
      { id: 'school:0', language: 'fr', text: "L'année scolaire commence en septembre pour les élèves." },
      { id: 'port:0', language: 'fr', text: "Le port accueille des navires de croisière tout l'été." },
      { id: 'match:0', language: 'fr', text: 'Le match de football au Stade de France a fini sur un score nul.' },
      { id: 'tram:0', language: 'fr', text: 'Le tramway sera prolongé vers le nord.' },
    ]);
    const query = 'En quelle année la ville a-t-elle été fondée ?';
    expect(top(index, query, 1)).toEqual(['founded:0']);
    expect(index.search(query, 1, { sameLanguageConceptWeight: 1 }).map((hit) => hit.id)).toEqual(['festival:0']);
    const english = 'In which year did the town host a music festival?';
    expect(top(index, english, 1)).toEqual(['festival:0']);
    expect(index.search(english, 3)).toEqual(index.search(english, 3, { sameLanguageConceptWeight: 1 }));
    const loaded = LexicalIndex.fromBinary(index.toBinary());
    expect(loaded.search(query, 3)).toEqual(index.search(query, 3));
    expect(LexicalIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON()))).search(query, 3)).toEqual(index.search(query, 3));
  });

  it('GIVEN two passages holding the same words THEN the one where the question\'s words stand together comes first, and not at proximityWeight 0, also once saved and loaded', () => {
    const index = built();
    index.add([
      { id: 'apart:0', language: 'fr', text: 'Le prix a été reçu par une militante de la paix, selon le comité Nobel.' },
      { id: 'close:0', language: 'fr', text: 'Le prix Nobel de la paix a été reçu par une militante, selon le comité.' },
    ]);
    const query = 'Qui a reçu le prix Nobel de la paix ?';
    expect(top(index, query, 2)).toEqual(['close:0', 'apart:0']);
    expect(index.search(query, 2, { proximityWeight: 0 }).map((hit) => hit.id)).toEqual(['apart:0', 'close:0']);
    const binary = LexicalIndex.fromBinary(index.toBinary());
    expect(binary.search(query, 2)).toEqual(index.search(query, 2));
    const json = LexicalIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(json.search(query, 2)).toEqual(index.search(query, 2));
    binary.remove(['close:0']);
    binary.add([{ id: 'close:0', language: 'fr', text: 'Le prix Nobel de la paix a été reçu par une militante, selon le comité.' }]);
    expect(top(binary, query, 2)).toEqual(['close:0', 'apart:0']);
  });

  it('GIVEN a question with a misspelt word no passage holds THEN finds the passage holding the word one letter away, and not at spellingWeight 0', () => {
    const index = built();
    index.add([
      { id: 'mairie:0', language: 'fr', text: 'Le siège de la mairie se trouve ici.' },
      { id: 'club:0', language: 'fr', text: "Le siège de l'Excelsior se trouve à Roubaix, rue du Stade, depuis 1922." },
    ]);
    const query = "Où se trouve le siège de l'Exelsior ?";
    expect(top(index, query, 1)).toEqual(['club:0']);
    expect(index.search(query, 1, { spellingWeight: 0 }).map((hit) => hit.id)).toEqual(['mairie:0']);
    expect(top(index, 'Où se trouve le siège de la mairie ?', 1)).toEqual(['mairie:0']);
  });

  it('GIVEN a capitalised name no passage holds THEN the passage one letter away from it does not outrank the passages of the other question words, while a lower-case misspelling still finds its word', () => {
    const index = built();
    index.add([
      { id: 'tour:0', language: 'fr', text: 'La caravane du Tour de France traverse la ville avant les coureurs.' },
      { id: 'musee:0', language: 'fr', text: 'Le musée de Rome expose des tableaux prêtés par Florence.' },
      { id: 'vente:0', language: 'fr', text: 'Les tableaux de la collection ont été vendus aux enchères à Londres.' },
      { id: 'atelier:0', language: 'fr', text: "Les tableaux de l'atelier ont été restaurés pendant deux ans." },
    ]);
    const query = 'Où sont les tableaux de Caravage ?';
    expect(top(index, query, 3).sort()).toEqual(['atelier:0', 'musee:0', 'vente:0']);
    expect(index.search(query, 1, { nameSpellingWeight: 1 }).map((hit) => hit.id)).toEqual(['tour:0']);
    expect(top(index, 'Quand passe la carravane ?', 1)).toEqual(['tour:0']);
  });

  it('GIVEN two passages of an article holding the question words THEN a « Quand » question ranks the one holding a date first and a « Combien » question the one holding a number, and not at answerShapeWeight 0', () => {
    const index = new LexicalIndex();
    index.add([
      { id: 'camp:0', language: 'fr', text: "L'évacuation du camp fut décidée par les responsables, qui craignaient l'avancée des prisonniers libérés." },
      { id: 'camp:1', language: 'fr', text: "L'évacuation du camp fut décidée en janvier 1945, sous la neige, par les responsables." },
      { id: 'camp:2', language: 'fr', text: 'Les prisonniers du camp venaient de Pologne, selon les archives.' },
      { id: 'camp:3', language: 'fr', text: 'Le camp a reçu en tout 110000 prisonniers de Pologne et de Russie, selon les archives de Varsovie.' },
    ]);
    const when = "Quand l'évacuation du camp a-t-elle été décidée par les responsables ?";
    expect(top(index, when, 1)).toEqual(['camp:1']);
    expect(index.search(when, 1, { answerShapeWeight: 0 }).map((hit) => hit.id)).toEqual(['camp:0']);
    const howMany = 'Combien de prisonniers le camp comptait-il selon les archives ?';
    expect(top(index, howMany, 1)).toEqual(['camp:3']);
    expect(index.search(howMany, 1, { answerShapeWeight: 0 }).map((hit) => hit.id)).toEqual(['camp:2']);
    expect(top(index, "Qui a décidé l'évacuation du camp ?", 2)).toEqual(index.search("Qui a décidé l'évacuation du camp ?", 2, { answerShapeWeight: 0 }).map((hit) => hit.id));
  });

  it('GIVEN neighbours that share the question words THEN their order is the one their own scores give', () => {
    const index = built();
    index.add([
      { id: 'a:0', language: 'fr', text: 'Le lancement de GPT-5 est prévu fin mai.' },
      { id: 'a:1', language: 'fr', text: 'Le lancement de GPT-5 a été prévu puis reporté, le lancement de GPT-5 reste prévu.' },
      { id: 'a:2', language: 'fr', text: 'GPT-5 sera lancé.' },
    ]);
    const query = 'Quand le lancement de GPT-5 est-il prévu ?';
    expect(top(index, query, 3)).toEqual(index.search(query, 3, { neighbourWeight: 0 }).map((hit) => hit.id));
  });

  it('GIVEN an index loaded from its binary form, then passages added to and removed from its articles THEN each search scores their articles as a fresh index would', () => {
    const query = 'Quand le lancement de GPT-5 est-il prévu ?';
    const first = [
      { id: 'a:0', language: 'fr' as const, text: 'Le lancement de GPT-5 est prévu fin mai.' },
      { id: 'b:0', language: 'fr' as const, text: 'GPT-5 sera lancé.' },
      { id: 'c:0', language: 'fr' as const, text: 'Le match de football a été reporté.' },
    ];
    const later = { id: 'b:1', language: 'fr' as const, text: 'Le lancement de GPT-5 a été prévu puis reporté, le lancement de GPT-5 reste prévu.' };
    const saved = new LexicalIndex();
    saved.add(first);
    const loaded = LexicalIndex.fromBinary(saved.toBinary());
    expect(loaded.search(query, 3)).toEqual(saved.search(query, 3));
    loaded.add([later]);
    const fresh = new LexicalIndex();
    fresh.add([...first, later]);
    expect(loaded.search(query, 3)).toEqual(fresh.search(query, 3));
    expect(loaded.search(query, 1).map((hit) => hit.id)).toEqual(['b:1']);
    loaded.remove(['b:1', 'a:0']);
    fresh.remove(['b:1', 'a:0']);
    expect(loaded.search(query, 3)).toEqual(fresh.search(query, 3));
    expect(LexicalIndex.fromBinary(loaded.toBinary()).search(query, 3)).toEqual(fresh.search(query, 3));
  });

  it('GIVEN a term held by hundreds of passages, added one by one, in one batch, after a load, or with one replaced mid-batch THEN the index saved and its searches are those of one batch', () => {
    const passages = Array.from({ length: 300 }, (_, i) => ({
      id: `article-${Math.floor(i / 3)}:${i % 3}`,
      language: 'fr' as const,
      text: `Le lancement du satellite numéro ${i} est prévu${i % 7 === 0 ? ' après un report' : ''} ; ${i % 2 === 0 ? 'OpenAI' : 'Airbus'} y participe.`,
    }));
    const query = 'Quand le lancement du satellite est-il prévu malgré le report ?';
    const oneBatch = new LexicalIndex();
    oneBatch.add(passages);
    const oneByOne = new LexicalIndex();
    for (const passage of passages) oneByOne.add([passage]);
    const halfLoaded = new LexicalIndex();
    halfLoaded.add(passages.slice(0, 150));
    const loaded = LexicalIndex.fromBinary(halfLoaded.toBinary());
    loaded.add(passages.slice(150, 220));
    loaded.add(passages.slice(220));
    const bytes = Buffer.from(oneBatch.toBinary());
    expect(oneBatch.search(query, 10).length).toBe(10);
    for (const index of [oneByOne, loaded]) {
      expect(Buffer.from(index.toBinary()).equals(bytes)).toBe(true);
      expect(index.search(query, 10)).toEqual(oneBatch.search(query, 10));
    }
    const replaced = new LexicalIndex();
    replaced.add(passages.slice(0, 200));
    const changed = { ...passages[100], text: 'Le match de football a été reporté.' };
    replaced.add([...passages.slice(200, 250), changed, ...passages.slice(250)]);
    const fresh = new LexicalIndex();
    fresh.add([...passages.slice(0, 100), ...passages.slice(101), changed]);
    expect(replaced.search(query, 300)).toEqual(fresh.search(query, 300));
    expect(replaced.search('football', 5)[0].id).toBe(changed.id);
    replaced.remove([passages[210].id, passages[7].id]);
    fresh.remove([passages[210].id, passages[7].id]);
    expect(replaced.search(query, 300)).toEqual(fresh.search(query, 300));
    expect(LexicalIndex.fromBinary(replaced.toBinary()).search(query, 300)).toEqual(fresh.search(query, 300));
  });

  it('GIVEN malformed saved data THEN throws an Error saying what is wrong', () => {
    const good = built().toJSON();
    expect(() => LexicalIndex.fromJSON(null)).toThrow(/expected an object/);
    expect(() => LexicalIndex.fromJSON({ ...good, format: 'other' })).toThrow(/unknown format/);
    expect(() => LexicalIndex.fromJSON({ ...good, version: 99 })).toThrow(/version/);
    expect(() => LexicalIndex.fromJSON({ ...good, lengths: [] })).toThrow(/lengths/);
    expect(() => LexicalIndex.fromJSON({ ...good, postings: good.postings.slice(1) })).toThrow(/posting lists/);
    expect(() => LexicalIndex.fromJSON({ ...good, postings: good.postings.map(() => [999, 1]) })).toThrow(/outside/);
    expect(() => LexicalIndex.fromJSON({ ...good, ids: good.ids.map(() => 'same') })).toThrow(/duplicate id/);
  });
});

describe('LexicalIndex after many removals (compaction)', () => {
  it('GIVEN a « Quand » question searched before and after most passages are removed THEN the ranking equals a fresh index of the passages left', () => {
    const counted = Array.from({ length: 1400 }, (_, i) => ({ id: `old:${i}`, language: 'fr' as const, text: `Le conseil a voté la réforme par ${i} voix.` }));
    const left = Array.from({ length: 100 }, (_, i) => ({
      id: `new:${i}`,
      language: 'fr' as const,
      text: i % 2 === 0 ? `Le conseil municipal de la ville a voté la réforme des transports en ${['mai', 'juin', 'mars'][i % 3]}.` : 'Le conseil a voté la réforme des transports.',
    }));
    const query = 'Quand le conseil a-t-il voté la réforme ?';
    const index = new LexicalIndex();
    index.add([...counted, ...left]);
    index.search(query, 30);
    index.remove(counted.map((p) => p.id));
    const fresh = new LexicalIndex();
    fresh.add(left);
    expect(index.search(query, 10)).toEqual(fresh.search(query, 10));
  });
});
