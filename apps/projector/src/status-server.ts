import { createServer, type Server } from 'node:http';
import type { Projector } from './start-projector';

/** GET /ready (JSON, 503 until ready) and GET /metrics (Prometheus text) for the standalone projector. */
export function startStatusServer(projector: Projector, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const reply = async () => {
      if (url.startsWith('/metrics')) {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(await projector.metrics());
      } else if (url.startsWith('/ready') || url.startsWith('/health')) {
        const r = await projector.readiness();
        res.writeHead(r.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(r));
      } else {
        res.writeHead(404).end();
      }
    };
    reply().catch((err: Error) => res.writeHead(500).end(err.message));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
