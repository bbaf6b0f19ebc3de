/**
 * Metadata a file gives about its article (front matter, a sidecar
 * `.meta.json`, HTML meta tags or JSONL fields), before normalisation.
 * Every field is optional: what is missing is derived from the text.
 */
export interface ArticleMetadata {
  title?: string;
  url?: string;
  /** As written by the source; normalised to a partial ISO date later. */
  published?: unknown;
  /** As written by the source (`fr`, `fr-FR`, `french`...). */
  language?: string;
  /** The outlet that published the article (front matter `outlet`). */
  outlet?: string;
}

function nonEmptyString(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The value when it is an absolute http(s) URL, as written; else undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\/\S+$/i.test(value.trim())) return undefined;
  try {
    new URL(value.trim());
    return value.trim();
  } catch {
    return undefined;
  }
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * Picks the metadata fields Scoop knows from a parsed record (YAML front
 * matter, sidecar JSON, a JSONL object), accepting the usual spellings:
 * `published` or `date`, `lang` or `language`, and `source` as the URL when
 * it is one. Unknown keys and values of the wrong type are ignored. A `url`
 * (or `link`) that is not an absolute http(s) URL (`"url": 12345`, a relative
 * path) is left out and reported through `onIgnored`: the article loads
 * without a URL rather than with one that leads nowhere.
 */
export function readMetadataFields(record: Record<string, unknown>, onIgnored: (reason: string) => void = () => {}): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const title = nonEmptyString(record.title);
  if (title !== undefined) metadata.title = title;
  const urlField = given(record.url) ? 'url' : given(record.link) ? 'link' : undefined;
  const url = urlField === undefined ? undefined : httpUrl(record[urlField]);
  const source = httpUrl(record.source);
  if (url !== undefined) metadata.url = url;
  else if (urlField !== undefined) {
    const shown = JSON.stringify(record[urlField]) ?? String(record[urlField]);
    onIgnored(`"${urlField}" is ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}, not an http(s) URL: the article was loaded without it`);
  } else if (source !== undefined) metadata.url = source;
  const published = record.published ?? record.date ?? record.published_at ?? record.datePublished;
  if (published !== undefined && published !== null && published !== '') metadata.published = published;
  const language = nonEmptyString(record.lang) ?? nonEmptyString(record.language);
  if (language !== undefined) metadata.language = language;
  const outlet = nonEmptyString(record.outlet);
  if (outlet !== undefined) metadata.outlet = outlet;
  return metadata;
}

/** Later sources of metadata win field by field (a sidecar over front matter, say). */
export function mergeMetadata(...layers: ArticleMetadata[]): ArticleMetadata {
  const merged: ArticleMetadata = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as [keyof ArticleMetadata, unknown][]) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

/** True for a plain object (not an array, not null): what a metadata record must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
