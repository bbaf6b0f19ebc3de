import { foldForMatching } from '../text/foldForMatching';

/** A product, model or organisation named in a text, with its exact offsets. */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  /** Canonical name (`GPT-5`, `o3`, `Azure`, `Microsoft`). */
  canonical: string;
  kind: 'product' | 'company';
  /** The organisation behind it: itself for a company, the maker for a product, when known. */
  company: string | null;
}

interface CompanyEntry {
  canonical: string;
  /** Folded spellings. */
  names: string[];
}

/** Organisations Scoop recognises, with the spellings articles use. */
const COMPANIES: CompanyEntry[] = [
  { canonical: 'OpenAI', names: ['openai', 'open ai'] },
  { canonical: 'Microsoft', names: ['microsoft'] },
  { canonical: 'Google', names: ['google', 'alphabet', 'google deepmind', 'deepmind'] },
  { canonical: 'Amazon', names: ['amazon', 'amazon web services'] },
  { canonical: 'Anthropic', names: ['anthropic'] },
  { canonical: 'Meta', names: ['meta', 'facebook'] },
  { canonical: 'Nvidia', names: ['nvidia'] },
  { canonical: 'AMD', names: ['amd'] },
  { canonical: 'Intel', names: ['intel'] },
  { canonical: 'Apple', names: ['apple'] },
  { canonical: 'Mistral AI', names: ['mistral ai', 'mistral'] },
  { canonical: 'xAI', names: ['xai', 'x.ai'] },
  { canonical: 'DeepSeek', names: ['deepseek'] },
  { canonical: 'Oracle', names: ['oracle'] },
  { canonical: 'SoftBank', names: ['softbank'] },
  { canonical: 'CoreWeave', names: ['coreweave'] },
  { canonical: 'Hugging Face', names: ['hugging face', 'huggingface'] },
  { canonical: 'IBM', names: ['ibm'] },
  { canonical: 'Samsung', names: ['samsung'] },
  { canonical: 'TSMC', names: ['tsmc'] },
  { canonical: 'Broadcom', names: ['broadcom'] },
  { canonical: 'Salesforce', names: ['salesforce'] },
  { canonical: 'Cerebras', names: ['cerebras'] },
  { canonical: 'Scaleway', names: ['scaleway'] },
  { canonical: 'OVHcloud', names: ['ovhcloud', 'ovh'] },
  { canonical: 'Iliad', names: ['iliad'] },
  { canonical: 'Bpifrance', names: ['bpifrance'] },
  { canonical: 'Capgemini', names: ['capgemini'] },
  { canonical: 'Perplexity', names: ['perplexity'] },
  { canonical: 'Cohere', names: ['cohere'] },
  { canonical: 'Databricks', names: ['databricks'] },
  { canonical: 'Snowflake', names: ['snowflake'] },
  { canonical: 'Qualcomm', names: ['qualcomm'] },
  { canonical: 'Arm', names: ['arm holdings', 'arm'] },
  { canonical: 'Baidu', names: ['baidu'] },
  { canonical: 'Alibaba', names: ['alibaba'] },
  { canonical: 'Tencent', names: ['tencent'] },
  { canonical: 'ByteDance', names: ['bytedance'] },
  { canonical: 'SAP', names: ['sap'] },
  { canonical: 'Dell', names: ['dell'] },
  { canonical: 'G42', names: ['g42'] },
  { canonical: 'MGX', names: ['mgx'] },
  { canonical: 'Helsing', names: ['helsing'] },
  { canonical: 'Stellantis', names: ['stellantis'] },
  { canonical: 'Orange', names: ['orange'] },
  { canonical: 'Thales', names: ['thales'] },
  { canonical: 'Kyutai', names: ['kyutai'] },
  { canonical: 'Aleph Alpha', names: ['aleph alpha'] },
  { canonical: 'LightOn', names: ['lighton'] },
  { canonical: 'SK Hynix', names: ['sk hynix'] },
  { canonical: 'Lambda', names: ['lambda labs'] },
  { canonical: 'Andreessen Horowitz', names: ['andreessen horowitz', 'a16z'] },
  { canonical: 'General Catalyst', names: ['general catalyst'] },
  { canonical: 'Lightspeed', names: ['lightspeed venture partners', 'lightspeed'] },
  { canonical: 'Thrive Capital', names: ['thrive capital'] },
];

