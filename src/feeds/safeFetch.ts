import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import type { Config } from '../config';
import { HostAllowList, ipLiteralOf, refusedAddressReason } from './addressPolicy';
import { FetchFailedError, FetchRefusedError } from './fetchErrors';
import { HostQueue, type PauseClock } from './hostQueue';

/** What Scoop asks of every fetch, from the config. */
export interface FetchPolicy {
  /** `host:port` entries that may resolve to refused addresses (FETCH_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  /** Largest body read, after decompression (FETCH_MAX_BYTES). */
  maxBytes: number;
  /** Budget of one fetch, redirects and body included (FETCH_TIMEOUT_MS). */
  timeoutMs: number;
  /** Pause between two requests to one host (FETCH_HOST_DELAY_MS). */
  hostDelayMs: number;
  /** Sent with every request; names Scoop. */
  userAgent: string;
}

/** The robots.txt token and User-Agent product Scoop goes by. */
export const SCOOP_AGENT_TOKEN = 'Scoop';

/** The User-Agent of every request Scoop makes. */
export const SCOOP_USER_AGENT = `${SCOOP_AGENT_TOKEN}/0.1 (news question-answering bot; +https://github.com/scoop-news/scoop)`;

/** The fetch policy the config sets. */
export function fetchPolicyOf(
  config: Pick<Config, 'FETCH_ALLOW_HOSTS' | 'FETCH_MAX_BYTES' | 'FETCH_TIMEOUT_MS' | 'FETCH_HOST_DELAY_MS'>,
): FetchPolicy {
  return {
    allowHosts: config.FETCH_ALLOW_HOSTS,
    maxBytes: config.FETCH_MAX_BYTES,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    hostDelayMs: config.FETCH_HOST_DELAY_MS,
    userAgent: SCOOP_USER_AGENT,
  };
}

/** What is being fetched, which decides the content types accepted. */
export type FetchKind = 'feed' | 'page' | 'robots';

/** One fetch. */
export interface FetchRequest {
  url: string;
  kind: FetchKind;
  /** Validators of the copy already held: a 304 answer gives `notModified`. */
  etag?: string;
  lastModified?: string;
  /** Called with every URL about to be requested (the first and each redirect target); throws to refuse it (robots.txt). */
  beforeRequest?: (url: URL) => Promise<void>;
}

/** A fetched body, decoded. */
export interface FetchedBody {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  /** True for a 304 to a conditional request: no body. */
  notModified: boolean;
  /** Media type without parameters, lower case ('' when the server sent none). */
  contentType: string;
  etag?: string;
  lastModified?: string;
  bytes: Buffer;
  text: string;
}

/** How many redirects one fetch follows. */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const REFUSED_ADDRESS = 'ERR_SCOOP_REFUSED_ADDRESS';

const ACCEPT: Record<FetchKind, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8',
  page: 'text/html, application/xhtml+xml;q=0.9',
  robots: 'text/plain',
};

function acceptsType(kind: FetchKind, type: string): boolean {
  if (type === '') return true;
  switch (kind) {
    case 'feed':
      return /^(?:application|text)\/(?:[\w.+-]+\+)?(?:xml|json)$/.test(type);
    case 'page':
      return type === 'text/html' || type === 'application/xhtml+xml';
    case 'robots':
      return type.startsWith('text/');
  }
}

function describeType(kind: FetchKind): string {
  return kind === 'feed' ? 'an RSS, Atom or JSON feed' : kind === 'page' ? 'an HTML page' : 'a text file';
}

