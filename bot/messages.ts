import type { ClaimStatus, DateEventKind } from '../src/facts/fact';
import type { AnswerLanguage } from './serverSettings';

/** The languages Scoop's own words (titles, footers, buttons, notices, errors) come in. */
export type Locale = 'en' | 'fr';

/**
 * The locale of Scoop's words for a Discord locale (`fr`, `en-US`, `en-GB`...):
 * French for any French, English otherwise.
 */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One day formatter per locale, made once: building an Intl.DateTimeFormat costs far more than formatting with it. */
const DAY_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A day as people read it ("20 Feb 2025", « 20 févr. 2025 »); a partial date (year, month) as written. */
function readableDate(iso: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  return DAY_FORMATS[locale].format(day);
}

/** Every word Scoop writes around the articles' own, in one language. */
export interface Messages {
  locale: Locale;
  searched(articles: number): string;
  /** Footer part: how fresh the knowledge is. */
  newestFrom(date: string): string;
  /** /sources: the other outlets that carried a story. */
  alsoIn(outlets: string): string;
  /** /sources title when near-duplicates are grouped: how many stories the articles tell. */
  stories(count: number): string;
  noAnswerInThem: string;
  relatedReading: string;
  moreSourcesTitle(question: string): string;
  noOtherPassage: string;
  searchTitle(query: string): string;
  noPassageMatches: string;
  moreSourcesButton: string;
  tooOld: string;
  thanksUp: string;
  thanksDown: string;
  unknownCommand(name: string): string;
  slowDown(seconds: number): string;
  serverBusy(seconds: number): string;
  apology: string;
  emptyInput(what: InputKind): string;
  tooLong(what: InputKind, length: number, limit: number): string;
  noTextInMessage: string;
  noThreadHere: string;
  notAServer: string;
  notListed(channelId: string): string;
  settingsSaved: string;
  settingsOfServer: string;
  settingsFields: { mentions: string; threads: string; language: string; cooldown: string };
  everyChannel: string;
  threadsOn: string;
  threadsOff: string;
  answerLanguages: Record<AnswerLanguage, string>;
  cooldownValue(seconds: number, isDefault: boolean): string;
  notShown(count: number): string;
  andMore(count: number): string;
  timelineTitle(subject: string): string;
  recentEvents: string;
  nothingDated(subject: string): string;
  noDatedEvents: string;
  datedClaims(count: number): string;
  countedFromArticle: string;
  laterMoved: string;
  dateTo: string;
  events: Record<DateEventKind, string>;
  statuses: Record<ClaimStatus, string>;
  partnersTitle(company: string): string;
  nothingAboutPartners(company: string): string;
  ties(count: number): string;
  indexedArticles(count: number): string;
  noArticleYet: string;
  undated: string;
  /** /latest: its title (about a topic, or not), the empty topic, and the footer. */
  latestTitle(topic: string | null): string;
  noArticleAbout: string;
  newestArticle(date: string): string;
  languageNames: { fr: string; en: string; und: string };
  passagesSearchable(count: number): string;
  /** /feeds and /ingest, for server managers. */
  feeds: FeedWords;
  /** Core refusals, by their code, where the core's own message (English, written for a terminal) is not what a Discord user should read. */
  coreErrors: Record<string, string | ((error: CoreError) => string)>;
}

/** A refusal from the core: a fetch refusal or failure also names its URL and the reason (the reason stays as the fetcher wrote it). */
export interface CoreError {
  code: string;
  message: string;
  url?: string;
  reason?: string;
}

/** The words of /feeds and /ingest. Times are `YYYY-MM-DD HH:MM` UTC; titles and URLs come escaped. */
export interface FeedWords {
  feedsOff: string;
  pagesOff: string;
  onlyManagersChangeFeeds: string;
  onlyManagersAddArticles: string;
  noFeed: string;
  /** The list's heading: how many feeds. */
  feedCount(count: number): string;
  items(count: number): string;
  failing(error: string, failures: number, nextAttempt: string | null): string;
  lastFetched(at: string): string;
  notPolledYet: string;
  nowFollowing(title: string, url: string): string;
  alreadyFollowing(title: string, url: string): string;
  stoppedFollowing(url: string): string;
  notFollowed(url: string): string;
  /** /ingest: `dated` is the article's day in parentheses, or empty. */
  articleAdded(title: string, dated: string): string;
  articleKnown(title: string, dated: string): string;
}

/** What an input was: a question, a search, a subject... (for the blank and too-long notices). */
export type InputKind = 'question' | 'search' | 'subject' | 'company name' | 'message';

const FRENCH_INPUT: Record<InputKind, string> = {
  question: 'Votre question',
  search: 'Votre recherche',
  subject: 'Votre sujet',
  'company name': 'Le nom d’entreprise',
  message: 'Ce message',
};

