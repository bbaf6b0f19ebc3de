import type { LookupFunction } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HostAllowList, refusedAddressReason } from '../../src/feeds/addressPolicy';
import { FetchFailedError, FetchRefusedError } from '../../src/feeds/fetchErrors';
import { SafeFetcher, type FetchPolicy } from '../../src/feeds/safeFetch';
import { LocalServer, redirect, serve } from './localServer';

const PAGE = '<html><head><title>Grève</title></head><body><p>Le trafic reprend.</p></body></html>';

function policy(server: LocalServer | null, extra: Partial<FetchPolicy> = {}): FetchPolicy {
  return {
    allowHosts: server ? [server.host] : [],
    maxBytes: 64 * 1024,
    timeoutMs: 2_000,
    hostDelayMs: 0,
    userAgent: 'Scoop/test',
    ...extra,
  };
}

/** A resolver that answers every name with `address`, as a hostile DNS would. */
function resolvingTo(address: string, family: 4 | 6 = 4): LookupFunction {
  return (_hostname, options, callback) => {
    const answer = [{ address, family }];
    if (options.all) (callback as unknown as (e: null, a: typeof answer) => void)(null, answer);
    else callback(null, address, family);
  };
}

async function refusal(promise: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
}

async function failure(promise: Promise<unknown>): Promise<FetchFailedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchFailedError);
  return error as FetchFailedError;
}

describe('refusedAddressReason', () => {
  it('GIVEN every non-public range, in IPv4, IPv6 and IPv4-mapped forms THEN each is refused with its name', () => {
    const refused: Record<string, RegExp> = {
      '127.0.0.1': /loopback/,
      '127.8.9.10': /loopback/,
      '10.1.2.3': /private/,
      '172.16.0.1': /private/,
      '192.168.1.1': /private/,
      '169.254.169.254': /link-local/,
      '100.64.0.1': /carrier-grade NAT/,
      '224.0.0.1': /multicast/,
      '0.0.0.0': /unspecified/,
      '255.255.255.255': /broadcast/,
      '::1': /loopback/,
      '::': /unspecified/,
      'fe80::1': /link-local/,
      'fd12:3456::1': /unique local/,
      'ff02::1': /multicast/,
      '::ffff:127.0.0.1': /loopback/,
      '::ffff:7f00:1': /loopback/,
      '::ffff:10.0.0.1': /private/,
      '::ffff:169.254.169.254': /link-local/,
      '64:ff9b::7f00:1': /reserved/,
      '2002:7f00:1::': /reserved/,
    };
    for (const [address, reason] of Object.entries(refused)) expect(refusedAddressReason(address), address).toMatch(reason);
  });

  it('GIVEN public addresses THEN none is refused', () => {
    for (const address of ['93.184.216.34', '2606:4700::1111', '::ffff:93.184.216.34']) expect(refusedAddressReason(address), address).toBeNull();
  });
});

describe('HostAllowList', () => {
  it('GIVEN host:port entries THEN only that host on that port is allowed, as written in the URL', () => {
    const list = new HostAllowList(['127.0.0.1:8080', 'LOCALHOST:9000', 'intranet.local']);
    expect(list.allows(new URL('http://127.0.0.1:8080/feed'))).toBe(true);
    expect(list.allows(new URL('http://127.0.0.1:8081/feed'))).toBe(false);
    expect(list.allows(new URL('http://localhost:9000/'))).toBe(true);
    expect(list.allows(new URL('http://127.0.0.1:9000/'))).toBe(false);
    expect(list.allows(new URL('https://intranet.local/'))).toBe(true);
    expect(list.allows(new URL('http://intranet.local:8080/'))).toBe(false);
  });
});

