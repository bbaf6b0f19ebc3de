import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asksSomething } from '../../src/answers/analyzeQuestion';
import { expectedAnswerType } from '../../src/text/expectedAnswerType';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { loadNewsFixture, type NewsFixture } from './newsFixture';

let news: NewsFixture;

beforeAll(async () => {
  news = await loadNewsFixture();
});
afterAll(() => news?.close());

/** Headlines as OrangeSum prints them (verbatim titles of its articles): they state, they do not ask. */
const ORANGESUM_HEADLINES = [
  'Kourou: lancement prévu de la fusée européenne Vega',
  'Roche va lancer fin septembre un test rapide du coronavirus',
  'La console nouvelle génération de Microsoft sortira en novembre, à 499 dollars',
  "Opéra de Paris: vers un déficit d'environ de 40 millions d'euros",
  'Officiel : Luca de Meo est le nouveau directeur général de Renault : actualité automobile, infos, scoop',
  'Tesla Cybertruck : déjà 600 000 précommandes : actualité automobile, infos, scoop',
  'Coronavirus : le point sur la pandémie dans le monde',
  "Mélenchon à Macron: \"Attends bonhomme, c'est pas réglé !\"",
  "Prix de l'eau : une hausse pour rénover les canalisations ?",
  "Electricité : pourquoi les prix risquent d'augmenter dans les prochains mois",
  'Comment mieux prévenir et lutter contre les cancers : les Français appelés à donner leur avis',
  "23 milliards d'euros, le coût faramineux du bruit au travail",
  'Quand une phrase du prince Harry fâche la famille Markle',
];

/** Ways people ask, including the clipped ones PIAF's writers used (no question mark, the question word after a preposition). */
const QUESTIONS = [
  'Quand sort GPT-5 ?',
  'who hosts OpenAI',
  'Dans quel pays le collège des jésuites a été créé',
  'De quoi sont accusés les acadiens',
  'Par qui est soutenue le club',
  "Date de naissance d'Anselm Franz",
  'Donnez une chaîne de télévision britannique',
  "l'information doit être conforme à quoi",
  'GPT-5 release date',
  'prix de la Polestar 2',
  'Primaire à gauche : qui soutient qui dans le duel Hamon/Valls ?',
  'GPT-5 : quand sort-il ?',
  'OpenAI : qui héberge ses modèles',
  'Quand la Twingo a-t-elle été annoncée',
  'Quand le GPT-5 sortira-t-il ?',
];

describe('a headline asks nothing', () => {
  it('GIVEN OrangeSum headlines THEN none is read as asking; GIVEN questions, clipped or not, THEN each is', () => {
    for (const headline of ORANGESUM_HEADLINES) expect(asksSomething(headline), headline).toBe(false);
    for (const question of QUESTIONS) expect(asksSomething(question), question).toBe(true);
  });

  it('GIVEN each indexed article\'s own headline asked as is THEN no short value: a decline or a verbatim sentence given as what the articles say', async () => {
    const headlines = [...new Set(news.articles.map((a) => a.title))];
    expect(headlines.length).toBeGreaterThanOrEqual(5);
    let quoted = 0;
    for (const headline of headlines) {
      const answer = await answerQuestion(headline, news.deps);
      expect(answer.value, headline).toBeNull();
      if (answer.abstained) {
        expect(answer.citations, headline).toEqual([]);
        continue;
      }
      quoted += 1;
      expect(answer.answer, headline).toMatch(/^(?:What the articles say: ".+"|Ce que disent les articles : « .+ ») \[1\]$/u);
      expect(answer.citations, headline).toHaveLength(1);
      const [citation] = answer.citations;
      const article = news.articles.find((a) => a.id === citation.articleId)!;
      expect(citation.snippet).toBe(article.text.slice(citation.start, citation.end));
      expect(answer.answer).toContain(citation.snippet.replace(/\s+/g, ' '));
    }
    expect(quoted, 'headlines of indexed articles read from them').toBeGreaterThan(0);
  });

  it('GIVEN a headline no article tells THEN it is declined as a statement not said, not as a date question unanswered', async () => {
    const answer = await answerQuestion('Kourou: lancement prévu de la fusée européenne Vega', news.deps);
    expect(answer).toMatchObject({ abstained: true, value: null, confidence: 0, citations: [] });
    expect(answer.answer).toMatch(/^Aucune phrase des articles indexés ne dit cela\b/u);
  });

  it('GIVEN the same subject asked as a question THEN it still gets its short value', async () => {
    const answer = await answerQuestion('When is GPT-5 expected?', news.deps);
    expect(answer.abstained).toBe(false);
    expect(answer.value).toMatch(/May 2025|mai 2025/);
  });
});

describe('a yes/no question is read, not given a pulled-out word', () => {
  it('GIVEN titles whose "qui" is a relative pronoun THEN they ask nothing', () => {
    expect(asksSomething('Ces chanteurs qui nous ont quittés en 2016')).toBe(false);
    expect(asksSomething('La femme qui a inspiré "Joe le Taxi" est morte')).toBe(false);
    expect(asksSomething('Par qui est soutenue le club')).toBe(true);
  });

  it('GIVEN a yes/no question about no date or tie THEN no short value, the sentence that says it quoted', async () => {
    for (const question of ['Microsoft prépare-t-il des serveurs pour GPT-4.5 ?', 'Des serveurs pour GPT-4.5 chez Microsoft ?']) {
      const answer = await answerQuestion(question, news.deps);
      expect(answer.value, question).toBeNull();
      expect(answer.abstained, question).toBe(false);
      expect(answer.citations.length, question).toBeGreaterThan(0);
      expect(foldedSnippets(answer.citations), question).toMatch(/serveur|server/);
    }
  });

  it('GIVEN a yes/no question about a tie THEN no partner named as a value: the sentence that says it, quoted', async () => {
    const answer = await answerQuestion("Microsoft est-il le partenaire cloud d'OpenAI ?", news.deps);
    expect(answer.value).toBeNull();
    expect(answer.abstained).toBe(false);
    expect(foldedSnippets(answer.citations)).toMatch(/microsoft/);
  });

  it('GIVEN a yes/no question about a date THEN it keeps its typed answer', async () => {
    const answer = await answerQuestion('GPT-5 a-t-il été reporté ?', news.deps);
    expect(answer.value).toMatch(/début 2025|early 2025/);
  });
});

function foldedSnippets(citations: { snippet: string }[]): string {
  return citations.map((citation) => citation.snippet.toLowerCase()).join(' ');
}

describe('questions without a question word', () => {
  it('GIVEN a question that names what it wants, or a two-word preposition before its question word, THEN it asks for that', () => {
    expect(expectedAnswerType('Le lieu du sommet ?', 'fr')).toBe('place');
    expect(expectedAnswerType('Une hausse pour rénover les canalisations ?', 'fr')).toBe('yes-no');
    expect(asksSomething('Grâce à qui le projet a abouti')).toBe(true);
    expect(asksSomething('Lors de quel salon sera présenté le modèle')).toBe(true);
  });
});
