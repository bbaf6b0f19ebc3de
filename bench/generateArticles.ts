import { COMPANIES, ENGLISH, FIRST_NAMES, FRENCH, LAST_NAMES, PRODUCT_STEMS, type LanguageVocabulary } from './newsVocabulary';
import { mixSeed, SeededRandom } from './seededRandom';

/** One generated article, in the shape of a corpus JSONL line (`title`, `url`, `published`, `lang`, `text`). */
export interface GeneratedArticle {
  title: string;
  url: string;
  /** `YYYY-MM-DD`. */
  published: string;
  lang: 'fr' | 'en';
  text: string;
}

/** What one generated article is about: the names its sentences share. */
interface Cast {
  lang: 'fr' | 'en';
  words: LanguageVocabulary;
  company: string;
  partner: string;
  product: string;
  person: string;
  role: string;
  city: string;
  sector: string;
  feature: string;
  year: number;
  month: number;
  day: number;
}

type Topic = 'launch' | 'partnership' | 'funding' | 'delay' | 'acquisition' | 'earnings' | 'regulation' | 'outage' | 'jobs' | 'research';
const TOPICS: readonly Topic[] = ['launch', 'partnership', 'funding', 'delay', 'acquisition', 'earnings', 'regulation', 'outage', 'jobs', 'research'];

type Sentence = (r: SeededRandom, c: Cast) => string;

function productName(r: SeededRandom): string {
  const stem = r.pick(PRODUCT_STEMS);
  switch (r.int(0, 5)) {
    case 0: return `${stem} ${r.int(2, 9)}`;
    case 1: return `${stem}-${r.int(3, 90)}B`;
    case 2: return `${stem} ${r.int(1, 5)}.${r.int(0, 9)}`;
    case 3: return `${stem} ${r.pick(['Pro', 'Mini', 'Ultra', 'Max', 'Flash', 'Edge'])}`;
    case 4: return `${stem} ${r.int(2023, 2027)}`;
    default: return stem;
  }
}

function eventDate(r: SeededRandom, c: Cast): string {
  const w = c.words;
  const year = c.year + r.int(0, 1);
  const month = r.int(0, 11);
  if (c.lang === 'fr') {
    switch (r.int(0, 7)) {
      case 0: return `le ${r.int(1, 28)} ${w.months[month]} ${year}`;
      case 1: return `fin ${w.months[month]}`;
      case 2: return `début ${w.months[month]} ${year}`;
      case 3: return `au ${r.pick(w.quarters)} trimestre ${year}`;
      case 4: return "d'ici la fin de l'année";
      case 5: return `${r.pick(w.seasons)} ${year}`;
      case 6: return `en ${w.months[month]} ${year}`;
      default: return 'dans quelques semaines';
    }
  }
  switch (r.int(0, 7)) {
    case 0: return `on ${w.months[month]} ${r.int(1, 28)}, ${year}`;
    case 1: return `by the end of ${w.months[month]}`;
    case 2: return `in early ${w.months[month]} ${year}`;
    case 3: return `in the ${r.pick(w.quarters)} quarter of ${year}`;
    case 4: return 'later this year';
    case 5: return `${r.pick(w.seasons)} of ${year}`;
    case 6: return `in ${w.months[month]} ${year}`;
    default: return 'within weeks';
  }
}

function amount(r: SeededRandom, lang: 'fr' | 'en'): string {
  if (lang === 'fr') {
    switch (r.int(0, 2)) {
      case 0: return `${r.int(2, 950)} millions d'euros`;
      case 1: return `${r.int(1, 9)},${r.int(1, 9)} milliards d'euros`;
      default: return `${r.int(5, 400)} millions de dollars`;
    }
  }
  switch (r.int(0, 2)) {
    case 0: return `$${r.int(2, 950)} million`;
    case 1: return `€${r.int(1, 9)}.${r.int(1, 9)} billion`;
    default: return `$${r.int(1, 9)}.${r.int(1, 9)} billion`;
  }
}

function percent(r: SeededRandom, lang: 'fr' | 'en'): string {
  const whole = r.int(2, 60);
  return lang === 'fr' ? `${whole},${r.int(0, 9)} %` : `${whole}.${r.int(0, 9)}%`;
}

