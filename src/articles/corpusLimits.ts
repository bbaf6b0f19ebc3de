/**
 * The defaults of the limits that keep one hostile or broken input from
 * stopping a load (see `LoadCorpusOptions`); src/config.ts exposes each as a
 * setting. Kept apart, without imports, so that reading the config loads
 * nothing else.
 */

/** Default limit per file: far above any news article, far below trouble. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Default limit per JSONL line. */
export const DEFAULT_MAX_LINE_BYTES = 2 * 1024 * 1024;
/** Default limit per JSONL file, decompressed: 400,000 OrangeSum articles. */
export const DEFAULT_MAX_JSONL_BYTES = 1024 * 1024 * 1024;
/**
 * Default limit per article: about 30,000 words, past any news article (the
 * longest of OrangeSum's 10,000 is 12 KB). Everything after loading is linear
 * in the text (passages, analysis, fact extraction: about 1 s for 200,000
 * characters of dense dates and partnerships), so this bounds the work one
 * article costs; a .jsonl.gz of 100 lines of 2 MiB, 556 KB compressed, held
 * 200 MB of text and was still being indexed after 300 s.
 */
export const DEFAULT_MAX_ARTICLE_CHARS = 200_000;
/** Default deadline per HTML page: a large real page parses in well under a second. */
export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;
/**
 * Default bound on element nesting: news pages nest a few dozen levels; past
 * that, Readability's cost grows with the cube of the depth (0.2 s for one
 * paragraph under 100 levels, 2 s under 400, minutes under 3,000).
 */
export const DEFAULT_MAX_HTML_DEPTH = 64;
