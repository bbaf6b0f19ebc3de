import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a private (unique local) address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
};

/**
 * Why Scoop will not connect to `address` (an IPv4 or IPv6 literal), or null
 * when it is a public unicast address. Everything ipaddr.js does not class as
 * `unicast` is refused: loopback, private, link-local, carrier-grade NAT,
 * multicast, unspecified, broadcast, reserved and documentation ranges, and
 * the IPv6 forms that embed an IPv4 address (IPv4-mapped and -compatible are
 * judged as the IPv4 address they carry; NAT64, 6to4 and Teredo are refused).
 */
export function refusedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return `${address} is not an IP address`;
  const range = ipaddr.process(bare).range();
  if (range === 'unicast') return null;
  return `${address} is ${RANGE_NAMES[range] ?? `in a reserved range (${range})`}`;
}

/** The URL's host as a bare IP literal (brackets of IPv6 removed), or null for a name. */
export function ipLiteralOf(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) === 0 ? null : host;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/**
 * The `FETCH_ALLOW_HOSTS` list: hosts that may be fetched although they
 * resolve to refused addresses (a local test server, an intranet feed). An
 * entry is `host:port` as written in a URL (`127.0.0.1:8080`,
 * `localhost:8080`, `[::1]:8080`); an entry without a port stands for the
 * scheme's default port. Matching is on the URL as written, never on what
 * its name resolves to.
 */
export class HostAllowList {
  private readonly entries: Set<string>;

  constructor(entries: readonly string[]) {
    this.entries = new Set(
      entries.map((entry) => {
        const url = new URL(`http://${entry.trim().toLowerCase()}`);
        return url.port === '' ? url.hostname : `${url.hostname}:${url.port}`;
      }),
    );
  }

  /** True when the URL's host:port is listed. */
  allows(url: URL): boolean {
    const port = url.port === '' ? defaultPort(url.protocol) : url.port;
    const withPort = `${url.hostname}:${port}`;
    if (this.entries.has(withPort)) return true;
    return port === defaultPort(url.protocol) && this.entries.has(url.hostname);
  }

  get size(): number {
    return this.entries.size;
  }
}