function announced(r: SeededRandom, c: Cast): string {
  return c.lang === 'fr' ? r.pick(['ce ' + r.pick(c.words.weekdays), r.pick(c.words.weekdays) + ' dernier', 'cette semaine', 'hier']) : r.pick([`on ${r.pick(c.words.weekdays)}`, 'this week', 'yesterday', `last ${r.pick(c.words.weekdays)}`]);
}

const FRENCH_TOPICS: Record<Topic, { title: Sentence; body: Sentence[] }> = {
  launch: {
    title: (r, c) => r.pick([`${c.company} lance ${c.product}`, `${c.product} : ${c.company} dévoile son nouveau modèle`, `Avec ${c.product}, ${c.company} vise ${c.sector}`]),
    body: [
      (r, c) => `${c.company} a annoncé ${announced(r, c)} le lancement de ${c.product}, un outil destiné à ${c.sector}.`,
      (r, c) => `${c.product} sera disponible ${eventDate(r, c)} en Europe, puis aux États-Unis.`,
      (r, c) => `Selon ${c.person}, ${c.role} de ${c.company}, ${c.product} traite les requêtes ${r.int(2, 5)} fois plus vite que la version précédente.`,
      (r, c) => `L'entreprise prévoit de proposer ${c.product} à ${r.int(20, 900)} clients d'ici ${c.year + 1}, en commençant par ${c.feature}.`,
      (r, c) => `${c.company} a présenté ${c.product} lors d'une conférence organisée à ${c.city}, devant ${r.int(3, 40) * 100} développeurs.`,
      (r, c) => `Le modèle a été entraîné sur des données couvrant ${r.int(12, 90)} langues, dont le français, l'allemand et l'arabe.`,
    ],
  },
  partnership: {
    title: (r, c) => r.pick([`${c.company} et ${c.partner} nouent un partenariat`, `Accord entre ${c.company} et ${c.partner} sur ${c.feature}`, `${c.partner} s'allie à ${c.company}`]),
    body: [
      (r, c) => `${c.company} a signé ${announced(r, c)} un partenariat avec ${c.partner} pour ${c.feature}.`,
      (r, c) => `Aux termes de l'accord, ${c.partner} fournira l'infrastructure cloud et les serveurs nécessaires à ${c.product}.`,
      (r, c) => `Les deux groupes travaillaient déjà ensemble depuis ${c.year - r.int(1, 4)} sur des projets liés à ${c.sector}.`,
      (r, c) => `« Ce rapprochement nous permet d'aller plus vite », a déclaré ${c.person}, ${c.role} de ${c.partner}.`,
      (r, c) => `Le partenariat doit entrer en vigueur ${eventDate(r, c)} et couvrira ${r.int(3, 25)} pays.`,
      (r, c) => `Le montant de l'accord n'a pas été communiqué, mais ${r.pick(c.words.publications)} l'estime à ${amount(r, 'fr')}.`,
    ],
  },
  funding: {
    title: (r, c) => r.pick([`${c.company} lève ${amount(r, 'fr')}`, `Nouvelle levée de fonds pour ${c.company}`, `${c.company} boucle un tour de table record`]),
    body: [
      (r, c) => `La start-up ${c.company} a levé ${amount(r, 'fr')} auprès de fonds européens et américains, a-t-elle indiqué ${announced(r, c)}.`,
      (r, c) => `Le tour de table, mené par ${c.partner}, valorise l'entreprise à ${r.int(1, 14)} milliards d'euros.`,
      (r, c) => `Fondée en ${c.year - r.int(1, 8)} à ${c.city}, la société compte aujourd'hui ${r.int(20, 900)} salariés.`,
      (r, c) => `Les fonds serviront à recruter ${r.int(30, 400)} ingénieurs et à accélérer le développement de ${c.product}.`,
      (r, c) => `${c.person}, ${c.role}, affirme que le chiffre d'affaires a progressé de ${percent(r, 'fr')} sur un an.`,
    ],
  },
  delay: {
    title: (r, c) => r.pick([`${c.product} reporté`, `${c.company} repousse la sortie de ${c.product}`, `Nouveau retard pour ${c.product}`]),
    body: [
      (r, c) => `${c.company} a reporté la sortie de ${c.product}, initialement prévue ${eventDate(r, c)}.`,
      (r, c) => `Le lancement est désormais attendu ${eventDate(r, c)}, selon une source proche du dossier citée par ${r.pick(c.words.publications)}.`,
      (r, c) => `Le retard de ${c.product} s'expliquerait par ${r.pick(["des difficultés d'approvisionnement en puces", 'des tests jugés insuffisants', 'un désaccord avec ' + c.partner, 'une refonte de ' + c.feature, 'le départ de plusieurs ingénieurs à ' + c.city])}.`,
      (r, c) => `« Nous préférons livrer un produit fiable plutôt que tenir une date », a expliqué ${c.person}, ${c.role} de ${c.company}.`,
      (r, c) => `Il s'agit du ${r.pick(['deuxième', 'troisième'])} report depuis l'annonce du projet en ${c.year - 1}.`,
    ],
  },
  acquisition: {
    title: (r, c) => r.pick([`${c.company} rachète ${c.partner}`, `${c.partner} passe sous le contrôle de ${c.company}`, `Rachat de ${c.partner} : ${c.company} s'offre un spécialiste de ${c.sector}`]),
    body: [
      (r, c) => `${c.company} a annoncé ${announced(r, c)} le rachat de ${c.partner} pour ${amount(r, 'fr')}.`,
      (r, c) => `L'opération, qui doit encore être validée par les autorités de la concurrence, devrait être finalisée ${eventDate(r, c)}.`,
      (r, c) => `${c.partner}, installée à ${c.city}, développe des logiciels pour ${c.sector} et emploie ${r.int(40, 2000)} personnes.`,
      (r, c) => `Les équipes de ${c.partner} rejoindront la division chargée de ${c.product}.`,
    ],
  },
  earnings: {
    title: (r, c) => r.pick([`${c.company} publie des résultats en hausse`, `Résultats trimestriels : ${c.company} déçoit`, `${c.company} relève ses prévisions`]),
    body: [
      (r, c) => `${c.company} a publié un chiffre d'affaires de ${amount(r, 'fr')} au ${r.pick(c.words.quarters)} trimestre ${c.year}, en hausse de ${percent(r, 'fr')}.`,
      (r, c) => `La marge opérationnelle atteint ${percent(r, 'fr')}, contre ${percent(r, 'fr')} un an plus tôt.`,
      (r, c) => `Le groupe attribue cette progression à la demande pour ${c.product} dans ${c.sector}.`,
      (r, c) => `L'action a gagné ${percent(r, 'fr')} à la Bourse de Paris après la publication.`,
      (r, c) => `Pour l'exercice ${c.year + 1}, la direction vise une croissance comprise entre ${r.int(3, 9)} et ${r.int(10, 20)} %.`,
    ],
  },
  regulation: {
    title: (r, c) => r.pick([`La Commission européenne enquête sur ${c.company}`, `${c.company} face à la CNIL`, `AI Act : ${c.company} doit revoir ${c.product}`]),
    body: [
      (r, c) => `La Commission européenne a ouvert ${announced(r, c)} une enquête visant ${c.company} et son service ${c.product}.`,
      (r, c) => `Bruxelles reproche à ${c.company} de ne pas respecter ${r.pick(['les obligations de transparence', 'les règles sur les données', "l'évaluation des risques", 'le droit d\'auteur'])} prévues par le règlement sur l'IA pour ${c.feature}.`,
      (r, c) => `${c.company} risque une amende pouvant atteindre ${percent(r, 'fr')} de son chiffre d'affaires mondial.`,
      (r, c) => `La CNIL avait déjà adressé une mise en demeure à la société en ${c.words.months[c.month]} ${c.year - 1}.`,
      (r, c) => `L'entreprise dit « coopérer pleinement » et promet des changements ${eventDate(r, c)}.`,
    ],
  },
  outage: {
    title: (r, c) => r.pick([`Panne géante chez ${c.company}`, `${c.product} inaccessible pendant plusieurs heures`, `Cyberattaque : ${c.company} touché`]),
    body: [
      (r, c) => `Le service ${c.product} de ${c.company} a été inaccessible pendant ${r.int(2, 14)} heures ${announced(r, c)}.`,
      (r, c) => `Près de ${r.int(10, 900)} 000 utilisateurs ont signalé des erreurs, principalement en France et en Belgique.`,
      (r, c) => `${c.company} évoque une mise à jour défectueuse de ses serveurs situés à ${c.city}.`,
      (r, c) => `L'Agence nationale de la sécurité des systèmes d'information a indiqué suivre l'incident de ${c.product} ${r.pick(['de près', 'avec attention', 'depuis ' + c.words.weekdays[r.int(0, 4)]])}.`,
      (r, c) => `Un rapport détaillé sur l'incident sera publié ${eventDate(r, c)}.`,
    ],
  },
  jobs: {
    title: (r, c) => r.pick([`${c.company} va supprimer des postes`, `${c.company} recrute ${r.int(100, 900)} personnes à ${c.city}`, `Plan social chez ${c.company}`]),
    body: [
      (r, c) => `${c.company} prévoit de ${r.pick(['supprimer', 'créer'])} ${r.int(50, 1500)} postes en France ${eventDate(r, c)}.`,
      (r, c) => `Les syndicats ont été reçus ${announced(r, c)} au siège de ${c.city}.`,
      (r, c) => `La direction justifie cette décision par l'essor de ${c.product} et l'automatisation de ${c.feature}.`,
      (r, c) => `${c.person}, ${c.role}, assure que les salariés concernés se verront proposer une formation.`,
    ],
  },
  research: {
    title: (r, c) => r.pick([`Des chercheurs de ${c.company} publient ${c.product}`, `${c.company} ouvre un laboratoire à ${c.city}`, `Percée de ${c.company} sur ${c.feature}`]),
    body: [
      (r, c) => `Des chercheurs de ${c.company} ont publié ${announced(r, c)} un article décrivant ${c.product}, un modèle spécialisé dans ${c.feature}.`,
      (r, c) => `Sur le banc d'essai de référence, ${c.product} obtient un score de ${r.int(60, 98)},${r.int(0, 9)}, contre ${r.int(40, 80)} pour les meilleurs systèmes ouverts.`,
      (r, c) => `Le laboratoire de ${c.city} réunira ${r.int(20, 300)} chercheurs d'ici ${c.year + 1}, en lien avec ${c.partner}.`,
      (r, c) => `Le code et les poids du modèle seront publiés sous licence ouverte ${eventDate(r, c)}.`,
    ],
  },
};

