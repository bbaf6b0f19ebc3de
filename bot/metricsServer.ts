import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotMetrics } from './botMetrics';

/** What /healthz reports on, read at each request. */
export interface HealthSource {
  /** True once the index is open and searchable. */
  indexLoaded(): boolean;
  /** True while the gateway connection is ready. */
  gatewayConnected(): boolean;
}

/** The monitoring endpoint, listening. */
export interface MetricsServer {
  /** `http://host:port`, as bound. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` (JSON: index loaded, gateway connected, last sync;
 * 200 when both hold, 503 otherwise) and `GET /metrics` (Prometheus text
 * format) on `host:port` (METRICS_HOST, loopback by default; port 0 picks a
 * free one). Anything else is a 404; nothing but GET and HEAD is answered.
 */
export async function startMetricsServer(options: { port: number; host: string; metrics: BotMetrics; health: HealthSource }): Promise<MetricsServer> {
  const { metrics, health } = options;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const indexLoaded = health.indexLoaded();
      const gatewayConnected = health.gatewayConnected();
      const ok = indexLoaded && gatewayConnected;
      const body = { status: ok ? 'ok' : 'unavailable', indexLoaded, gatewayConnected, lastSync: metrics.lastSyncReport };
      response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    if (path === '/metrics') {
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error.message}`),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