/** Fixed product names (folded spelling → canonical, maker). */
const PRODUCTS: Array<[string, string, string | null]> = [
  ['chatgpt', 'ChatGPT', 'OpenAI'],
  ['searchgpt', 'SearchGPT', 'OpenAI'],
  ['sora', 'Sora', 'OpenAI'],
  ['azure', 'Azure', 'Microsoft'],
  ['microsoft azure', 'Azure', 'Microsoft'],
  ['copilot', 'Copilot', 'Microsoft'],
  ['aws', 'AWS', 'Amazon'],
  ['bedrock', 'Bedrock', 'Amazon'],
  ['amazon bedrock', 'Bedrock', 'Amazon'],
  ['google cloud', 'Google Cloud', 'Google'],
  ['vertex ai', 'Vertex AI', 'Google'],
  ['oracle cloud', 'Oracle Cloud', 'Oracle'],
  ['le chat', 'Le Chat', 'Mistral AI'],
  ['mixtral', 'Mixtral', 'Mistral AI'],
  ['codestral', 'Codestral', 'Mistral AI'],
  ['pixtral', 'Pixtral', 'Mistral AI'],
  ['magistral', 'Magistral', 'Mistral AI'],
  ['apple intelligence', 'Apple Intelligence', 'Apple'],
  ['siri', 'Siri', 'Apple'],
  ['alexa+', 'Alexa+', 'Amazon'],
  ['alexa', 'Alexa', 'Amazon'],
  ['blackwell', 'Blackwell', 'Nvidia'],
  ['hopper', 'Hopper', 'Nvidia'],
  ['stargate', 'Stargate', null],
];

/** Product families with versions: folded pattern (no leading boundary) and how to spell the match canonically. */
const VERSIONED: Array<{ pattern: string; canonical: (g: Record<string, string | undefined>) => string; company: string | null }> = [
  {
    pattern: 'gpt[\\s-]?(?<v>\\d+(?:\\.\\d+)?)(?<o>o)?(?:[\\s-](?<s>turbo|mini|pro))?',
    canonical: (g) => `GPT-${g.v}${g.o ?? ''}${g.s ? ` ${g.s === 'turbo' ? 'Turbo' : g.s}` : ''}`,
    company: 'OpenAI',
  },
  {
    pattern: 'o(?<v>[134])(?:-(?<s>mini|pro|preview))?',
    canonical: (g) => `o${g.v}${g.s ? `-${g.s}` : ''}`,
    company: 'OpenAI',
  },
  {
    pattern: 'dall[\\s-]?e(?:[\\s-]?(?<v>\\d))?',
    canonical: (g) => `DALL-E${g.v ? ` ${g.v}` : ''}`,
    company: 'OpenAI',
  },
  {
    pattern: 'claude(?:[\\s-](?<v>\\d(?:\\.\\d)?))?(?:[\\s-](?<t>opus|sonnet|haiku))?(?:[\\s-](?<v2>\\d(?:\\.\\d)?))?',
    canonical: (g) => ['Claude', g.v, g.t && g.t[0].toUpperCase() + g.t.slice(1), g.v2].filter(Boolean).join(' '),
    company: 'Anthropic',
  },
  {
    pattern: 'gemini(?:[\\s-](?<v>\\d(?:\\.\\d)?))?(?:[\\s-](?<t>pro|flash|ultra|nano))?',
    canonical: (g) => ['Gemini', g.v, g.t && g.t[0].toUpperCase() + g.t.slice(1)].filter(Boolean).join(' '),
    company: 'Google',
  },
  {
    pattern: 'gemma(?:[\\s-](?<v>\\d))?',
    canonical: (g) => ['Gemma', g.v].filter(Boolean).join(' '),
    company: 'Google',
  },
  {
    pattern: 'llama[\\s-]?(?<v>\\d(?:\\.\\d)?)?',
    canonical: (g) => ['Llama', g.v].filter(Boolean).join(' '),
    company: 'Meta',
  },
  {
    pattern: 'mistral[\\s-](?<t>large|medium|small)(?:[\\s-](?<v>\\d(?:\\.\\d)?))?',
    canonical: (g) => ['Mistral', g.t && g.t[0].toUpperCase() + g.t.slice(1), g.v].filter(Boolean).join(' '),
    company: 'Mistral AI',
  },
  {
    pattern: 'grok(?:[\\s-](?<v>\\d(?:\\.\\d)?))?',
    canonical: (g) => ['Grok', g.v].filter(Boolean).join(' '),
    company: 'xAI',
  },
  {
    pattern: 'deepseek[\\s-](?<t>r1|r2|v2|v3)',
    canonical: (g) => `DeepSeek-${(g.t ?? '').toUpperCase()}`,
    company: 'DeepSeek',
  },
  {
    pattern: '(?<t>h100|h200|b200|b300|gb200|gb300)',
    canonical: (g) => (g.t ?? '').toUpperCase(),
    company: 'Nvidia',
  },
  {
    pattern: 'mi(?<v>300x|325x|350|355x|400)',
    canonical: (g) => `MI${(g.v ?? '').toUpperCase()}`,
    company: 'AMD',
  },
  {
    pattern: 'trainium(?:[\\s-]?(?<v>\\d))?',
    canonical: (g) => ['Trainium', g.v].filter(Boolean).join(''),
    company: 'Amazon',
  },
];

