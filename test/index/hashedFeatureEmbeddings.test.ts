import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';

const embeddings = new HashedFeatureEmbeddings();
const cosine = (a: string, b: string) => {
  const x = embeddings.embedText(a);
  const y = embeddings.embedText(b);
  return x.reduce((sum, value, i) => sum + value * y[i], 0);
};

describe('HashedFeatureEmbeddings', () => {
  it('is a LangChain Embeddings with an id naming its version and size', async () => {
    expect(embeddings).toBeInstanceOf(Embeddings);
    expect(embeddings.id).toMatch(/^hashed-v\d+-384$/);
    expect(new HashedFeatureEmbeddings({ dimensions: 256 }).id).toMatch(/-256$/);
    const [vector] = await embeddings.embedDocuments(['Microsoft héberge les modèles d’OpenAI']);
    expect(vector).toHaveLength(384);
    expect(await embeddings.embedQuery('Microsoft héberge les modèles d’OpenAI')).toEqual(vector);
  });

  it('gives unit vectors, the same for the same text', () => {
    const vector = embeddings.embedText('GPT-5 devrait être lancé fin mai.');
    expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
    expect(embeddings.embedText('GPT-5 devrait être lancé fin mai.')).toEqual(vector);
  });

  it('gives a zero vector for text without words, never NaN', () => {
    const vector = embeddings.embedText('… !!! ');
    expect(vector.every((value) => value === 0)).toBe(true);
  });

  it('GIVEN a paraphrase THEN scores it above unrelated text', () => {
    const question = 'Quand le lancement de GPT-5 est-il prévu ?';
    expect(cosine(question, 'GPT-5 devrait être officiellement lancé fin mai.')).toBeGreaterThan(
      cosine(question, 'Le gouvernement a présenté sa réforme des retraites.'),
    );
  });

  it('GIVEN an English question THEN the French passage that answers it scores above unrelated French ones', () => {
    const question = 'Which company is the cloud partner that hosts OpenAI models?';
    const answer = "En tant que principal partenaire de service cloud d'OpenAI, Microsoft héberge ses modèles sur ses serveurs.";
    const others = [
      'Le match de football s’est terminé sur un score nul au stade de France.',
      'La grève des transports perturbe le trafic ferroviaire en Île-de-France.',
      'GPT-4.5 est toujours basé sur l’architecture traditionnelle de la chaîne de pensée.',
    ];
    for (const other of others) expect(cosine(question, answer)).toBeGreaterThan(cosine(question, other) + 0.05);
  });

  it('GIVEN a French question THEN the English passage that answers it scores above unrelated English ones', () => {
    const question = 'Le lancement de GPT-5 a-t-il été reporté ?';
    const answer = 'The GPT-5 launch was delayed to early 2025 because of technical bottlenecks.';
    expect(cosine(question, answer)).toBeGreaterThan(cosine(question, 'Apple released a new iPhone with a better camera.'));
    expect(cosine(question, answer)).toBeGreaterThan(cosine(question, 'The central bank raised interest rates again.'));
  });

  it('GIVEN a model name typed as two words THEN the passage naming that model scores above one naming another', () => {
    const question = 'GPT 4.5';
    expect(cosine(question, 'GPT-4.5 sera dévoilé dans quelques semaines')).toBeGreaterThan(
      cosine(question, 'GPT-5 sera dévoilé dans quelques semaines') + 0.1,
    );
  });

  it('GIVEN a word without its accents THEN embeds it as with them', () => {
    expect(cosine('deploiement des serveurs', 'déploiement des serveurs')).toBeGreaterThan(0.99);
  });

  it('refuses a size that cannot hold features', () => {
    expect(() => new HashedFeatureEmbeddings({ dimensions: 0 })).toThrow(/dimensions/);
  });
});
