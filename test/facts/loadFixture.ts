import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/articles/article';
import type { Language } from '../../src/text/language';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The seed article as the tests know it: published "2025-02", in French. */
export function seedArticle(): Article {
  return {
    id: 'seed000',
    source: '000_f20889ff108f9afa.txt',
    title: 'GPT-4.5 et GPT-5 : Microsoft prépare ses serveurs',
    language: 'fr',
    published: '2025-02',
    url: null,
    text: readFileSync(`${root}seeds/000_f20889ff108f9afa.txt`, 'utf8'),
  };
}

/** A fixture of test/fixtures/facts: NAME.txt with its NAME.meta.json (title, language, published). */
export function factsFixture(name: string): Article {
  const dir = `${root}test/fixtures/facts/`;
  const meta = JSON.parse(readFileSync(`${dir}${name}.meta.json`, 'utf8')) as {
    title: string;
    language: Language;
    published: string | null;
  };
  return {
    id: name,
    source: `${name}.txt`,
    title: meta.title,
    language: meta.language,
    published: meta.published,
    url: null,
    text: readFileSync(`${dir}${name}.txt`, 'utf8'),
  };
}