class RefusedAddressError extends Error {
  readonly code = REFUSED_ADDRESS;
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * A DNS lookup that refuses a name when any address it resolves to is not
 * public. It runs at connect time, inside the socket's own connection, so the
 * address checked is the address connected to (a DNS rebinding between a check
 * and the connection cannot slip through).
 */
export function guardedLookup(lookup: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = (Array.isArray(addresses) ? addresses : [{ address: String(addresses), family: 4 }]) as LookupAddress[];
      for (const { address } of list) {
        const reason = refusedAddressReason(address);
        if (reason) return callback(new RefusedAddressError(`${hostname} resolves to ${reason}`), '', 0);
      }
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Drops a body not read to its end (its abort error is expected, not a failure). */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function findRefusal(error: unknown): RefusedAddressError | undefined {
  for (let current = error as { code?: string; cause?: unknown } | undefined, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof RefusedAddressError || current.code === REFUSED_ADDRESS) return current as RefusedAddressError;
    current = current.cause as typeof current;
  }
  return undefined;
}

function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code;
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_ABORTED') {
    return `no complete answer within ${timeoutMs} ms (FETCH_TIMEOUT_MS)`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS failed (${code})`;
  return err.message ?? String(error);
}

function charsetOf(contentType: string | undefined, bytes: Buffer): string {
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (declared) return declared;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, 1024).toString('latin1');
  return (
    /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    'utf-8'
  );
}

/** Decodes a body by its declared charset (header, BOM, XML declaration or meta tag), UTF-8 otherwise. */
export function decodeBody(bytes: Buffer, contentType?: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetOf(contentType, bytes));
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

function decompress(bytes: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  const options = { maxOutputLength: maxBytes };
  if (coding === 'identity' || coding === '') return bytes;
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.gunzipSync(bytes, options);
  if (coding === 'deflate') return zlib.inflateSync(bytes, options);
  if (coding === 'br') return zlib.brotliDecompressSync(bytes, options);
  throw new Error(`unsupported Content-Encoding ${coding}`);
}

/** Test seams: the DNS lookup behind the connect-time check. */
export interface SafeFetcherOptions {
  lookup?: LookupFunction;
  /** Time source of the per-host pauses (the system clock by default). */
  clock?: PauseClock;
}

/**
 * The one way Scoop fetches anything from the network. Only http and https;
 * every address checked (IP literals before connecting, names at connect
 * time through {@link guardedLookup}) on the first request and on each of at
 * most {@link MAX_REDIRECTS} redirects, unless the URL's host:port is in
 * FETCH_ALLOW_HOSTS; the body size limited while it is read (and again after
 * decompression); one time budget for the whole fetch; the content type
 * checked against what was asked for; a User-Agent naming Scoop; and one
 * request at a time per host, with a pause between.
 */
export class SafeFetcher {
  private readonly allowList: HostAllowList;
  private readonly guarded: Agent;
  private readonly open: Agent;
  private readonly hosts: HostQueue;

  constructor(
    readonly policy: FetchPolicy,
    options: SafeFetcherOptions = {},
  ) {
    this.allowList = new HostAllowList(policy.allowHosts);
    const timeouts = { headersTimeout: policy.timeoutMs, bodyTimeout: policy.timeoutMs, connectTimeout: policy.timeoutMs };
    this.guarded = new Agent({ ...timeouts, connect: { lookup: guardedLookup(options.lookup), timeout: policy.timeoutMs } });
    this.open = new Agent({ ...timeouts, connect: { timeout: policy.timeoutMs, ...(options.lookup && { lookup: options.lookup }) } });
    this.hosts = new HostQueue(policy.hostDelayMs, options.clock);
  }

  /**
   * Fetches `request.url`, following redirects.
   * @throws FetchRefusedError for a URL Scoop will not fetch, FetchFailedError when the fetch did not give a usable body.
   */
  async fetch(fetchRequest: FetchRequest): Promise<FetchedBody> {
    const signal = AbortSignal.timeout(this.policy.timeoutMs);
    let url = this.checkUrl(fetchRequest.url, fetchRequest.url);
    for (let redirects = 0; ; redirects += 1) {
      await fetchRequest.beforeRequest?.(url);
      const answer = await this.hosts.run(url.host, () => this.requestOnce(url, fetchRequest, signal));
      if ('location' in answer) {
        if (redirects >= MAX_REDIRECTS) throw new FetchRefusedError(fetchRequest.url, `more than ${MAX_REDIRECTS} redirects`);
        url = this.checkUrl(new URL(answer.location, url).href, fetchRequest.url);
        continue;
      }
      return answer;
    }
  }

  /** Closes the connections kept open. */
  async close(): Promise<void> {
    await Promise.all([this.guarded.close(), this.open.close()]);
  }

  /**
   * Sets the pause the site at `host` (host:port) asks for between requests,
   * its robots.txt `Crawl-delay`; the pause kept is the larger of it and
   * FETCH_HOST_DELAY_MS, the site's cut to 30 s (`MAX_SITE_DELAY_MS`).
   */
  setSiteDelay(host: string, ms: number | undefined): void {
    this.hosts.setSiteDelay(host, ms);
  }

  /** Whether the host:port of `url` is in FETCH_ALLOW_HOSTS. */
  allows(url: URL): boolean {
    return this.allowList.allows(url);
  }

  private checkUrl(href: string, asked: string): URL {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      throw new FetchRefusedError(href, 'not a URL (give an absolute http:// or https:// address)');
    }
    const where = href === asked ? '' : ` (redirected from ${asked})`;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchRefusedError(url.href, `only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}${where}`);
    }
    if (url.username !== '' || url.password !== '') throw new FetchRefusedError(url.href, `URLs with credentials are not fetched${where}`);
    url.hash = '';
    if (this.allowList.allows(url)) return url;
    const literal = ipLiteralOf(url);
    const reason = literal === null ? null : refusedAddressReason(literal);
    if (reason) throw new FetchRefusedError(url.href, `${reason}; only public addresses are fetched (FETCH_ALLOW_HOSTS lists exceptions)${where}`);
    return url;
  }

  private async requestOnce(url: URL, fetchRequest: FetchRequest, signal: AbortSignal): Promise<FetchedBody | { location: string }> {
    const headers: Record<string, string> = { 'user-agent': this.policy.userAgent, accept: ACCEPT[fetchRequest.kind] };
    if (fetchRequest.etag) headers['if-none-match'] = fetchRequest.etag;
    if (fetchRequest.lastModified) headers['if-modified-since'] = fetchRequest.lastModified;
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'GET',
        headers,
        signal,
        dispatcher: this.allowList.allows(url) ? this.open : this.guarded,
        maxRedirections: 0,
      });
    } catch (error) {
      const refusal = findRefusal(error);
      if (refusal) throw new FetchRefusedError(url.href, `${refusal.reason}; only public addresses are fetched (FETCH_ALLOW_HOSTS lists exceptions)`);
      throw new FetchFailedError(url.href, networkReason(error, this.policy.timeoutMs));
    }
    const { statusCode, headers: responseHeaders, body } = response;
    const contentType = (headerValue(responseHeaders, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    const common = { etag: headerValue(responseHeaders, 'etag'), lastModified: headerValue(responseHeaders, 'last-modified') };
    if (REDIRECT_STATUSES.has(statusCode)) {
      discard(body);
      const location = headerValue(responseHeaders, 'location');
      if (!location) throw new FetchFailedError(url.href, `HTTP ${statusCode} redirect without a Location`, statusCode);
      return { location };
    }
    if (statusCode === 304 && (fetchRequest.etag || fetchRequest.lastModified)) {
      discard(body);
      return { url: url.href, status: 304, notModified: true, contentType, ...common, bytes: Buffer.alloc(0), text: '' };
    }
    if (statusCode < 200 || statusCode > 299) {
      discard(body);
      throw new FetchFailedError(url.href, `HTTP ${statusCode}`, statusCode);
    }
    if (!acceptsType(fetchRequest.kind, contentType)) {
      discard(body);
      throw new FetchFailedError(url.href, `the server sent ${contentType}, not ${describeType(fetchRequest.kind)}`, statusCode);
    }
    const limit = this.policy.maxBytes;
    const declared = Number(headerValue(responseHeaders, 'content-length'));
    if (Number.isFinite(declared) && declared > limit) {
      discard(body);
      throw new FetchFailedError(url.href, `the body is ${declared} bytes, over the ${limit}-byte limit (FETCH_MAX_BYTES)`, statusCode);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    try {
      for await (const chunk of body) {
        received += (chunk as Buffer).length;
        if (received > limit) {
          discard(body);
          throw new FetchFailedError(url.href, `the body is over the ${limit}-byte limit (FETCH_MAX_BYTES)`, statusCode);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (error instanceof FetchFailedError) throw error;
      throw new FetchFailedError(url.href, networkReason(error, this.policy.timeoutMs), statusCode);
    }
    let bytes: Buffer;
    try {
      bytes = decompress(Buffer.concat(chunks), headerValue(responseHeaders, 'content-encoding'), limit);
    } catch (error) {
      const over = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new FetchFailedError(
        url.href,
        over ? `the decompressed body is over the ${limit}-byte limit (FETCH_MAX_BYTES)` : `the body cannot be decoded (${(error as Error).message})`,
        statusCode,
      );
    }
    const text = decodeBody(bytes, headerValue(responseHeaders, 'content-type'));
    return { url: url.href, status: statusCode, notModified: false, contentType, ...common, bytes, text };
  }
}