const B = '(?<![\\p{L}\\d.-])';
const E = '(?![\\p{L}\\d]|-\\d|\\.\\d)';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
}

const COMPANY_BY_NAME = new Map<string, string>();
for (const entry of COMPANIES) for (const name of entry.names) COMPANY_BY_NAME.set(name, entry.canonical);
const PRODUCT_BY_NAME = new Map(PRODUCTS.map(([name, canonical, company]) => [name, { canonical, company }]));
const FIXED_NAMES = [...COMPANY_BY_NAME.keys(), ...PRODUCT_BY_NAME.keys()].sort((a, b) => b.length - a.length);
const FIXED_PATTERN = new RegExp(`${B}(?:${FIXED_NAMES.map(escape).join('|')})(?![\\p{L}\\d+])`, 'gu');
const VERSIONED_PATTERNS = VERSIONED.map((family) => ({
  ...family,
  regex: new RegExp(`${B}${family.pattern}${E}`, 'gu'),
  whole: new RegExp(`^${family.pattern}$`, 'u'),
}));
const COMPANY_NAMES = new Set(COMPANY_BY_NAME.values());

/** True for the fixed names that must be capitalised in the text to count (every product, and companies whose canonical name is). */
function needsCapital(name: string): boolean {
  const company = COMPANY_BY_NAME.get(name);
  return company === undefined || company[0] !== company[0].toLowerCase();
}

/**
 * Every way a product or organisation name can start, without word
 * boundaries: the names that count in any case (product families, `xai`),
 * and those that count only when capitalised.
 */