const ENGLISH_TOPICS: Record<Topic, { title: Sentence; body: Sentence[] }> = {
  launch: {
    title: (r, c) => r.pick([`${c.company} launches ${c.product}`, `${c.company} unveils ${c.product} for ${c.sector}`, `${c.product} is here: what ${c.company} announced`]),
    body: [
      (r, c) => `${c.company} said ${announced(r, c)} that it would launch ${c.product}, a tool aimed at ${c.sector}.`,
      (r, c) => `${c.product} will be available ${eventDate(r, c)} in the United States, with Europe to follow.`,
      (r, c) => `According to ${c.person}, ${c.role} at ${c.company}, ${c.product} answers requests ${r.int(2, 5)} times faster than its predecessor.`,
      (r, c) => `The company plans to offer ${c.product} to ${r.int(20, 900)} customers by ${c.year + 1}, starting with ${c.feature}.`,
      (r, c) => `${c.company} showed ${c.product} at an event in ${c.city} attended by ${r.int(3, 40) * 100} developers.`,
      (r, c) => `The model was trained on data covering ${r.int(12, 90)} languages, including French, German and Arabic.`,
    ],
  },
  partnership: {
    title: (r, c) => r.pick([`${c.company} and ${c.partner} strike a deal`, `${c.partner} partners with ${c.company} on ${c.feature}`, `Why ${c.company} teamed up with ${c.partner}`]),
    body: [
      (r, c) => `${c.company} signed a partnership with ${c.partner} ${announced(r, c)} to work on ${c.feature}.`,
      (r, c) => `Under the agreement, ${c.partner} will provide the cloud infrastructure and servers that ${c.product} runs on.`,
      (r, c) => `The two companies have worked together since ${c.year - r.int(1, 4)} on projects in ${c.sector}.`,
      (r, c) => `"This deal lets us move faster," said ${c.person}, ${c.role} at ${c.partner}.`,
      (r, c) => `The partnership takes effect ${eventDate(r, c)} and will cover ${r.int(3, 25)} countries.`,
      (r, c) => `Financial terms were not disclosed, but ${r.pick(c.words.publications)} put the value at ${amount(r, 'en')}.`,
    ],
  },
  funding: {
    title: (r, c) => r.pick([`${c.company} raises ${amount(r, 'en')}`, `${c.company} closes a record funding round`, `Investors back ${c.company}`]),
    body: [
      (r, c) => `Start-up ${c.company} has raised ${amount(r, 'en')} from European and American investors, it said ${announced(r, c)}.`,
      (r, c) => `The round, led by ${c.partner}, values the company at $${r.int(1, 14)} billion.`,
      (r, c) => `Founded in ${c.year - r.int(1, 8)} in ${c.city}, the company now employs ${r.int(20, 900)} people.`,
      (r, c) => `The money will pay for ${r.int(30, 400)} new engineers and for the development of ${c.product}.`,
      (r, c) => `${c.person}, its ${c.role}, said revenue grew ${percent(r, 'en')} year on year.`,
    ],
  },
  delay: {
    title: (r, c) => r.pick([`${c.product} delayed`, `${c.company} pushes back ${c.product}`, `Another delay for ${c.product}`]),
    body: [
      (r, c) => `${c.company} has postponed the release of ${c.product}, which had been planned ${eventDate(r, c)}.`,
      (r, c) => `The launch is now expected ${eventDate(r, c)}, a person familiar with the matter told ${r.pick(c.words.publications)}.`,
      (r, c) => `The delay of ${c.product} is reportedly due to ${r.pick(['chip shortages', 'testing that engineers judged insufficient', 'a dispute with ' + c.partner, 'a redesign of ' + c.feature, 'several engineers leaving the ' + c.city + ' office'])}.`,
      (r, c) => `"We would rather ship something reliable than hit a date," said ${c.person}, ${c.role} at ${c.company}.`,
      (r, c) => `It is the ${r.pick(['second', 'third'])} delay since the project was announced in ${c.year - 1}.`,
    ],
  },
  acquisition: {
    title: (r, c) => r.pick([`${c.company} to buy ${c.partner}`, `${c.company} acquires ${c.partner} in ${c.sector} push`, `${c.partner} agrees to sale to ${c.company}`]),
    body: [
      (r, c) => `${c.company} said ${announced(r, c)} it would acquire ${c.partner} for ${amount(r, 'en')}.`,
      (r, c) => `The deal, which still needs approval from competition authorities, is expected to close ${eventDate(r, c)}.`,
      (r, c) => `${c.partner}, based in ${c.city}, builds software for ${c.sector} and employs ${r.int(40, 2000)} people.`,
      (r, c) => `Its teams will join the division responsible for ${c.product}.`,
    ],
  },
  earnings: {
    title: (r, c) => r.pick([`${c.company} beats expectations`, `${c.company} quarterly results disappoint`, `${c.company} raises its outlook`]),
    body: [
      (r, c) => `${c.company} reported revenue of ${amount(r, 'en')} for the ${r.pick(c.words.quarters)} quarter of ${c.year}, up ${percent(r, 'en')}.`,
      (r, c) => `Operating margin reached ${percent(r, 'en')}, compared with ${percent(r, 'en')} a year earlier.`,
      (r, c) => `The group credited demand for ${c.product} in ${c.sector}.`,
      (r, c) => `Shares rose ${percent(r, 'en')} in after-hours trading.`,
      (r, c) => `For fiscal ${c.year + 1}, management expects growth of between ${r.int(3, 9)}% and ${r.int(10, 20)}%.`,
    ],
  },
  regulation: {
    title: (r, c) => r.pick([`EU opens probe into ${c.company}`, `${c.company} faces regulators over ${c.product}`, `AI Act: ${c.company} must change ${c.product}`]),
    body: [
      (r, c) => `The European Commission opened an investigation into ${c.company} and its ${c.product} service ${announced(r, c)}.`,
      (r, c) => `Brussels says ${c.company} may have breached ${r.pick(['the transparency obligations', 'the data rules', 'the risk-assessment rules', 'copyright rules'])} of the AI Act for ${c.feature}.`,
      (r, c) => `${c.company} could face a fine of up to ${percent(r, 'en')} of its global turnover.`,
      (r, c) => `The Federal Trade Commission had already questioned the company in ${c.words.months[c.month]} ${c.year - 1}.`,
      (r, c) => `The company says it is "fully cooperating" and promised changes ${eventDate(r, c)}.`,
    ],
  },
  outage: {
    title: (r, c) => r.pick([`${c.company} suffers major outage`, `${c.product} down for hours`, `Cyberattack hits ${c.company}`]),
    body: [
      (r, c) => `${c.company}'s ${c.product} service was unavailable for ${r.int(2, 14)} hours ${announced(r, c)}.`,
      (r, c) => `About ${r.int(10, 900)},000 users reported errors, mostly in the United States and Canada.`,
      (r, c) => `${c.company} blamed a faulty update to its servers in ${c.city}.`,
      (r, c) => `The Cybersecurity and Infrastructure Security Agency said it was monitoring the ${c.product} incident ${r.pick(['closely', 'with partners', 'since ' + c.words.weekdays[r.int(0, 4)]])}.`,
      (r, c) => `A full report on the incident will be published ${eventDate(r, c)}.`,
    ],
  },
  jobs: {
    title: (r, c) => r.pick([`${c.company} to cut jobs`, `${c.company} to hire ${r.int(100, 900)} in ${c.city}`, `Layoffs at ${c.company}`]),
    body: [
      (r, c) => `${c.company} plans to ${r.pick(['cut', 'create'])} ${r.int(50, 1500)} jobs ${eventDate(r, c)}.`,
      (r, c) => `Union representatives met management ${announced(r, c)} at the headquarters in ${c.city}.`,
      (r, c) => `The company pointed to the rise of ${c.product} and the automation of ${c.feature}.`,
      (r, c) => `${c.person}, ${c.role}, said affected staff would be offered retraining.`,
    ],
  },
  research: {
    title: (r, c) => r.pick([`${c.company} researchers release ${c.product}`, `${c.company} opens a lab in ${c.city}`, `${c.company} claims breakthrough in ${c.feature}`]),
    body: [
      (r, c) => `Researchers at ${c.company} ${announced(r, c)} published a paper describing ${c.product}, a model specialised in ${c.feature}.`,
      (r, c) => `On the standard benchmark, ${c.product} scores ${r.int(60, 98)}.${r.int(0, 9)}, against ${r.int(40, 80)} for the best open systems.`,
      (r, c) => `The ${c.city} lab will bring together ${r.int(20, 300)} researchers by ${c.year + 1}, working with ${c.partner}.`,
      (r, c) => `The code and model weights will be released under an open licence ${eventDate(r, c)}.`,
    ],
  },
};

