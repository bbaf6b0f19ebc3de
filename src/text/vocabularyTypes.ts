/**
 * The shape of a language's vocabulary and the kinds it sorts words into,
 * apart from the vocabularies themselves so each language's module depends
 * on the shape only.
 */

/** What a question asks for, and what kind of value an answer candidate is. */
export type AnswerType =
  | 'date'
  | 'amount'
  | 'count'
  | 'person'
  | 'organisation'
  | 'place'
  | 'product'
  | 'name'
  | 'reason'
  | 'manner'
  | 'yes-no'
  | 'other';

/** Which step of a story a date question is about ("originally planned", "postponed to", "finally"...). */
export type DateRole = 'original' | 'postponed' | 'latest' | 'announced' | 'first' | 'next';

/** What kind of thing a learned name names. */
export type NameKind = 'person' | 'organisation' | 'place' | 'product' | 'event' | 'other';

/** What a dated claim says happens to its subject. */
export type DateEventKind =
  | 'release'
  | 'unveiling'
  | 'launch'
  | 'deployment'
  | 'postponement'
  | 'announcement'
  | 'training'
  | 'acquisition'
  | 'election'
  | 'match'
  | 'entry-into-force'
  | 'held'
  | 'other';

/** The nature of a tie between two organisations. */
export type PartnershipNature = 'cloud' | 'investment' | 'integration' | 'distribution' | 'chips' | 'research' | 'acquisition' | 'merger' | 'other';

/** Which part of a month or a year a phrase points to. */
export type PeriodPart = 'early' | 'mid' | 'late' | 'whole' | 'firstHalf' | 'secondHalf';

/** How a leading word bounds a date: "d'ici"/"by" keeps the range, "avant"/"before" ends before it... */
export type DateBound = 'by' | 'from' | 'before' | 'after' | 'until';

/** A unit of time a duration counts in. */
export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** The words the date grammar reads (folded). */
export interface DateWords {
  /** Month names to month numbers (1 to 12). */
  months: Readonly<Record<string, number>>;
  /** Abbreviated month names ("sept", "dec"), written with a day. */
  monthAbbreviations: Readonly<Record<string, number>>;
  /** Day names, Monday first. */
  weekdays: readonly string[];
  /** Small numbers as words, vague quantities ("quelques", "a few") as `few`. */
  counts: Readonly<Record<string, number | 'few'>>;
  /** Part words ("fin", "late", "mi") to the part of a period they mean. */
  periodParts: Readonly<Record<string, PeriodPart>>;
  /** Ordinal words for quarters and halves ("troisième", "3rd"). */
  ordinals: Readonly<Record<string, number>>;
  /** Seasons to their meteorological months (winter runs into the next year: 12 to 14). */
  seasons: Readonly<Record<string, { from: number; to: number }>>;
  /** Units of time as counted ("dans trois semaines", "two months ago"), singular and plural, to the unit. */
  units: Readonly<Record<string, TimeUnit>>;
  /** Days named from the publication day ("demain", "yesterday"), to their offset in days. */
  relativeDays: Readonly<Record<string, number>>;
  /** Parts of a year named by a noun ("trimestre", "half"). */
  yearParts: Readonly<Record<string, 'quarter' | 'half'>>;
  /** Yearly holidays a date may be named by ("Noël", "Christmas"). */
  christmas: string;
  /** Deictic words to a step from the publication period: -1 last, 0 this, +1 next. */
  deicticSteps: Readonly<Record<string, number>>;
  /** Words before a date that bound it, as regex sources ending at the date ("d'ici", "avant", "by"). */
  bounds: ReadonlyArray<readonly [string, DateBound]>;
  /**
   * Nouns a date is written after without being an event of their own ("la nuit du 5 décembre", "à partir du",
   * "the night of"): the date dates whatever they belong to, not them. They say nothing besides the date.
   */
  frames: ReadonlySet<string>;
  /** Small words that introduce or join dates (« depuis le », « dès », « du … au », "since", "on"): they say nothing besides the date. */
  prepositions: ReadonlySet<string>;
}

/**
 * The words of a dated claim (regex sources on folded text): what happens
 * (event words, each with its kind) and how sure the article is (status words).
 */