/** Scoop's words, in English and in French: the one message catalogue of the Discord layer. */
export const MESSAGES: Record<Locale, Messages> = {
  en: {
    locale: 'en',
    searched: (n) => `Searched ${plural(n, 'article', 'articles')}`,
    newestFrom: (date) => `newest from ${readableDate(date, 'en')}`,
    alsoIn: (outlets) => `also in ${outlets}`,
    stories: (n) => plural(n, 'story', 'stories'),
    noAnswerInThem: 'no answer in them',
    relatedReading: 'Related reading',
    moreSourcesTitle: (q) => `More sources: ${q}`,
    noOtherPassage: 'No other passage of the indexed articles is about this question.',
    searchTitle: (q) => `Search: ${q}`,
    noPassageMatches: 'No passage of the indexed articles matches these words.',
    moreSourcesButton: 'More sources',
    tooOld: 'This answer is too old for me to remember: ask the question again.',
    thanksUp: 'Thanks, glad it helped! 👍',
    thanksDown: 'Thanks, noted: this helps make Scoop better. 👎',
    unknownCommand: (name) => `I don't know the command /${name}; try /help.`,
    slowDown: (s) => `Slow down a little: you can ask again in ${plural(s, 'second', 'seconds')}.`,
    serverBusy: (s) => `This server has asked all the questions it may ask in a minute; try again in ${plural(s, 'second', 'seconds')}.`,
    apology: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
    emptyInput: (what) => `Your ${what} is empty: write a few words, e.g. "When is GPT-5 coming out?"`,
    tooLong: (what, length, limit) => `Your ${what} is ${length} characters long; the limit is ${limit}. Please shorten it.`,
    noTextInMessage: 'This message has no text for me to read (only an image, an embed or a file).',
    noThreadHere: 'I could not open a thread here (threads need a server text channel where Scoop is a member): ask follow-ups by replying to the answer.',
    notAServer: 'Settings belong to a server that has added Scoop: use /settings there.',
    notListed: (id) => `<#${id}> is not in the list of channels where mentions are answered.`,
    settingsSaved: 'Settings saved',
    settingsOfServer: 'Settings of this server',
    settingsFields: { mentions: 'Mentions answered in', threads: 'Threads', language: 'Answer language', cooldown: 'Cooldown' },
    everyChannel: 'every channel',
    threadsOn: 'every answer opens a thread',
    threadsOff: 'only with /ask thread:True',
    answerLanguages: { question: 'the question’s language', fr: 'French', en: 'English' },
    cooldownValue: (s, isDefault) => `${plural(s, 'second', 'seconds')} between two questions${isDefault ? ' (default)' : ''}`,
    notShown: (n) => `and ${n} more not shown`,
    andMore: (n) => `…and ${n} more`,
    timelineTitle: (subject) => `Timeline: ${subject}`,
    recentEvents: 'Recent and upcoming events',
    nothingDated: (subject) => `Nothing is known about ${subject}: the indexed articles give no date for it.`,
    noDatedEvents: 'The indexed articles give no dated events.',
    datedClaims: (n) => plural(n, 'dated claim', 'dated claims'),
    countedFromArticle: 'counted from the article date',
    laterMoved: 'later moved',
    dateTo: 'to',
    events: {
      release: 'release',
      unveiling: 'unveiling',
      launch: 'launch',
      deployment: 'deployment',
      postponement: 'postponement',
      announcement: 'announcement',
      training: 'training',
      acquisition: 'acquisition',
      election: 'election',
      match: 'match',
      'entry-into-force': 'entry into force',
      held: 'held',
      other: 'other',
    },
    statuses: { done: 'done', planned: 'planned', expected: 'expected', rumoured: 'rumoured', postponed: 'postponed', cancelled: 'cancelled' },
    partnersTitle: (company) => `Partners: ${company}`,
    nothingAboutPartners: (company) => `Nothing is known about ${company}'s partners in the indexed articles.`,
    ties: (n) => plural(n, 'tie', 'ties'),
    indexedArticles: (n) => plural(n, 'indexed article', 'indexed articles'),
    noArticleYet: 'No article is indexed yet.',
    undated: 'undated',
    latestTitle: (topic) => (topic ? `Latest about ${topic}` : 'Latest articles'),
    noArticleAbout: 'No indexed article is about that.',
    newestArticle: (date) => `Newest article: ${date}`,
    languageNames: { fr: 'French', en: 'English', und: 'language unknown' },
    passagesSearchable: (n) => `${plural(n, 'passage', 'passages')} searchable`,
    feeds: {
      feedsOff: 'Feeds are not enabled on this bot.',
      pagesOff: 'Fetching pages is not enabled on this bot.',
      onlyManagersChangeFeeds: 'Only members who can manage this server can change its feeds.',
      onlyManagersAddArticles: 'Only members who can manage this server can add articles.',
      noFeed: 'No feed is subscribed. Add one with `/feeds add url:`.',
      feedCount: (n) => `${plural(n, 'feed', 'feeds')}:`,
      items: (n) => plural(n, 'item', 'items'),
      failing: (error, failures, next) => `failing: ${error} (${failures} in a row${next ? `, next try ${next} UTC` : ''})`,
      lastFetched: (at) => `last fetched ${at} UTC`,
      notPolledYet: 'not polled yet',
      nowFollowing: (title, url) => `Now following **${title}** <${url}>. Its current articles are being fetched; new ones are picked up every poll.`,
      alreadyFollowing: (title, url) => `Already following **${title}** <${url}>.`,
      stoppedFollowing: (url) => `Stopped following <${url}>. The articles already fetched stay searchable.`,
      notFollowed: (url) => `<${url}> is not followed (see \`/feeds list\`).`,
      articleAdded: (title, dated) => `Added **${title}**${dated}: you can ask about it now.`,
      articleKnown: (title, dated) => `Already known: **${title}**${dated}.`,
    },
    coreErrors: {
      feeds_unreadable: 'Scoop’s feeds file cannot be read, so feeds cannot be changed now; the bot’s operator has the details in its log.',
      corpus_not_folder: 'Feeds and fetched pages are kept in the corpus folder, and the bot’s CORPUS_DIR is a file; its operator must point it at a folder.',
    },
  },
  fr: {
    locale: 'fr',
    searched: (n) => `${plural(n, 'article consulté', 'articles consultés')}`,
    newestFrom: (date) => `le plus récent du ${readableDate(date, 'fr')}`,
    alsoIn: (outlets) => `aussi dans ${outlets}`,
    stories: (n) => plural(n, 'sujet', 'sujets'),
    noAnswerInThem: 'la réponse n’y est pas',
    relatedReading: 'À lire aussi',
    moreSourcesTitle: (q) => `Autres sources : ${q}`,
    noOtherPassage: 'Aucun autre passage des articles indexés ne porte sur cette question.',
    searchTitle: (q) => `Recherche : ${q}`,
    noPassageMatches: 'Aucun passage des articles indexés ne correspond à ces mots.',
    moreSourcesButton: 'Autres sources',
    tooOld: 'Cette réponse est trop ancienne pour que je m’en souvienne : posez de nouveau la question.',
    thanksUp: 'Merci, ravi que ça vous ait aidé ! 👍',
    thanksDown: 'Merci, c’est noté : cela aide à améliorer Scoop. 👎',
    unknownCommand: (name) => `Je ne connais pas la commande /${name} ; essayez /help.`,
    slowDown: (s) => `Doucement : vous pourrez reposer une question dans ${plural(s, 'seconde', 'secondes')}.`,
    serverBusy: (s) => `Ce serveur a posé toutes les questions permises en une minute ; réessayez dans ${plural(s, 'seconde', 'secondes')}.`,
    apology: 'Désolé, un problème de mon côté m’a empêché de répondre. Réessayez dans un instant.',
    emptyInput: (what) => `${FRENCH_INPUT[what]} est vide : écrivez quelques mots, par exemple « Quand sort GPT-5 ? »`,
    tooLong: (what, length, limit) => `${FRENCH_INPUT[what]} fait ${length} caractères ; la limite est de ${limit}. Raccourcissez-le, s’il vous plaît.`,
    noTextInMessage: 'Ce message n’a pas de texte que je puisse lire (seulement une image, un embed ou un fichier).',
    noThreadHere: 'Je n’ai pas pu ouvrir de fil ici (il faut un salon textuel d’un serveur dont Scoop est membre) : posez vos questions suivantes en répondant à la réponse.',
    notAServer: 'Les réglages appartiennent à un serveur qui a ajouté Scoop : utilisez /settings là-bas.',
    notListed: (id) => `<#${id}> n’est pas dans la liste des salons où Scoop répond aux mentions.`,
    settingsSaved: 'Réglages enregistrés',
    settingsOfServer: 'Réglages de ce serveur',
    settingsFields: { mentions: 'Mentions traitées dans', threads: 'Fils', language: 'Langue des réponses', cooldown: 'Délai' },
    everyChannel: 'tous les salons',
    threadsOn: 'chaque réponse ouvre un fil',
    threadsOff: 'seulement avec /demander fil:Vrai',
    answerLanguages: { question: 'la langue de la question', fr: 'français', en: 'anglais' },
    cooldownValue: (s, isDefault) => `${plural(s, 'seconde', 'secondes')} entre deux questions${isDefault ? ' (par défaut)' : ''}`,
    notShown: (n) => `et ${n} de plus, non affichés`,
    andMore: (n) => `…et ${n} de plus`,
    timelineTitle: (subject) => `Chronologie : ${subject}`,
    recentEvents: 'Événements récents et à venir',
    nothingDated: (subject) => `Rien n’est connu sur ${subject} : les articles indexés ne lui donnent aucune date.`,
    noDatedEvents: 'Les articles indexés ne donnent aucun événement daté.',
    datedClaims: (n) => plural(n, 'affirmation datée', 'affirmations datées'),
    countedFromArticle: 'compté à partir de la date de l’article',
    laterMoved: 'déplacée depuis',
    dateTo: 'au',
    events: {
      release: 'sortie',
      unveiling: 'présentation',
      launch: 'lancement',
      deployment: 'déploiement',
      postponement: 'report',
      announcement: 'annonce',
      training: 'entraînement',
      acquisition: 'rachat',
      election: 'élection',
      match: 'match',
      'entry-into-force': 'entrée en vigueur',
      held: 'tenue',
      other: 'autre',
    },
    statuses: { done: 'fait', planned: 'prévu', expected: 'attendu', rumoured: 'rumeur', postponed: 'reporté', cancelled: 'annulé' },
    partnersTitle: (company) => `Partenaires : ${company}`,
    nothingAboutPartners: (company) => `Les articles indexés ne disent rien des partenaires de ${company}.`,
    ties: (n) => plural(n, 'lien', 'liens'),
    indexedArticles: (n) => plural(n, 'article indexé', 'articles indexés'),
    noArticleYet: 'Aucun article n’est encore indexé.',
    undated: 'non daté',
    latestTitle: (topic) => (topic ? `Derniers articles sur ${topic}` : 'Derniers articles'),
    noArticleAbout: 'Aucun article indexé ne porte là-dessus.',
    newestArticle: (date) => `Article le plus récent : ${date}`,
    languageNames: { fr: 'français', en: 'anglais', und: 'langue inconnue' },
    passagesSearchable: (n) => `${plural(n, 'passage', 'passages')} consultables`,
    feeds: {
      feedsOff: 'Les flux ne sont pas activés sur ce bot.',
      pagesOff: 'La lecture de pages n’est pas activée sur ce bot.',
      onlyManagersChangeFeeds: 'Seuls les membres qui peuvent gérer ce serveur peuvent changer ses flux.',
      onlyManagersAddArticles: 'Seuls les membres qui peuvent gérer ce serveur peuvent ajouter des articles.',
      noFeed: 'Aucun flux n’est suivi. Ajoutez-en un avec `/flux ajouter adresse:`.',
      feedCount: (n) => `${plural(n, 'flux', 'flux')} :`,
      items: (n) => plural(n, 'entrée', 'entrées'),
      failing: (error, failures, next) => `en échec : ${error} (${failures} de suite${next ? `, prochain essai ${next} UTC` : ''})`,
      lastFetched: (at) => `lu pour la dernière fois le ${at} UTC`,
      notPolledYet: 'pas encore lu',
      nowFollowing: (title, url) => `Scoop suit désormais **${title}** <${url}>. Ses articles actuels sont en cours de lecture ; les nouveaux seront pris à chaque relève.`,
      alreadyFollowing: (title, url) => `Scoop suit déjà **${title}** <${url}>.`,
      stoppedFollowing: (url) => `Scoop ne suit plus <${url}>. Les articles déjà lus restent consultables.`,
      notFollowed: (url) => `<${url}> n’est pas suivi (voir \`/flux liste\`).`,
      articleAdded: (title, dated) => `**${title}**${dated} est ajouté : vous pouvez poser vos questions dessus.`,
      articleKnown: (title, dated) => `Déjà connu : **${title}**${dated}.`,
    },
    coreErrors: {
      empty_question: 'Posez une question, par exemple : « Quand GPT-5 est-il attendu ? »',
      empty_statement: 'Il n’y a rien à vérifier dans ce message : il n’a pas de texte.',
      settings_not_saved: 'Les réglages n’ont pas pu être enregistrés ; rien n’a changé.',
      fetch_refused: (error) => `Adresse refusée : ${error.url} (${error.reason}).`,
      fetch_failed: (error) => `Impossible de lire ${error.url} (${error.reason}).`,
      feeds_unreadable: 'Le fichier des flux de Scoop est illisible : les flux ne peuvent pas être modifiés pour l’instant ; l’opérateur du bot en trouvera le détail dans son journal.',
      corpus_not_folder: 'Les flux et les pages lues sont rangés dans le dossier du corpus, et le CORPUS_DIR du bot est un fichier : son opérateur doit le faire pointer vers un dossier.',
    },
  },
};

/** Scoop's words in one locale. */
export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
