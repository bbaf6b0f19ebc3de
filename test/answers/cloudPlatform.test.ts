import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadWrittenFixture({
    'anthropic-google.md':
      '---\ntitle: Anthropic et Google renforcent leur alliance\npublished: 2025-03-04\nlang: fr\n---\n' +
      'Anthropic a signé un partenariat cloud avec Google : ses modèles Claude tournent désormais sur Vertex AI.\n',
    'openai-microsoft.md': '---\ntitle: OpenAI choisit Microsoft\npublished: 2025-03-05\nlang: fr\n---\nOpenAI a signé un partenariat cloud avec Microsoft pour héberger ChatGPT.\n',
  });
});
afterAll(() => news?.close());

describe('the platform of a cloud tie', () => {
  it("GIVEN a cloud tie whose sentence names the provider's platform THEN the answer names it", async () => {
    const answer = await answerQuestion("Qui est le partenaire cloud d'Anthropic ?", news.deps);
    expect(answer).toMatchObject({ kind: 'partnership', abstained: false });
    expect(answer.answer.split('\n')[0]).toMatch(/^Google .*\(Vertex AI\) \[1\]/u);
  });

  it('GIVEN a cloud tie whose sentence names a product, not a platform THEN no platform is given', async () => {
    const answer = await answerQuestion("Qui est le partenaire cloud d'OpenAI ?", news.deps);
    expect(answer).toMatchObject({ kind: 'partnership', abstained: false });
    const first = answer.answer.split('\n')[0];
    expect(first).toMatch(/^Microsoft .*OpenAI \[1\]/u);
    expect(first).not.toContain('(ChatGPT)');
  });
});