export interface ClaimWords {
  /** Verbs and nouns of events, to the kind of event they say; the most specific kinds first. */
  events: ReadonlyArray<readonly [string, DateEventKind]>;
  /** Words that cancel an event ("annulé", "scrapped"). */
  cancelled: string;
  /** Hearsay: unnamed sources, rumours, the journalistic conditional. */
  rumoured: string;
  /** Expected without a firm plan ("devrait", "expected"). */
  expected: string;
  /** A firm plan: future tense, "prévoit", "plans to". */
  planned: string;
  /** Past tense: reported as done. */
  past: string;
  /** Hearsay that covers a whole sentence ("Selon des sources, ..."). */
  sentenceHearsay: string;
  /** A plan reported in indirect speech ("a annoncé qu'il lancerait"): a past plan, not a rumour; null when the language has no such form. */
  reportedPlan: string | null;
  /** The conditional of an event verb ("lancerait"): unconfirmed; null when the language has no such form. */
  conditional: string | null;
  /** Words right before a date that schedule a release without a release verb ("prévu pour", "slated for"), ending at the date. */
  scheduledFor: string;
  /** Negation of the clause ("ne ... pas", "not"). */
  negation: string;
  /**
   * Events named by a common noun that are the subject of the date right after them (« le second tour des
   * municipales le 28 juin », « le déconfinement, prévu le 11 mai »), each regex source holding one group, the
   * noun as it names the event, to the kind of event it is: the first group is the round of an election when the
   * text gives one (« second tour »), the second the noun. An election is named with the year its date gives.
   */
  eventNouns: ReadonlyArray<readonly [string, DateEventKind]>;
  /** Words before an event noun that make its date another day's (« la levée du confinement », « la veille des municipales », "the end of the lockdown"); regex source ending where the noun starts. */
  eventFrames: string;
  /** Release words that say a text came out (« publié », « parution », "published"): a study, a poll or a post is released so, not a product; only a product is their subject. Regex source on folded text. */
  publication: string;
  /** Nouns that say a date is the date of what their complement names (« la date du Brexit fixée au 31 octobre », "the deadline for Brexit"); regex source ending with the complement's preposition. */
  dateOf: string;
  /** What may stand between an event named and its date: a participle that schedules it (« prévu », « fixée »), then a preposition (« le », « au »); regex source. */
  eventToDate: string;
  /**
   * Words that open a clause of its own (causes, contrasts, « mais », « contre » / "against", « avant » / "after" before
   * an event: « début mars avant le confinement »): a date on one side of
   * them does not date the event named on the other (« la grève du 5 décembre contre la réforme »). Regex source on
   * folded text.
   */
  clauseOpeners: string;
  /**
   * Relative pronouns and « que » / "that": the clause they open runs to the next comma, and the clause around it
   * goes on after (« Son procès, qui devait débuter mercredi, a été reporté au 6 juillet »; « une fois élu, … qu'elle
   * n'avait pas démentie fin août »). Regex source on folded text.
   */
  relativeOpeners: string;
  /** Coordinators that open a clause when a pronoun or an auxiliary follows (« et se terminera », "and was"). */
  coordinators: ReadonlySet<string>;
  /** Subject and object pronouns written before a verb (« il », « se », "they"). */
  clitics: ReadonlySet<string>;
  /**
   * Prepositions that open an adverbial phrase (« après la chute du régime », "after the fall"): a comma-clause opening
   * with one has no verb of its own, and a date beside it dates the clause it belongs to.
   */
  phrasePrepositions: ReadonlySet<string>;
  /** Auxiliaries and modals (« a », « sera », « devrait », "was", "will"): a comma-clause opening with one goes on from the subject before it. */
  auxiliaries: ReadonlySet<string>;
  /** Relative pronouns that stand for the noun before them as the subject of their clause (« qui », "which"; not « dont », nor the conjunction « que »): the clause they open says what that noun does. */
  relativePronouns: ReadonlySet<string>;
  /** An adverb of manner (« finalement », "finally"), as a regex source on the lower-cased word: it may stand between a comma and the participle or auxiliary it opens with. */
  mannerAdverb: string;
  /**
   * Verbs of saying as written after their auxiliary (« déclaré », « indiqué », "said", "told"), regex source on folded
   * text: a date right after one (« a déclaré mardi la ministre ») is when it was said, not when the event happens.
   */
  speechVerbs: string;
  /** A past participle as written, accents kept (« instauré », "imposed"): a comma-clause opening with one qualifies the noun just before it. Regex source on the lower-cased word. */
  participle: string;
}