const FRENCH_CONTEXT: Sentence[] = [
  (r, c) => `Le marché de l'intelligence artificielle générative devrait peser ${amount(r, 'fr')} en Europe d'ici ${c.year + 3}, selon le cabinet IDC.`,
  (r, c) => `${c.partner} et ${r.pick(COMPANIES)} se disputent les mêmes clients dans ${c.sector}.`,
  (r, c) => `En ${c.words.months[c.month]}, ${r.pick(COMPANIES)} avait présenté un projet comparable, sans donner de calendrier.`,
  (r, c) => `Les analystes restent partagés : certains saluent l'ambition du projet, d'autres pointent son coût, estimé à ${amount(r, 'fr')}.`,
  (r, c) => `La question de la souveraineté numérique revient régulièrement dans les débats, notamment à ${c.city}.`,
  (r, c) => `L'entreprise n'a pas souhaité commenter les informations publiées par ${r.pick(c.words.publications)}.`,
  (r, c) => `Le gouvernement a annoncé un plan de ${amount(r, 'fr')} pour soutenir les start-up de ${c.sector}.`,
  (r, c) => `Depuis ${c.year - 1}, le nombre d'utilisateurs de ce type de service a été multiplié par ${r.int(2, 9)}.`,
  (r, c) => `${c.person} rappelle que la demande en puces graphiques reste supérieure à l'offre.`,
  (r, c) => `Les premiers retours des clients pilotes, dont ${r.pick(COMPANIES)}, sont jugés encourageants.`,
  (r, c) => `Cette annonce intervient quelques jours après celle de ${r.pick(COMPANIES)}, qui a dévoilé ${productName(r)}.`,
  (r, c) => `Le dossier de ${r.pick(c.words.themes)} reste au cœur des discussions entre ${c.company} et ses clients.`,
  (r, c) => `${r.pick(c.words.publications)} rappelait en ${c.words.months[r.int(0, 11)]} que ${r.pick(c.words.themes)} coûte déjà ${amount(r, 'fr')} par an au secteur.`,
  (r, c) => `Interrogé sur ${r.pick(c.words.themes)}, ${c.person} a reconnu que « rien n'est encore tranché ».`,
  (r, c) => `À ${r.pick(c.words.cities)}, plusieurs start-up travaillent sur ${r.pick(c.words.themes)} et sur ${r.pick(c.words.themes)}.`,
  (r, c) => `Le sujet de ${r.pick(c.words.themes)} sera abordé lors du salon VivaTech, ${eventDate(r, c)}.`,
  (r, c) => `${r.pick(COMPANIES)} a de son côté misé sur ${r.pick(c.words.features)}, avec ${r.int(2, 40)} clients revendiqués.`,
  (r, c) => `Le ministre délégué au Numérique doit s'exprimer sur ${r.pick(c.words.themes)} ${eventDate(r, c)}.`,
  (r, c) => `Selon ${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}, ${r.pick(c.words.roles)} de ${r.pick(COMPANIES)}, « le marché va se consolider très vite ».`,
  (r, c) => `Plus de ${r.int(2, 95)} % des grandes entreprises françaises testent déjà des assistants de ce genre, d'après une étude de l'Insee.`,
];

