/**
 * Word lists for the benchmark's article generator: companies, products,
 * people, places, sectors and calendar words in French and English. Real names
 * are mixed with composed ones so that a large corpus keeps a varied vocabulary.
 */

export const REAL_COMPANIES = [
  'Mistral AI', 'OpenAI', 'Anthropic', 'Nvidia', 'OVHcloud', 'Scaleway', 'Dassault Systèmes', 'Capgemini', 'Atos',
  'Orange', 'Airbus', 'Thales', 'Ubisoft', 'Doctolib', 'BlaBlaCar', 'Qonto', 'Alan', 'Back Market', 'Contentsquare',
  'Hugging Face', 'Google', 'Microsoft', 'Amazon', 'Meta', 'Apple', 'Samsung', 'IBM', 'Oracle', 'SAP', 'Salesforce',
  'Cohere', 'Aleph Alpha', 'Stability AI', 'Pigment', 'Ledger', 'Deezer', 'Criteo', 'Bouygues Telecom', 'SFR',
  'Free', 'Renault', 'Stellantis', 'TotalEnergies', 'EDF', 'Schneider Electric', 'Valeo', 'Safran', 'Sanofi',
  'LVMH', 'BNP Paribas', 'Société Générale', 'Crédit Agricole', 'AXA', 'Vivendi', 'Ericsson', 'Nokia', 'Intel', 'AMD',
  'Arm', 'TSMC', 'Qualcomm', 'Cisco', 'Dell', 'HP', 'Siemens', 'Spotify', 'Netflix', 'Uber', 'Airbnb', 'Shopify',
] as const;

const COMPANY_STEMS = [
  'Nova', 'Lumi', 'Quant', 'Astra', 'Veri', 'Cyber', 'Hexa', 'Neo', 'Opti', 'Strato', 'Terra', 'Vox', 'Zen', 'Kali',
  'Orbi', 'Pixel', 'Helio', 'Sora', 'Cobalt', 'Argo', 'Bryo', 'Cedra', 'Delta', 'Evo', 'Flux', 'Gala', 'Iris', 'Jade',
];
const COMPANY_ENDINGS = [
  'tech', 'labs', 'flow', 'mind', 'core', 'sys', 'wave', 'logic', ' Systems', ' Robotics', ' Analytics', ' Cloud',
  ' Énergie', ' Santé', ' Mobility', ' Data', ' Networks', ' Bio',
];

/** Real and composed company names (several hundred). */
export const COMPANIES: readonly string[] = [
  ...REAL_COMPANIES,
  ...COMPANY_STEMS.flatMap((stem) => COMPANY_ENDINGS.map((ending) => `${stem}${ending}`)),
];

/** Stems of product names; the generator adds versions and editions. */
export const PRODUCT_STEMS = [
  'Atlas', 'Falcon', 'Orion', 'Nimbus', 'Aurora', 'Vega', 'Titan', 'Lyra', 'Pulsar', 'Horizon', 'Comet', 'Zephyr',
  'Echo', 'Sirius', 'Helix', 'Quasar', 'Kestrel', 'Onyx', 'Sequoia', 'Mistral Large', 'Gemini', 'Llama', 'Claude',
  'Codestral', 'Pixtral', 'Granite', 'Phi', 'Grok', 'Copilot', 'Le Chat', 'Galaxy', 'Pixel', 'Vision', 'Sentinel',
  'Tempo', 'Prism', 'Beacon', 'Cascade', 'Delta', 'Ember', 'Fjord', 'Glacier', 'Harbor', 'Ion', 'Juniper',
] as const;

export const FIRST_NAMES = [
  'Camille', 'Julien', 'Claire', 'Thomas', 'Sophie', 'Nicolas', 'Léa', 'Antoine', 'Manon', 'Hugo', 'Élodie',
  'Mathieu', 'Inès', 'Karim', 'Nadia', 'Yann', 'Aurélie', 'Olivier', 'Sarah', 'David', 'Emily', 'Michael', 'Rachel',
  'James', 'Priya', 'Daniel', 'Laura', 'Kevin', 'Grace', 'Ben', 'Fatou', 'Chloé', 'Marc', 'Amélie', 'Raphaël',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Garnier', 'Roux', 'Fontaine', 'Chevalier', 'Nguyen',
  'Haddad', 'Smith', 'Johnson', 'Patel', 'Chen', 'Walker', 'Okafor', 'Schmidt', 'Rossi', 'Kowalski', 'Diallo',
  'Mercier', 'Blanc', 'Girard', 'Bonnet', 'Lambert', 'Rousseau', 'Vincent', 'Muller', 'Tanaka', 'García',
] as const;