/** The words of ties between organisations (regex sources on folded text). */
export interface TieNatureWords {
  /** What kind of tie, each nature with its cue words. */
  natures: ReadonlyArray<readonly [string, PartnershipNature]>;
  /** Rivalry, not partnership. */
  rivalry: string;
  /** The grammar of an acquisition or a merger, regex sources on folded text. */
  ownership: OwnershipWords;
}

/** The words that say who buys whom or who merges (« le rachat de Tiffany par LVMH », « la fusion entre FCA et PSA »). */
export interface OwnershipWords {
  /** What may stand between a cue and the name it acts on: complement prepositions, determiners, adjectives, type nouns (« du joaillier américain »). */
  complement: string;
  /** The preposition that names the buyer after a passive or a noun (« par », "by"). */
  agent: string;
  /** What joins two merging names (« et », « avec », "and", "with"). */
  joins: string;
  /** A deal given up, denied or failed (« renonce », « dément », "failed to"): no acquisition, no merger. */
  abandoned: string;
}

/**
 * The grammar words of a question, folded: what opens it and what it puts
 * before or after its subject. A reply restates the question with them ("ne
 * disent pas qui a racheté WhatsApp", "don't say when the tower will reopen").
 */
export interface QuestionGrammar {
  /** Words that open a question a reply can embed as it is ("qui", "quand", "how"). */
  interrogatives: ReadonlySet<string>;
  /** Prepositions that may stand before them ("à quelle date", "in which year"). */
  prepositions: ReadonlySet<string>;
  /** Words that make "how" ask a measure ("how many", "how long"). */
  howMeasures: ReadonlySet<string>;
  /** Auxiliaries a question puts before its subject ("will", "has"), other than copulas and do; empty in a language that inverts pronouns instead. */
  modals: ReadonlySet<string>;
  /** Forms of "to be" put before the subject ("is", "were"). */
  copulas: ReadonlySet<string>;
  /** Forms of "do" put before the subject ("does", "did"): restating needs the verb's tense, so a reply cannot just drop them. */
  doForms: ReadonlySet<string>;
  /** Subject pronouns a question joins to its verb ("a-t-il", "sera-t-elle"); empty in a language that moves auxiliaries instead. */
  invertedPronouns: ReadonlySet<string>;
  /** Pronouns of the people talking ("dois-je", "pouvons-nous"): a reply cannot restate their question in the third person. */
  personalPronouns: ReadonlySet<string>;
  /** Words that ask for an instance of the noun after them (« quelle ville », "which company"). */
  whichWords: ReadonlySet<string>;
  /** Forms of "to be" that may stand between them and the noun (« quel est le prix », "what will be the"); several words where the language needs them. */
  whichVerbs: ReadonlySet<string>;
  /** Determiners that may stand before that noun (« quelle est la date », "what is its price"); one ending in an apostrophe is written joined to the noun. */
  whichDeterminers: ReadonlySet<string>;
  /** Words that ask for a person (« qui », "who"). */
  personInterrogatives: ReadonlySet<string>;
}

/**
 * The words of one language that question analysis and fact extraction
 * share. Every word is folded (`foldForMatching`: lower case, no accents,
 * straight apostrophes); patterns run on folded text.
 */