const ENGLISH_CONTEXT: Sentence[] = [
  (r, c) => `The market for generative artificial intelligence could reach ${amount(r, 'en')} in Europe by ${c.year + 3}, according to IDC.`,
  (r, c) => `${c.partner} and ${r.pick(COMPANIES)} compete for the same customers in ${c.sector}.`,
  (r, c) => `In ${c.words.months[c.month]}, ${r.pick(COMPANIES)} presented a similar project without giving a timetable.`,
  (r, c) => `Analysts are divided: some praise the ambition, others point to the cost, estimated at ${amount(r, 'en')}.`,
  (r, c) => `Questions about data sovereignty keep coming up, particularly in ${c.city}.`,
  (r, c) => `The company declined to comment on the report by ${r.pick(c.words.publications)}.`,
  (r, c) => `The government announced a ${amount(r, 'en')} plan to support start-ups in ${c.sector}.`,
  (r, c) => `Since ${c.year - 1}, the number of people using such services has grown ${r.int(2, 9)}-fold.`,
  (r, c) => `${c.person} noted that demand for graphics chips still outstrips supply.`,
  (r, c) => `Early feedback from pilot customers, including ${r.pick(COMPANIES)}, has been encouraging.`,
  (r, c) => `The announcement comes days after ${r.pick(COMPANIES)} unveiled ${productName(r)}.`,
  (r, c) => `The question of ${r.pick(c.words.themes)} remains central to talks between ${c.company} and its customers.`,
  (r, c) => `${r.pick(c.words.publications)} reported in ${c.words.months[r.int(0, 11)]} that ${r.pick(c.words.themes)} already costs the industry ${amount(r, 'en')} a year.`,
  (r, c) => `Asked about ${r.pick(c.words.themes)}, ${c.person} acknowledged that "nothing has been decided yet."`,
  (r, c) => `In ${r.pick(c.words.cities)}, several start-ups are working on ${r.pick(c.words.themes)} and ${r.pick(c.words.themes)}.`,
  (r, c) => `The issue of ${r.pick(c.words.themes)} will be on the agenda at CES ${eventDate(r, c)}.`,
  (r, c) => `${r.pick(COMPANIES)}, for its part, has bet on ${r.pick(c.words.features)} and claims ${r.int(2, 40)} customers.`,
  (r, c) => `The commerce secretary is due to speak about ${r.pick(c.words.themes)} ${eventDate(r, c)}.`,
  (r, c) => `"The market will consolidate very quickly," said ${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}, ${r.pick(c.words.roles)} at ${r.pick(COMPANIES)}.`,
  (r, c) => `More than ${r.int(2, 95)}% of large companies are already testing such assistants, a Gartner survey found.`,
];

