import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/articles/frontMatter';

describe('splitFrontMatter', () => {
  it('GIVEN no front matter THEN the whole text is the body', () => {
    const text = 'Nvidia posts record quarter\n\nRevenue tripled.\n';
    expect(splitFrontMatter(text)).toEqual({ body: text, metadata: {}, ignored: [] });
  });

  it('GIVEN Windows line endings THEN the body is exactly what follows the closing line', () => {
    const split = splitFrontMatter('---\r\ntitle: Le Louvre fermé\r\ndate: 2024-03-05\r\n---\r\nLe musée est resté fermé.\r\n');
    expect(split).toEqual({ body: 'Le musée est resté fermé.\r\n', metadata: { title: 'Le Louvre fermé', published: '2024-03-05' }, ignored: [] });
  });

  it('GIVEN a blank line after the front matter THEN it stays in the body, unchanged', () => {
    const split = splitFrontMatter('---\nlang: en\n---\n\nBody.\n');
    expect(split).toEqual({ body: '\nBody.\n', metadata: { language: 'en' }, ignored: [] });
  });

  it('GIVEN empty front matter THEN the metadata is empty', () => {
    expect(splitFrontMatter('---\n---\nBody.')).toEqual({ body: 'Body.', metadata: {}, ignored: [] });
  });

  it('GIVEN front matter that is not key: value lines THEN a reason is given', () => {
    expect(splitFrontMatter('---\n- a\n- b\n---\nBody.')).toEqual({ reason: expect.stringMatching(/not a list of "key: value" lines/) });
  });

  it('GIVEN a source that is a URL and no url THEN it becomes the url; a publication name is ignored', () => {
    expect(splitFrontMatter('---\nsource: https://actu.example.fr/a\n---\nCorps.')).toMatchObject({ metadata: { url: 'https://actu.example.fr/a' } });
    expect(splitFrontMatter('---\nsource: Le Monde\n---\nCorps.')).toMatchObject({ metadata: {} });
  });

  it('GIVEN plain key: value lines that YAML rejects (a French title with its colon) THEN each value is read as written', () => {
    const split = splitFrontMatter('---\ntitle: Sécurité routière : un mois de mars meurtrier\npublished: 2021-04-02\nlang: fr\n---\nCorps.');
    expect(split).toMatchObject({ body: 'Corps.', metadata: { title: 'Sécurité routière : un mois de mars meurtrier', language: 'fr' } });
  });

  it('GIVEN front matter YAML rejects that is not plain lines (an unclosed quote) THEN it is still refused with the reason', () => {
    expect(splitFrontMatter('---\ntitle: "Unterminated : quote\n---\nCorps.')).toEqual({ reason: expect.stringMatching(/unparsable YAML front matter/) });
  });
});
