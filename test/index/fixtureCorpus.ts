import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';

/** The real offline embedder, counting how many texts it was asked to embed. */
export class CountingEmbeddings extends Embeddings {
  readonly inner = new HashedFeatureEmbeddings({ dimensions: 128 });
  documents = 0;
  constructor() {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.documents += texts.length;
    return this.inner.embedDocuments(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}

/** Three small articles, French and English, with front matter. */
export const ARTICLES: Record<string, string> = {
  'gpt5.md': `---
title: OpenAI repousse GPT-5
lang: fr
published: 2025-02-10
---
OpenAI a annoncé que le lancement de GPT-5 est reporté à l'été. Le modèle devait sortir au printemps.

Sam Altman explique que l'entreprise veut d'abord finir GPT-4.5. Les serveurs de Microsoft Azure sont déjà prêts pour l'hébergement.
`,
  'mistral.md': `---
title: Mistral signs with Microsoft
lang: en
published: 2024-02-26
---
French start-up Mistral AI has signed a partnership with Microsoft. Its Mistral Large model will be available on the Azure cloud.

Microsoft will invest 15 million euros in the Paris company. Regulators in Brussels said they would look at the deal.
`,
  'rugby.md': `---
title: Le XV de France gagne
lang: fr
published: 2025-03-15
---
Le XV de France a battu l'Écosse au Stade de France samedi soir. Antoine Dupont a marqué deux essais.

Les Bleus remportent le Tournoi des Six Nations pour la deuxième fois en trois ans.
`,
};

/** Writes `files` (name → content) into `dir`. */
export async function writeCorpus(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}