function castFor(r: SeededRandom, frenchShare: number): Cast {
  const lang = r.chance(frenchShare) ? 'fr' : 'en';
  const words = lang === 'fr' ? FRENCH : ENGLISH;
  const [company, partner] = r.sample(COMPANIES, 2);
  return {
    lang,
    words,
    company,
    partner,
    product: productName(r),
    person: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
    role: r.pick(words.roles),
    city: r.pick(words.cities),
    sector: r.pick(words.sectors),
    feature: r.pick(words.features),
    year: r.int(2019, 2025),
    month: r.int(0, 11),
    day: r.int(1, 28),
  };
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * Generates article number `index` of the corpus identified by `seed`. Each
 * article depends only on (seed, index), so a smaller corpus is always a prefix
 * of a larger one with the same seed.
 */
export function generateArticle(seed: number, index: number, frenchShare = 0.5): GeneratedArticle {
  const r = new SeededRandom(mixSeed(seed, index));
  const cast = castFor(r, frenchShare);
  const topic = r.pick(TOPICS);
  const templates = (cast.lang === 'fr' ? FRENCH_TOPICS : ENGLISH_TOPICS)[topic];
  const context = cast.lang === 'fr' ? FRENCH_CONTEXT : ENGLISH_CONTEXT;

  const lead = templates.body[0](r, cast);
  const details = r.sample(templates.body.slice(1), r.int(2, templates.body.length - 1)).map((sentence) => sentence(r, cast));
  const background = r.sample(context, r.int(3, 9)).map((sentence) => sentence(r, cast));
  const sentences = [lead, ...details, ...background];
  for (let i = 1; i < sentences.length - 1; i++) {
    if (r.chance(0.3)) [sentences[i], sentences[i + 1]] = [sentences[i + 1], sentences[i]];
  }

  const paragraphs: string[] = [];
  for (let at = 0; at < sentences.length; ) {
    const size = r.int(2, 4);
    paragraphs.push(sentences.slice(at, at + size).join(' '));
    at += size;
  }
  const title = templates.title(r, cast);
  const month = String(cast.month + 1).padStart(2, '0');
  const day = String(cast.day).padStart(2, '0');
  return {
    title,
    url: `https://news.example.com/${cast.lang}/${cast.year}/${month}/${slug(title)}-${index}`,
    published: `${cast.year}-${month}-${day}`,
    lang: cast.lang,
    text: paragraphs.join('\n\n'),
  };
}

/** Options for a generated corpus. */
export interface GenerateOptions {
  seed: number;
  count: number;
  /** Share of French articles, 0 to 1 (default one half). */
  frenchShare?: number;
}

/** Generates `count` realistic French and English tech-news articles, the same ones for the same seed. */
export function generateArticles({ seed, count, frenchShare = 0.5 }: GenerateOptions): GeneratedArticle[] {
  return Array.from({ length: count }, (_, index) => generateArticle(seed, index, frenchShare));
}

/** The corpus as JSONL, one article a line, as `loadCorpus` reads it. */
export function toJsonl(articles: readonly GeneratedArticle[]): string {
  return articles.map((article) => JSON.stringify(article)).join('\n') + '\n';
}

const FRENCH_QUESTIONS = [
  (r: SeededRandom, s: string) => `Quand ${s} sera-t-il disponible ?`,
  (r: SeededRandom, s: string) => `Avec qui ${s} a-t-il signé un partenariat ?`,
  (r: SeededRandom, s: string) => `Combien ${s} a-t-il levé ?`,
  (r: SeededRandom, s: string) => `Pourquoi la sortie de ${s} a-t-elle été reportée ?`,
  (r: SeededRandom, s: string) => `${s} lancement ${r.pick(FRENCH.months)}`,
  (r: SeededRandom, s: string) => `${s} ${r.pick(FRENCH.features)}`,
];

const ENGLISH_QUESTIONS = [
  (r: SeededRandom, s: string) => `When will ${s} be released?`,
  (r: SeededRandom, s: string) => `Who is ${s} partnering with?`,
  (r: SeededRandom, s: string) => `How much did ${s} raise?`,
  (r: SeededRandom, s: string) => `Why was ${s} delayed?`,
  (r: SeededRandom, s: string) => `${s} launch ${r.pick(ENGLISH.months)}`,
  (r: SeededRandom, s: string) => `${s} ${r.pick(ENGLISH.features)}`,
];

/**
 * Questions and keyword queries about the names the generator uses, half French
 * and half English, for timing search and ask on a generated corpus.
 */
export function generateQueries(seed: number, count: number): string[] {
  const r = new SeededRandom(mixSeed(seed, 0x51ed));
  return Array.from({ length: count }, () => {
    const subject = r.chance(0.5) ? r.pick(COMPANIES) : productName(r);
    return r.chance(0.5) ? r.pick(FRENCH_QUESTIONS)(r, subject) : r.pick(ENGLISH_QUESTIONS)(r, subject);
  });
}
