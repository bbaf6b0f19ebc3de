import { foldForMatching } from './foldForMatching';
import { VOCABULARIES } from './vocabulary';

/** A place's name as names are matched: folded, dashes and spaces as one space ("Nouvelle-Zélande" → `nouvelle zelande`). */
export function placeKey(name: string): string {
  return foldForMatching(name).replace(/[\s-]+/g, ' ').trim();
}

/** Region codes the platform names: every two-letter code, and the UN M.49 areas news writes about. */
const AREA_CODES = ['002', '009', '019', '021', '142', '150', '419', 'EU'];

function regionCodes(): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = [...letters].flatMap((first) => [...letters].map((second) => first + second));
  return [...codes, ...AREA_CODES];
}

/** A name usable as written in an article: no abbreviation dots, no bracketed qualifier ("É.-U.", "Congo (RDC)"). */
const PLAIN_NAME = /^[\p{L}\s'’-]+$/u;

interface PlaceTable {
  /** Each spelling's key → the keys of every spelling of the same place. */
  spellings: Map<string, string[]>;
}

let table: PlaceTable | null = null;

/**
 * The table of place names across French and English: the countries and
 * areas the platform names (`Intl.DisplayNames` regions, long and short, in
 * each language: "New Zealand" and "Nouvelle-Zélande", "US", "United States"
 * and "États-Unis"), merged with the cities and the other places each
 * vocabulary pairs itself.
 */
function placeTable(): PlaceTable {
  if (table) return table;
  const spellings = new Map<string, string[]>();
  const join = (names: string[]) => {
    const keys = [...new Set(names.filter((name) => PLAIN_NAME.test(name)).map(placeKey))].filter((key) => key.length > 1);
    if (keys.length < 2) return;
    for (const key of keys) {
      const known = spellings.get(key) ?? [];
      spellings.set(key, [...new Set([...known, ...keys])]);
    }
  };
  const namers = (['en', 'fr'] as const).flatMap((language) =>
    (['long', 'short'] as const).map((style) => new Intl.DisplayNames(language, { type: 'region', style, fallback: 'none' })),
  );
  for (const code of regionCodes()) {
    let names: string[];
    try {
      names = namers.map((namer) => namer.of(code)).filter((name): name is string => name !== undefined);
    } catch {
      continue;
    }
    join(names);
  }
  for (const vocabulary of [VOCABULARIES.fr, VOCABULARIES.en]) {
    for (const [name, others] of Object.entries(vocabulary.placeNames)) join([name, ...others]);
  }
  table = { spellings };
  return table;
}

/**
 * The other spellings of a place in French and English, as keys (see
 * {@link placeKey}): `new zealand` → `nouvelle zelande`, `etats unis` →
 * `united states`, `us`, `usa`...; empty when the name is no place the
 * platform or the vocabularies know.
 */
export function otherPlaceSpellings(name: string): readonly string[] {
  const key = placeKey(name);
  return (placeTable().spellings.get(key) ?? []).filter((other) => other !== key);
}

/** Whether a name is a country, an area or a city the place table knows ("Nouvelle-Zélande", "Londres"). */
export function isKnownPlace(name: string): boolean {
  return placeTable().spellings.has(placeKey(name));
}