const CASE_FREE_TRIGGER = new RegExp(
  [...VERSIONED.map((family) => family.pattern.replace(/\(\?<\w+>/g, '(?:')), ...FIXED_NAMES.filter((name) => !needsCapital(name)).map(escape)].join('|'),
  'gu',
);
const CAPITALISED_TRIGGER = new RegExp(FIXED_NAMES.filter(needsCapital).map(escape).join('|'), 'uy');
const CAPITALISED_FIRST_LETTERS = new Set(FIXED_NAMES.filter(needsCapital).map((name) => name.charCodeAt(0)));
/**
 * Upper and title case letters: every character a capitalised name can
 * start with (one that lower-casing changes and that folds to a letter a-z),
 * as a test over the Basic Multilingual Plane checks; beyond it, a name's
 * first unit would be a surrogate, which is never a capital.
 */
const CAPITAL_LETTER = /[\p{Lu}\p{Lt}]/gu;

/** True when a name that must be capitalised starts at `at`, with a capital in `text`. */
function capitalisedNameAt(text: string, folded: string, at: number): boolean {
  if (!CAPITALISED_FIRST_LETTERS.has(folded.charCodeAt(at))) return false;
  const first = text[at];
  if (first === first.toLowerCase()) return false;
  CAPITALISED_TRIGGER.lastIndex = at;
  return CAPITALISED_TRIGGER.test(folded);
}

/**
 * Offsets, in order, where a known product or organisation name may start
 * in `text`, found without word boundaries: every offset where `findEntities`
 * finds one, in `text` or in any slice of it (a sentence), is among them.
 * A cheap test that lets extraction pass over the many articles and
 * sentences of general news that name none. `folded` is
 * `foldForMatching(text)`; `limit` stops the search early. Code names
 * learned from an article are not covered: look for those separately.
 */
export function findEntityHints(text: string, folded: string = foldForMatching(text), limit = Infinity): number[] {
  const hints: number[] = [];
  CASE_FREE_TRIGGER.lastIndex = 0;
  for (let match = CASE_FREE_TRIGGER.exec(folded); match && hints.length < limit; match = CASE_FREE_TRIGGER.exec(folded)) {
    hints.push(match.index);
    CASE_FREE_TRIGGER.lastIndex = match.index + 1;
  }
  CAPITAL_LETTER.lastIndex = 0;
  for (let match = CAPITAL_LETTER.exec(text); match && hints.length < limit; match = CAPITAL_LETTER.exec(text)) {
    if (capitalisedNameAt(text, folded, match.index)) hints.push(match.index);
  }
  return hints.sort((a, b) => a - b);
}

/** False when `text` certainly names no known product or organisation (see `findEntityHints`). */
function mayNameEntities(text: string, folded: string = foldForMatching(text)): boolean {
  return findEntityHints(text, folded, 1).length > 0;
}

function normaliseName(text: string): string {
  return foldForMatching(text).trim().replace(/\s+/g, ' ');
}

/**
 * Finds the products, models and organisations named in `text`, longest
 * first and without overlaps, in text order. Company names must be
 * capitalised as names are ("Orange", not "orange"), so common words stay words.
 * `extraAliases` maps code names learned from the article (lower case) to
 * their subject; `folded`, when the caller has it, is `foldForMatching(text)`.
 */
export function findEntities(
  text: string,
  extraAliases: ReadonlyMap<string, string> = new Map(),
  folded: string = foldForMatching(text),
): EntityMention[] {
  if (extraAliases.size === 0 && !mayNameEntities(text, folded)) return [];
  const found: EntityMention[] = [];
  for (const family of VERSIONED_PATTERNS) {
    family.regex.lastIndex = 0;
    for (const match of folded.matchAll(family.regex)) {
      const start = match.index;
      const raw = text.slice(start, start + match[0].length);
      found.push({ start, end: start + raw.length, text: raw, canonical: family.canonical({ ...match.groups }), kind: 'product', company: family.company });
    }
  }
  FIXED_PATTERN.lastIndex = 0;
  for (const match of folded.matchAll(FIXED_PATTERN)) {
    const start = match.index;
    const raw = text.slice(start, start + match[0].length);
    const key = match[0].replace(/\s+/g, ' ');
    const company = COMPANY_BY_NAME.get(key);
    if (company) {
      if (raw[0] === raw[0].toLowerCase() && company[0] !== company[0].toLowerCase()) continue;
      found.push({ start, end: start + raw.length, text: raw, canonical: company, kind: 'company', company });
      continue;
    }
    const product = PRODUCT_BY_NAME.get(key);
    if (product && raw[0] !== raw[0].toLowerCase()) {
      found.push({ start, end: start + raw.length, text: raw, canonical: product.canonical, kind: 'product', company: product.company });
    }
  }
  for (const [alias, canonical] of extraAliases) {
    const regex = new RegExp(`${B}${escape(alias)}${E}`, 'gu');
    for (const match of folded.matchAll(regex)) {
      const start = match.index;
      const raw = text.slice(start, start + match[0].length);
      if (raw[0] === raw[0].toLowerCase()) continue;
      found.push({ start, end: start + raw.length, text: raw, canonical, kind: 'product', company: canonicalSubjectCompany(canonical) });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: EntityMention[] = [];
  for (const mention of found) {
    if (kept.some((k) => mention.start < k.end && k.start < mention.end)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function wholeMatch(text: string): EntityMention | null {
  const mentions = findEntities(text.trim());
  const only = mentions[0];
  return mentions.length === 1 && only.start === 0 && only.end === text.trim().length ? only : null;
}

/**
 * The canonical name of a product, model or company, matching variants of
 * spacing, dashes and case: "gpt 5", "GPT5", "gpt‑5" → `GPT-5`; "O3" → `o3`;
 * "azure" → `Azure`; "openai" → `OpenAI`. Null for anything it does not know
 * (code names such as "Orion" are learned from articles: see `FactBook.resolveSubject`).
 */
export function canonicalSubject(text: string): string | null {
  const name = normaliseName(text);
  if (!name) return null;
  const company = COMPANY_BY_NAME.get(name);
  if (company) return company;
  const product = PRODUCT_BY_NAME.get(name);
  if (product) return product.canonical;
  for (const family of VERSIONED_PATTERNS) {
    const match = family.whole.exec(name);
    if (match) return family.canonical({ ...match.groups });
  }
  const mention = wholeMatch(text);
  return mention?.canonical ?? null;
}

/**
 * The canonical name of an organisation, from its name in any case ("open
 * ai", "MICROSOFT", "Mistral") or from one of its platforms ("Azure" →
 * `Microsoft`, "AWS" → `Amazon`, "Le Chat" → `Mistral AI`). Null when unknown.
 */
export function canonicalCompany(text: string): string | null {
  const name = normaliseName(text);
  if (!name) return null;
  const company = COMPANY_BY_NAME.get(name);
  if (company) return company;
  const subject = canonicalSubject(text);
  return subject ? canonicalSubjectCompany(subject) : null;
}

/** The organisation behind a canonical subject (`GPT-5` → `OpenAI`, `Azure` → `Microsoft`), or null. */
export function canonicalSubjectCompany(subject: string): string | null {
  if (COMPANY_NAMES.has(subject)) return subject;
  for (const [, product] of PRODUCT_BY_NAME) if (product.canonical === subject) return product.company;
  const folded = normaliseName(subject);
  for (const family of VERSIONED_PATTERNS) {
    if (family.whole.test(folded)) return family.company;
  }
  return null;
}

/** True when `name` is an organisation rather than a product. */
export function isCompanyName(name: string): boolean {
  return COMPANY_NAMES.has(name);
}