/** Vocabulary that differs by language. */
export interface LanguageVocabulary {
  roles: readonly string[];
  cities: readonly string[];
  sectors: readonly string[];
  months: readonly string[];
  weekdays: readonly string[];
  quarters: readonly string[];
  seasons: readonly string[];
  publications: readonly string[];
  themes: readonly string[];
  features: readonly string[];
}

export const FRENCH: LanguageVocabulary = {
  roles: [
    'directrice générale', 'directeur technique', 'président', 'responsable de la recherche', 'cofondateur',
    'analyste chez Gartner', 'porte-parole', 'directrice financière', 'vice-président chargé des produits',
  ],
  cities: ['Paris', 'Lyon', 'Toulouse', 'Grenoble', 'Bordeaux', 'Nantes', 'Lille', 'Marseille', 'Montréal', 'Bruxelles', 'Genève', 'Station F'],
  sectors: [
    'la santé', 'la logistique', 'la cybersécurité', "l'énergie", 'la banque', "l'assurance", 'la grande distribution',
    "l'automobile", "l'aéronautique", 'les télécoms', "l'éducation", 'le jeu vidéo', "l'agriculture", 'les médias',
    'le service client', 'la traduction', 'le droit', 'la comptabilité',
  ],
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
  quarters: ['premier', 'deuxième', 'troisième', 'quatrième'],
  seasons: ['au printemps', "à l'été", "à l'automne", "à l'hiver"],
  publications: ['Les Échos', 'Le Monde', "L'Usine Nouvelle", 'BFM Business', 'Le Figaro', 'La Tribune'],
  themes: [
    'les centres de données', 'la consommation électrique des serveurs', 'la pénurie de semi-conducteurs',
    'la protection des données personnelles', 'les droits d\'auteur', 'la formation des salariés', 'les usages mobiles',
    'la facturation à l\'usage', 'les modèles ouverts', 'la latence des réponses', 'la fiabilité des sources',
    'les hallucinations des modèles', 'la dépendance aux fournisseurs américains', 'le recrutement d\'ingénieurs',
    'les cartes graphiques', 'le refroidissement liquide', 'la 5G privée', 'les paiements instantanés',
    'la voiture autonome', 'les satellites en orbite basse', 'la télémédecine', 'les jumeaux numériques',
    'la reconnaissance vocale', 'les agents autonomes', 'le commerce en ligne', 'la publicité ciblée',
  ],
  features: [
    'la génération de code', 'la recherche documentaire', 'la traduction en temps réel', 'la synthèse de réunions',
    "l'analyse d'images médicales", 'la détection de fraudes', 'la prévision de la demande', 'la modération de contenus',
    'le support multilingue', 'la planification des tournées', "l'assistance juridique", 'le tri des courriels',
  ],
};

export const ENGLISH: LanguageVocabulary = {
  roles: [
    'chief executive', 'chief technology officer', 'head of research', 'co-founder', 'analyst at IDC', 'spokesperson',
    'chief financial officer', 'vice president of product', 'general manager for Europe',
  ],
  cities: ['London', 'San Francisco', 'Seattle', 'New York', 'Berlin', 'Austin', 'Toronto', 'Dublin', 'Singapore', 'Boston', 'Las Vegas'],
  sectors: [
    'healthcare', 'logistics', 'cybersecurity', 'energy', 'banking', 'insurance', 'retail', 'the automotive industry',
    'aerospace', 'telecoms', 'education', 'gaming', 'agriculture', 'media', 'customer service', 'translation',
    'legal work', 'accounting',
  ],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  quarters: ['first', 'second', 'third', 'fourth'],
  seasons: ['in the spring', 'over the summer', 'in the fall', 'in the winter'],
  publications: ['Reuters', 'Bloomberg', 'The Verge', 'the Financial Times', 'The Information', 'TechCrunch'],
  themes: [
    'data centres', 'the power draw of servers', 'the chip shortage', 'personal data protection', 'copyright',
    'staff training', 'mobile usage', 'usage-based pricing', 'open-weight models', 'response latency',
    'source reliability', 'model hallucinations', 'dependence on American suppliers', 'hiring engineers',
    'graphics cards', 'liquid cooling', 'private 5G', 'instant payments', 'self-driving cars',
    'low-orbit satellites', 'telemedicine', 'digital twins', 'speech recognition', 'autonomous agents',
    'online retail', 'targeted advertising',
  ],
  features: [
    'code generation', 'document search', 'real-time translation', 'meeting summaries', 'medical image analysis',
    'fraud detection', 'demand forecasting', 'content moderation', 'multilingual support', 'route planning',
    'legal research', 'email triage',
  ],
};