export interface Vocabulary {
  language: 'fr' | 'en';
  /** Question openers, tried in order, to the answer type they ask for. */
  questionOpeners: ReadonlyArray<readonly [RegExp, AnswerType]>;
  /** "quel(le) X" / "which X": the noun X says the type ("quelle ville" → place). */
  typeNouns: Readonly<Record<string, AnswerType>>;
  /** Words that only frame a question ("quel", "est-ce", "what", "does") and never belong to an answer's focus: the grammar's words and a few more. */
  questionWords: ReadonlySet<string>;
  /** The words a question is built with, which a reply needs to restate it. */
  questionGrammar: QuestionGrammar;
  /** A yes/no question: an auxiliary or "est-ce que" first. */
  yesNo: RegExp;
  /** A question asking a person's age (« quel âge », "how old"), folded. */
  asksAge: RegExp;
  /**
   * How a text states a person's age, the folded text just before the number
   * (« âgé de », "aged") or just after it ("-year-old"); besides these, an
   * apposition after a name (« Julie Marceau, 31 ans ») and « de N ans » after
   * a person noun with an article (« le jeune homme de 22 ans »).
   */
  statedAge: { before: RegExp; after: RegExp };
  /** Titles and roles written before a person's name ("M.", "le président", "Dr"). */
  personTitles: ReadonlySet<string>;
  /** Words before or after a name that make it an organisation ("le groupe X", "X SA", "X Inc."). */
  organisationCues: ReadonlySet<string>;
  /** Words that, before a name, make it an event ("le Mondial", "la finale de"). */
  eventCues: ReadonlySet<string>;
  /**
   * Prefixes that turn a noun or verb into its undoing (« dé » in « déconfinement », "un" in "unlock"), lower-cased
   * with their accents: a word made of one and an asked word names the opposite event, not the asked one.
   */
  reversalPrefixes: ReadonlySet<string>;
  /** Prepositions of place ("à Paris", "in Texas"). */
  placePrepositions: ReadonlySet<string>;
  /** Lower-case words that may sit inside a name ("Bureau du recensement", "Bank of America"). */
  nameParticles: ReadonlySet<string>;
  /** Articles and possessives that open a noun phrase ("la grève", "its launch"). */
  determiners: ReadonlySet<string>;
  /** The possessives among them: a noun after one is someone's (« son fils »), not the one the sentence is about. */
  possessives: ReadonlySet<string>;
  /** Subject pronouns ("il", "they"): with the determiners, the words a sentence run into the one before without a space opens with ("au PakistanLe gouvernement"). */
  subjectPronouns: ReadonlySet<string>;
  /** The prepositions that make a noun the complement of the one before (« la grève du 5 décembre », « le directeur de campagne de X », "the head of X"). */
  complementOf: ReadonlySet<string>;
  /** Words that introduce a reason ("parce que", "because"). */
  reasonCues: RegExp;
  /** Words of a date's role in its story ("initialement" → original, "reporté" → postponed), in questions and in articles. */
  roles: ReadonlyArray<readonly [RegExp, DateRole]>;
  /** Month, day, count and period words of the date grammar. */
  dates: DateWords;
  /** Event and status words of dated claims. */
  claims: ClaimWords;
  /** Currencies and percentages, as written after or before a number. */
  currencies: ReadonlySet<string>;
  /** Scale words after a number ("millions", "billion"). */
  scales: ReadonlySet<string>;
  /** The words "how many X" uses to ask for time itself (« combien de temps », "how much time"), folded. */
  timeItself: ReadonlySet<string>;
  /** "Who is X?" in this language, on folded text: nothing asked but what X is (the name in group 1). */
  whoIs: RegExp;
  /** Words a title written before a name does not run back over: a verb's auxiliary or a relative opens another clause (« le président Macron a reçu le PDG de Renault X »), folded. */
  clauseWords: ReadonlySet<string>;
  /** Words a description may open with before its determiner-less head ("former CEO", « ancien ministre »), folded. */
  beforeHead: ReadonlySet<string>;
  /** Nouns of people in general (« personnes », "people"), or of the victims of an event (« victimes », « morts »), folded: a count of them is answered by a count of any people (« 1.100 victimes »), a count of a kind of people (« habitants ») only by that kind. */
  peopleNouns: ReadonlySet<string>;
  /** Words after a count that make it an increment or a day's figure ("240 décès supplémentaires", « en 24 heures », "new deaths"), on folded text: not the total. */
  increments: RegExp;
  /** Imperatives addressed to a reader or a model ("ignore", "say"): a sentence built on them states nothing. */
  instructions: RegExp;
  /** Words that give something another name ("nom de code", "surnommé", "code-named"). */
  namingCues: RegExp;
  /** Verbs of money: "combien" with one of them asks an amount ("Combien Microsoft va-t-il investir ?"). */
  moneyVerbs: RegExp;
  /** Words that tie two organisations (a partnership, a deal, a supply, an investment), as a regex source on folded text. */
  tieWords: string;
  /** Words that state a partnership by themselves, whatever its nature (regex source). */
  strongTieWords: string;
  /** The nature of a tie and the words of rivalry. */
  ties: TieNatureWords;
  /**
   * Places whose names the platform does not pair (`Intl.DisplayNames` names
   * countries and areas, see `placeNames.ts`): cities and the names news uses
   * besides the official one ("londres" → "london", "turkey" → "turquie").
   */
  placeNames: Readonly<Record<string, readonly string[]>>;
}
