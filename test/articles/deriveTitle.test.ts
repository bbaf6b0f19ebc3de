import { describe, expect, it } from 'vitest';
import { cleanTitle, deriveTitle } from '../../src/articles/deriveTitle';

describe('deriveTitle', () => {
  it('GIVEN a short first line without a final period followed by text THEN it is the title', () => {
    expect(deriveTitle('Nvidia posts record quarter\n\nNvidia reported record revenue on Wednesday.')).toBe('Nvidia posts record quarter');
    expect(deriveTitle('GPT-5 : la sortie repoussée ?\nOpenAI a confirmé un retard.')).toBe('GPT-5 : la sortie repoussée ?');
  });

  it('GIVEN a Markdown heading THEN the title is the heading without its hashes', () => {
    expect(deriveTitle('# Apple delays its smarter Siri\n\nApple said on Friday...')).toBe('Apple delays its smarter Siri');
  });

  it('GIVEN a first line that is a sentence THEN the title is that sentence without its period', () => {
    expect(deriveTitle("Le Louvre a fermé mardi.\nUne panne électrique en est la cause.")).toBe('Le Louvre a fermé mardi');
  });

  it('GIVEN a long first sentence THEN it is cut near 100 characters at a word boundary with an ellipsis', () => {
    const text =
      "Selon les rapports des médias étrangers, l'équipe d'ingénieur de Microsoft accélère le déploiement des ressources du serveur pour les prochains modèles. Suite.";
    const title = deriveTitle(text);
    expect(title).toBe("Selon les rapports des médias étrangers, l'équipe d'ingénieur de Microsoft accélère le déploiement…");
    expect(title.length).toBeLessThanOrEqual(101);
  });

  it('GIVEN abbreviations, initials and version numbers THEN the first sentence does not stop at their dots', () => {
    expect(deriveTitle('M. Macron a reçu J. Huang à l’Élysée. Il a parlé de puces.')).toBe('M. Macron a reçu J. Huang à l’Élysée');
    expect(deriveTitle('OpenAI will ship GPT-4.5 within weeks. GPT-5 follows.')).toBe('OpenAI will ship GPT-4.5 within weeks');
  });

  it('GIVEN a text that is one line THEN that line is not taken as a headline but shortened as a sentence', () => {
    expect(deriveTitle('Une seule ligne sans point final')).toBe('Une seule ligne sans point final');
  });
});

describe('cleanTitle', () => {
  it('collapses whitespace and treats a blank title as missing', () => {
    expect(cleanTitle('  Mistral   AI\nlève des fonds ')).toBe('Mistral AI lève des fonds');
    expect(cleanTitle('   ')).toBeNull();
    expect(cleanTitle(undefined)).toBeNull();
  });
});
