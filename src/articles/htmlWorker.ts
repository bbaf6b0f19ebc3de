import { parentPort } from 'node:worker_threads';
import { extractHtmlArticle } from './htmlArticle';
import type { HtmlParseRequest, HtmlParseResponse } from './htmlExtractor';

/**
 * The worker thread that reads HTML pages for `HtmlExtractor`: one request at
 * a time, so that a page that takes too long can be stopped by terminating
 * the thread without touching the loader. It says when it is ready, so that
 * the deadline does not count its start-up.
 */
parentPort?.on('message', ({ id, html, maxDepth }: HtmlParseRequest) => {
  let response: HtmlParseResponse;
  try {
    response = { id, article: extractHtmlArticle(html, { maxDepth }) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
parentPort?.postMessage({ ready: true } satisfies HtmlParseResponse);
