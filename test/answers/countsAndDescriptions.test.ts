import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { loadNewsFixture, loadWrittenFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadNewsFixture('test/fixtures/topics');
});
afterAll(() => news?.close());

describe('a count is of the noun the question counts', () => {
  it('GIVEN « 1.100 victimes …, soit 240 décès supplémentaires » THEN "how many people died" in either language gets the total, not the day\'s figure', async () => {
    for (const question of ['How many people died of the coronavirus in France?', 'Combien de personnes sont mortes du coronavirus en France ?', 'Combien de morts du coronavirus en France ?']) {
      const answer = await answerQuestion(question, news.deps);
      expect(answer.abstained, question).toBe(false);
      expect(answer.value, question).toBe('1.100 victimes');
      expect(answer.citations[0].snippet, question).toContain('1.100 victimes');
    }
  });

  it('GIVEN the same sentence THEN a question asking for the new deaths gets the day\'s figure', async () => {
    const answer = await answerQuestion('Combien de nouveaux décès en France ?', news.deps);
    expect(answer.value).toBe('240');
  });

  it('GIVEN a number inside a name (« Mouvement 5 étoiles ») THEN it is no count of anything', async () => {
    const answer = await answerQuestion("Combien d'étoiles compte le mouvement de Luigi Di Maio ?", news.deps);
    expect(answer.value ?? '').not.toMatch(/^5\b/);
  });
});

describe('"who is NAME?" is answered with what the articles say the name is', () => {
  it('GIVEN « Carlos Ghosn, l\'ancien PDG de Renault, » THEN "Who is Carlos Ghosn?" and « Qui est Carlos Ghosn ? » get that description, not another name of the sentence', async () => {
    for (const question of ['Who is Carlos Ghosn?', 'Qui est Carlos Ghosn ?']) {
      const answer = await answerQuestion(question, news.deps);
      expect(answer.abstained, question).toBe(false);
      expect(answer.value, question).toBe("l'ancien PDG de Renault");
      expect(answer.citations[0].snippet, question).toContain("Carlos Ghosn, l'ancien PDG de Renault");
    }
  });

  it('GIVEN a title written before the name (« le directeur général de la santé, Jérôme Salomon ») THEN that title', async () => {
    const answer = await answerQuestion('Who is Jérôme Salomon?', news.deps);
    expect(answer.value).toBe('le directeur général de la santé');
  });

  it('GIVEN a name the articles give no description of (« présidé par Jean-Dominique Senard ») THEN declines rather than answer with another name', async () => {
    const answer = await answerQuestion('Qui est Jean-Dominique Senard ?', news.deps);
    expect(answer.abstained).toBe(true);
    expect(answer.value).toBeNull();
  });
});

describe('an ordinal is a rank, not a count', () => {
  it('GIVEN « le 25ème épisode de la saga, où meurent plusieurs personnages » THEN "combien de personnes meurent" is not answered with « 25ème épisode »', async () => {
    const fixture = await loadWrittenFixture({
      'bond.md':
        '---\ntitle: Aston Martin dans le prochain James Bond\npublished: 2020-03-04\nlang: fr\n---\n' +
        'Le constructeur de Gaydon a confirmé la présence de ses modèles dans le 25ème épisode de la saga James Bond, où meurent plusieurs personnages.\n',
    });
    try {
      const answer = await answerQuestion('Combien de personnes meurent dans le film James Bond ?', fixture.deps);
      expect(answer.value ?? '').not.toContain('25');
    } finally {
      fixture.close();
    }
  });
});

describe('"who is NAME?" takes no phrase that is about someone else', () => {
  it.each([
    ['Selon Jean Dupont, le Premier ministre doit démissionner avant la fin du mois.', 'Qui est Jean Dupont ?'],
    ["Visant particulièrement Jean Dupont, le porte-parole du gouvernement l'accuse de mentir.", 'Qui est Jean Dupont ?'],
    ['Le directeur de campagne de Jean Dupont, Paul Martin, a démissionné.', 'Qui est Jean Dupont ?'],
    ['According to Jean Dupont, the prime minister must resign before the end of the month.', 'Who is Jean Dupont?'],
  ])('GIVEN « %s » THEN %s declines', async (sentence, question) => {
    const fixture = await loadWrittenFixture({ 'politique.md': `---\ntitle: Politique\npublished: 2020-03-04\n---\n${sentence}\n` });
    try {
      const answer = await answerQuestion(question, fixture.deps);
      expect(answer.abstained, answer.answer).toBe(true);
    } finally {
      fixture.close();
    }
  });
});
