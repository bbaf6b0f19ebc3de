import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How one path answers: a status, headers and body, or a handler of its own. */
export type Route =
  | { status?: number; headers?: Record<string, string>; body?: string | Buffer }
  | ((request: IncomingMessage, response: ServerResponse) => void);

/** One request the server received. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

/**
 * A small HTTP server on 127.0.0.1 for the fetch tests: routes by path, every
 * request recorded, routes replaceable between requests (a feed that changes).
 * Unknown paths answer 404.
 */
export class LocalServer {
  readonly received: ReceivedRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private active = 0;
  /** Most requests in progress at once. */
  maxConcurrent = 0;

  private constructor(private readonly server: Server) {}

  static async start(routes: Record<string, Route> = {}): Promise<LocalServer> {
    const server = createServer();
    const local = new LocalServer(server);
    for (const [path, route] of Object.entries(routes)) local.route(path, route);
    server.on('request', (request, response) => local.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return local;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `127.0.0.1:PORT`, what FETCH_ALLOW_HOSTS lists. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(path: string): string {
    return `http://${this.host}${path}`;
  }

  route(path: string, route: Route): void {
    this.routes.set(path, route);
  }

  /** Requests for `path` (query included), in order. */
  requestsFor(path: string): ReceivedRequest[] {
    return this.received.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.received.push({ path, headers: request.headers });
    this.active += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.active);
    response.on('close', () => {
      this.active -= 1;
    });
    const route = this.routes.get(path) ?? this.routes.get(path.split('?')[0]);
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      route(request, response);
      return;
    }
    response.writeHead(route.status ?? 200, route.headers ?? {}).end(route.body ?? '');
  }
}

/** A route that answers `body` with `contentType`, 200. */
export function serve(contentType: string, body: string | Buffer, headers: Record<string, string> = {}): Route {
  return { headers: { 'content-type': contentType, ...headers }, body };
}

/** A route that redirects to `location`. */
export function redirect(location: string, status = 302): Route {
  return { status, headers: { location } };
}