describe('SafeFetcher against a local server', () => {
  let server: LocalServer;
  let fetcher: SafeFetcher;

  beforeAll(async () => {
    server = await LocalServer.start({
      '/page': serve('text/html; charset=utf-8', PAGE),
      '/latin1': serve('text/html; charset=iso-8859-1', Buffer.from('<p>Grève à Orléans</p>', 'latin1')),
      '/hop1': redirect('/hop2'),
      '/hop2': redirect('/page', 301),
      '/loop': redirect('/loop'),
      '/to-private': redirect('http://10.0.0.7/admin'),
      '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
      '/to-file': redirect('file:///etc/passwd'),
      '/feed.xml': serve('application/rss+xml', '<rss version="2.0"><channel><title>T</title></channel></rss>', { etag: '"v1"' }),
      '/big': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        let sent = 0;
        const push = () => {
          while (sent < 40 && response.write(chunk)) sent += 1;
          if (sent < 40) response.once('drain', push);
          else response.end();
        };
        push();
      },
      '/declared-big': serve('text/html', 'x', { 'content-length': String(10 * 1024 * 1024) }),
      '/bomb': serve('text/html', gzipSync(Buffer.alloc(8 * 1024 * 1024, ' ')), { 'content-encoding': 'gzip' }),
      '/gzipped': serve('text/html', gzipSync(Buffer.from(PAGE)), { 'content-encoding': 'gzip' }),
      '/hang': () => undefined,
      '/slow-body': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<p>first bytes');
      },
      '/image': serve('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
      '/missing': { status: 404, body: 'gone' },
    });
    server.route('/conditional', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('<rss version="2.0"></rss>');
    });
    server.route('/to-other-port', redirect(`http://127.0.0.1:${server.port + 1}/`));
    fetcher = new SafeFetcher(policy(server));
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  it('GIVEN an allowed host THEN the page comes back decoded, asked for with a User-Agent naming Scoop', async () => {
    const fetched = await fetcher.fetch({ url: server.url('/page'), kind: 'page' });
    expect(fetched.text).toBe(PAGE);
    expect(fetched.contentType).toBe('text/html');
    expect(server.requestsFor('/page').at(-1)?.headers['user-agent']).toBe('Scoop/test');
  });

  it('GIVEN a Latin-1 page or a gzipped one THEN the text is decoded as the server declared', async () => {
    expect((await fetcher.fetch({ url: server.url('/latin1'), kind: 'page' })).text).toBe('<p>Grève à Orléans</p>');
    expect((await fetcher.fetch({ url: server.url('/gzipped'), kind: 'page' })).text).toBe(PAGE);
  });

  it('GIVEN two redirects on the allowed host THEN they are followed to the page', async () => {
    const fetched = await fetcher.fetch({ url: server.url('/hop1'), kind: 'page' });
    expect(fetched.url).toBe(server.url('/page'));
    expect(fetched.text).toBe(PAGE);
  });

  it('GIVEN a redirect loop THEN the fetch stops after five redirects', async () => {
    const before = server.requestsFor('/loop').length;
    const error = await refusal(fetcher.fetch({ url: server.url('/loop'), kind: 'page' }));
    expect(error.reason).toMatch(/more than 5 redirects/);
    expect(server.requestsFor('/loop').length - before).toBe(6);
  });

  it('GIVEN a redirect to a private, a cloud-metadata or a file URL THEN each is refused, naming the reason', async () => {
    expect((await refusal(fetcher.fetch({ url: server.url('/to-private'), kind: 'page' }))).message).toMatch(/10\.0\.0\.7 is a private address.*redirected from/);
    expect((await refusal(fetcher.fetch({ url: server.url('/to-metadata'), kind: 'page' }))).reason).toMatch(/link-local/);
    expect((await refusal(fetcher.fetch({ url: server.url('/to-file'), kind: 'page' }))).reason).toMatch(/only http and https/);
  });

  it('GIVEN a redirect to another port of the allowed address THEN it is refused: the allow list is host:port', async () => {
    expect((await refusal(fetcher.fetch({ url: server.url('/to-other-port'), kind: 'page' }))).reason).toMatch(/loopback/);
  });

  it('GIVEN a body that grows past FETCH_MAX_BYTES, or declares it THEN the fetch is cut off, naming the limit', async () => {
    expect((await failure(fetcher.fetch({ url: server.url('/big'), kind: 'page' }))).reason).toMatch(/over the 65536-byte limit \(FETCH_MAX_BYTES\)/);
    expect((await failure(fetcher.fetch({ url: server.url('/declared-big'), kind: 'page' }))).reason).toMatch(/FETCH_MAX_BYTES/);
  });

  it('GIVEN a small gzip body that inflates past the limit THEN it is refused after decompression', async () => {
    expect((await failure(fetcher.fetch({ url: server.url('/bomb'), kind: 'page' }))).reason).toMatch(/decompressed body is over/);
  });

  it('GIVEN a server that never answers, or stops mid-body THEN the fetch fails on FETCH_TIMEOUT_MS', async () => {
    const quick = new SafeFetcher(policy(server, { timeoutMs: 150 }));
    try {
      expect((await failure(quick.fetch({ url: server.url('/hang'), kind: 'page' }))).reason).toMatch(/within 150 ms \(FETCH_TIMEOUT_MS\)/);
      expect((await failure(quick.fetch({ url: server.url('/slow-body'), kind: 'page' }))).reason).toMatch(/FETCH_TIMEOUT_MS/);
    } finally {
      await quick.close();
    }
  });

  it('GIVEN a content type other than asked for, or an HTTP error THEN the fetch fails saying which', async () => {
    expect((await failure(fetcher.fetch({ url: server.url('/image'), kind: 'page' }))).reason).toBe('the server sent image/png, not an HTML page');
    expect((await failure(fetcher.fetch({ url: server.url('/page'), kind: 'feed' }))).reason).toMatch(/text\/html, not an RSS, Atom or JSON feed/);
    const missing = await failure(fetcher.fetch({ url: server.url('/missing'), kind: 'page' }));
    expect(missing.reason).toBe('HTTP 404');
    expect(missing.status).toBe(404);
  });

  it('GIVEN the ETag of the copy held THEN a 304 answer is reported as not modified', async () => {
    const first = await fetcher.fetch({ url: server.url('/conditional'), kind: 'feed' });
    expect(first.etag).toBe('"v1"');
    const second = await fetcher.fetch({ url: server.url('/conditional'), kind: 'feed', etag: first.etag });
    expect(second.notModified).toBe(true);
    expect(server.requestsFor('/conditional').at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('GIVEN several requests to one host at once THEN they run one at a time', async () => {
    const polite = new SafeFetcher(policy(server, { hostDelayMs: 20 }));
    server.maxConcurrent = 0;
    try {
      await Promise.all([1, 2, 3, 4].map(() => polite.fetch({ url: server.url('/page'), kind: 'page' })));
      expect(server.maxConcurrent).toBe(1);
    } finally {
      await polite.close();
    }
  });
});

describe('SafeFetcher without an allow list', () => {
  let server: LocalServer;
  const fetchers: SafeFetcher[] = [];
  const make = (lookup?: LookupFunction) => {
    const fetcher = new SafeFetcher(policy(null), { lookup });
    fetchers.push(fetcher);
    return fetcher;
  };

  beforeAll(async () => {
    server = await LocalServer.start({ '/page': serve('text/html', PAGE) });
  });
  afterEach(async () => {
    await Promise.all(fetchers.splice(0).map((fetcher) => fetcher.close()));
  });
  afterAll(async () => {
    await server.close();
  });

  it('GIVEN loopback, IPv6 loopback and IPv4-mapped literals THEN they are refused and nothing is requested', async () => {
    const fetcher = make();
    expect((await refusal(fetcher.fetch({ url: server.url('/page'), kind: 'page' }))).reason).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect((await refusal(fetcher.fetch({ url: `http://[::1]:${server.port}/page`, kind: 'page' }))).reason).toMatch(/loopback/);
    expect((await refusal(fetcher.fetch({ url: `http://[::ffff:127.0.0.1]:${server.port}/page`, kind: 'page' }))).reason).toMatch(/loopback/);
    expect((await refusal(fetcher.fetch({ url: `http://0x7f.1:${server.port}/page`, kind: 'page' }))).reason).toMatch(/loopback/);
    expect(server.received).toHaveLength(0);
  });

  it('GIVEN a name that resolves to loopback at connect time THEN the connection is refused before any request', async () => {
    const fetcher = make(resolvingTo('127.0.0.1'));
    const error = await refusal(fetcher.fetch({ url: `http://news.example:${server.port}/page`, kind: 'page' }));
    expect(error.reason).toMatch(/news\.example resolves to 127\.0\.0\.1 is a loopback address/);
    const mapped = make(resolvingTo('::ffff:127.0.0.1', 6));
    expect((await refusal(mapped.fetch({ url: `http://other.example:${server.port}/page`, kind: 'page' }))).reason).toMatch(/loopback/);
    expect(server.received).toHaveLength(0);
  });

  it('GIVEN localhost:PORT in FETCH_ALLOW_HOSTS THEN the name is fetched although it resolves to loopback', async () => {
    const fetcher = new SafeFetcher(policy(null, { allowHosts: [`localhost:${server.port}`] }));
    fetchers.push(fetcher);
    expect((await fetcher.fetch({ url: `http://localhost:${server.port}/page`, kind: 'page' })).text).toBe(PAGE);
    expect((await refusal(fetcher.fetch({ url: server.url('/page'), kind: 'page' }))).reason).toMatch(/loopback/);
  });

  it('GIVEN schemes other than http and https, or credentials THEN they are refused', async () => {
    const fetcher = make();
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed', 'gopher://example.com/', 'data:text/html,hi']) {
      expect((await refusal(fetcher.fetch({ url, kind: 'page' }))).reason, url).toMatch(/only http and https/);
    }
    expect((await refusal(fetcher.fetch({ url: 'http://user:pw@example.com/', kind: 'page' }))).reason).toMatch(/credentials/);
    expect((await refusal(fetcher.fetch({ url: 'not a url', kind: 'page' }))).reason).toMatch(/not a URL/);
  });
});
