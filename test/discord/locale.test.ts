import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { MESSAGES } from '../../bot/messages';
import { feedListText } from '../../commands/feeds';
import { startBot, type RunningBot } from './botHarness';
import { fakeUser } from './fakeDiscord';
import { FAILING_QUESTION, FakeScoop } from './fakeScoop';

const FR = { locale: 'fr' };
/** The Manage Server permission bit, as Discord sends it. */
const MANAGE_SERVER = '32';

describe('Scoop’s words in the user’s language, on a fake Discord', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN a French-locale /ask THEN the footer and the buttons are French', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    const edit = await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }, fake.defaultUser, FR));
    expect(edit.body.embeds[0].footer.text).toBe('1 article consulté · le plus récent du 20 févr. 2025');
    expect(edit.body.components[0].components[0].label).toBe('Autres sources');
    const abstained = await fake.editOf(fake.slashCommand('ask', { question: 'When will GPT-6 be released?' }, fakeUser('bob'), FR));
    expect(abstained.body.embeds[0].footer.text).toBe('1 article consulté · le plus récent du 20 févr. 2025 · la réponse n’y est pas');
    expect(abstained.body.embeds[0].fields.every((f: { name: string }) => f.name.startsWith('À lire aussi : ') || f.name.startsWith('À lire aussi: '))).toBe(true);
  });

  it('GIVEN a French-locale /latest, blank topic error included THEN its title, footer and error are French', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    const edit = await fake.editOf(fake.slashCommand('latest', {}, fake.defaultUser, FR));
    expect(edit.body.embeds[0].title).toBe('Derniers articles');
    expect(edit.body.embeds[0].footer.text).toMatch(/^Article le plus récent : /);
    const about = await fake.editOf(fake.slashCommand('latest', { topic: 'Airbus' }, fakeUser('bob'), FR));
    expect(about.body.embeds[0].title).toBe('Derniers articles sur Airbus');
    const blank = await fake.callbackOf(fake.slashCommand('latest', { topic: '\u200b' }, fakeUser('carol'), FR));
    expect(blank.body.data.content).toBe(MESSAGES.fr.emptyInput('search'));
  });

  it('GIVEN French-locale notices and errors THEN they are French; the same in English stay English', async () => {
    running = await startBot(new FakeScoop(), { env: { COOLDOWN_SECONDS: '30' } });
    const { fake } = running;
    const blank = await fake.callbackOf(fake.slashCommand('ask', { question: '  ' }, fake.defaultUser, FR));
    expect(blank.body.data.content).toBe('Votre question est vide : écrivez quelques mots, par exemple « Quand sort GPT-5 ? »');
    await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }, fake.defaultUser, FR));
    const slow = await fake.callbackOf(fake.slashCommand('ask', { question: 'Et GPT-4.5 ?' }, fake.defaultUser, FR));
    expect(slow.body.data.content).toMatch(/^Doucement : vous pourrez reposer une question dans (29|30) secondes\.$/);
    const failing = await fake.editOf(fake.slashCommand('ask', { question: FAILING_QUESTION }, fakeUser('carol'), FR));
    expect(failing.body.content).toBe(MESSAGES.fr.apology);
    const english = await fake.callbackOf(fake.slashCommand('ask', { question: '  ' }, fakeUser('dave'), { locale: 'en-GB' }));
    expect(english.body.data.content).toMatch(/^Your question is empty/);
  });

  it('GIVEN a French-locale /help, /settings and button click THEN their titles, fields and thanks are French', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    const help = await fake.callbackOf(fake.slashCommand('help', {}, fake.defaultUser, FR));
    expect(help.body.data.embeds[0].title).toBe('Scoop répond aux questions sur l’actualité, en citant ses sources');
    expect(help.body.data.embeds[0].description).toContain('mentionnez-moi dans votre question suivante');
    const settings = await fake.callbackOf(fake.slashCommand('settings show', {}, fake.defaultUser, FR));
    expect(settings.body.data.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(['Mentions traitées dans', 'Fils', 'Langue des réponses', 'Délai']);
    const answered = await fake.editOf(fake.slashCommand('ask', { question: 'When is GPT-5 coming out?' }));
    const message = [...fake.messages.values()].at(-1)!;
    const up = answered.body.components[0].components[1].custom_id;
    const thanks = await fake.callbackOf(fake.clickButton(message, up, fake.defaultUser, FR));
    expect(thanks.body.data.content).toBe(MESSAGES.fr.thanksUp);
    const timeline = await fake.callbackOf(fake.slashCommand('timeline', { subject: 'GPT-5' }, fake.defaultUser, FR));
    expect(timeline.body.data.embeds[0].title).toBe('Chronologie : GPT-5');
    expect(timeline.body.data.embeds[0].description).toBe('• **GPT-5** sortie: “fin mai” → 2025-05-21 au 2025-05-31 · prévu [1]');
  });
});

