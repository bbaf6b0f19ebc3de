import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { indirectQuestion } from '../../src/answers/indirectQuestion';
import { MESSAGES } from '../../src/answers/messages';
import { loadNewsFixture, type NewsFixture } from './newsFixture';

describe('a question embedded in a reply, in its own words', () => {
  it.each([
    ['Qui a racheté WhatsApp ?', 'qui a racheté WhatsApp'],
    ['Quand Emmanuel Macron a-t-il été élu ?', 'quand Emmanuel Macron a été élu'],
    ['Combien coûte le passe Navigo ?', 'combien coûte le passe Navigo'],
    ['Quand est-ce que la tour Eiffel rouvre ?', 'quand la tour Eiffel rouvre'],
    ['En quelle année la tour Eiffel a-t-elle été construite ?', 'en quelle année la tour Eiffel a été construite'],
    ['Avec qui Renault travaille-t-il ?', 'avec qui Renault travaille'],
    ["D'où vient le nom Orion ?", "d'où vient le nom Orion"],
    ['À quelle date la réforme des retraites entre-t-elle en vigueur ?', 'à quelle date la réforme des retraites entre en vigueur'],
    ['Où Airbus assemble-t-il l’A350 ?', 'où Airbus assemble l’A350'],
  ])('GIVEN the French question %s THEN the clause drops the inverted pronoun: %s', (question, clause) => {
    expect(indirectQuestion(question, 'fr')).toBe(clause);
  });

  it.each([
    ['Who bought WhatsApp?', 'who bought WhatsApp'],
    ['When will the Eiffel Tower reopen?', 'when the Eiffel Tower will reopen'],
    ['Who is the French prime minister?', 'who the French prime minister is'],
    ["Who is Stellantis's battery partner?", "who Stellantis's battery partner is"],
    ['When is the A350-1000 due?', 'when the A350-1000 is due'],
    ['Where is Total headquartered?', 'where Total is headquartered'],
    ['Who was elected president?', 'who was elected president'],
    ['What was announced at CES?', 'what was announced at CES'],
    ['Who is leading the race?', 'who is leading the race'],
    ['Which car is Tesla making?', 'which car Tesla is making'],
    ['How many planes has Airbus delivered?', 'how many planes Airbus has delivered'],
    ['Since when has Renault owned Dacia?', 'since when Renault has owned Dacia'],
    ['When was the Brexit deal signed?', 'when the Brexit deal was signed'],
    ['When was the Paris climate agreement adopted?', 'when the Paris climate agreement was adopted'],
  ])('GIVEN the English question %s THEN the auxiliary goes back after the subject: %s', (question, clause) => {
    expect(indirectQuestion(question, 'en')).toBe(clause);
  });

  it.each([
    ['Quand sortira-t-il ?', 'fr'],
    ['Est-ce que Renault vend Dacia ?', 'fr'],
    ['Que dois-je faire ?', 'fr'],
    ['Comment pouvons-nous voter ?', 'fr'],
    ['Which company did Microsoft buy?', 'en'],
    ['When will the new iPhone be released?', 'en'],
    ['Is Renault selling Dacia?', 'en'],
    ['What are the new iPhones called?', 'en'],
  ] as const)('GIVEN %s, which word order alone cannot embed THEN there is no clause, so the reply falls back on what was asked', (question, language) => {
    expect(indirectQuestion(question, language)).toBeNull();
  });
});

describe('declines worded from the question', () => {
  it('GIVEN "What are the new iPhones called?" THEN the decline does not cut it into "the new iPhones called"', () => {
    expect(MESSAGES.en.notAnswered('What are the new iPhones called?')).toBeNull();
    expect(MESSAGES.en.notAnswered('What is the code name of GPT-4.5?')).toBe("The indexed articles don't give the code name of GPT-4.5.");
  });

  let news: NewsFixture;
  beforeAll(async () => {
    news = await loadNewsFixture();
  });
  afterAll(() => news?.close());

  it('GIVEN a "who" question the articles do not answer THEN the decline restates it, without a bare name in brackets', async () => {
    const answer = await answerQuestion('Qui a racheté WhatsApp ?', news.deps);
    expect(answer.abstained).toBe(true);
    expect(answer.answer.split('\n')[0]).toMatch(/^Les articles indexés ne disent pas qui a racheté WhatsApp\./);
    expect(answer.answer).not.toContain('(WhatsApp)');
  });

  it('GIVEN an English date question about an event no article tells THEN the decline uses its verb, not "released"', async () => {
    const answer = await answerQuestion('When will the Eiffel Tower reopen?', news.deps);
    expect(answer.abstained).toBe(true);
    expect(answer.answer.split('\n')[0]).toMatch(/^The indexed articles don't say when the Eiffel Tower will reopen\./);
    expect(answer.answer).not.toContain('released');
  });

  it('GIVEN a date question whose verb is not read and whose words cannot be embedded THEN the decline quotes it rather than call it a release', async () => {
    const answer = await answerQuestion('When did the Eiffel Tower reopen?', news.deps);
    expect(answer.abstained).toBe(true);
    expect(answer.answer.split('\n')[0]).toMatch(/^The indexed articles don't answer "When did the Eiffel Tower reopen\?"/);
  });
});

describe('a decline that names what the articles do not mention', () => {
  let corpus: string;
  let news: NewsFixture;
  beforeAll(async () => {
    corpus = mkdtempSync(join(tmpdir(), 'scoop-eiffel-'));
    writeFileSync(
      join(corpus, 'tour.txt'),
      'title: La tour Eiffel rouvre ses escaliers aux visiteurs\npublished: 2020-06-25\n\nLa tour Eiffel a rouvert jeudi matin, après trois mois de fermeture. Les visiteurs doivent monter à pied jusqu\'au deuxième étage, les ascenseurs ne reprenant du service que le 1er juillet.\n',
    );
    writeFileSync(join(corpus, 'navigo.txt'), 'title: Le passe Navigo ne bougera pas\npublished: 2018-12-10\n\nL\'abonnement mensuel au passe Navigo coûte 75,20 euros, a rappelé la présidente de région.\n');
    news = await loadNewsFixture(corpus);
  });
  afterAll(() => {
    news?.close();
    rmSync(corpus, { recursive: true, force: true });
  });

  it('GIVEN an English name whose French article writes one of its words ("Eiffel Tower", « la tour Eiffel ») THEN a decline never says the articles do not mention it', async () => {
    const answer = await answerQuestion('When did the Eiffel Tower reopen?', news.deps);
    expect(answer.answer).not.toMatch(/don't mention/);
    expect(answer.value ?? '').not.toMatch(/75,20|2018/);
  });

  it('GIVEN a name no article writes any word of THEN the decline still says so', async () => {
    const answer = await answerQuestion('When will the Golden Gate Bridge reopen?', news.deps);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/They don't mention Golden Gate Bridge\./);
  });
});