describe('/feeds and /ingest in French', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN French-locale /feeds and /ingest THEN their refusals are French, ephemeral', async () => {
    running = await startBot(new FakeScoop());
    const { fake } = running;
    const member = await fake.callbackOf(fake.slashSubcommand('feeds', 'add', { url: 'https://example.com/rss.xml' }, fake.defaultUser, FR));
    expect(member.body.data.content).toBe('Seuls les membres qui peuvent gérer ce serveur peuvent changer ses flux.');
    expect(member.body.data.flags & 64).toBe(64);
    const manager = await fake.callbackOf(fake.slashSubcommand('feeds', 'list', {}, fakeUser('bob'), { ...FR, permissions: MANAGE_SERVER }));
    expect(manager.body.data.content).toBe('Les flux ne sont pas activés sur ce bot.');
    const ingest = await fake.callbackOf(fake.slashCommand('ingest', { url: 'https://example.com/news.html' }, fakeUser('carol'), { ...FR, permissions: MANAGE_SERVER }));
    expect(ingest.body.data.content).toBe('La lecture de pages n’est pas activée sur ce bot.');
  });

  it('GIVEN the feed list in French THEN its heading, counts and states are French', () => {
    const listing = { url: 'https://example.com/rss.xml', title: 'Tech Wire', items: 3, failures: 0, lastError: null, nextAttempt: null };
    const text = feedListText(
      [
        { ...listing, lastFetched: '2025-02-20T08:15:00.000Z' },
        { ...listing, title: null, url: 'https://example.org/feed', items: 1, lastFetched: null, lastError: 'HTTP 503', failures: 2, nextAttempt: '2025-02-20T09:00:00.000Z' },
      ],
      MESSAGES.fr.feeds,
    );
    expect(text).toBe(
      '2 flux :\n' +
        '• **Tech Wire** <https://example.com/rss.xml> · 3 entrées · lu pour la dernière fois le 2025-02-20 08:15 UTC\n' +
        '• **https://example.org/feed** <https://example.org/feed> · 1 entrée · en échec : HTTP 503 (2 de suite, prochain essai 2025-02-20 09:00 UTC)',
    );
    expect(feedListText([], MESSAGES.fr.feeds)).toBe('Aucun flux n’est suivi. Ajoutez-en un avec `/flux ajouter adresse:`.');
  });
});

describe('French localisations of the command definitions', () => {
  it('GIVEN every command THEN its name, description and options have French localisations', () => {
    for (const command of commands) {
      const json = command.data.toJSON() as unknown as Record<string, unknown> & { name: string };
      expect((json.name_localizations as Record<string, string> | undefined)?.fr, json.name).toBeTruthy();
      if (json.type === 3) continue;
      expect((json.description_localizations as Record<string, string> | undefined)?.fr, json.name).toBeTruthy();
      const walk = (options: Record<string, unknown>[] = []) => {
        for (const option of options) {
          expect((option.name_localizations as Record<string, string> | undefined)?.fr, `${json.name} ${option.name}`).toBeTruthy();
          expect((option.description_localizations as Record<string, string> | undefined)?.fr, `${json.name} ${option.name}`).toBeTruthy();
          walk(option.options as Record<string, unknown>[] | undefined);
        }
      };
      walk(json.options as Record<string, unknown>[] | undefined);
    }
  });
});
