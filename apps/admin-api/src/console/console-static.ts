import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** The project folder: the nearest ancestor with a package.json (same from src/ under swc-node and from dist/). */
function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const CONSOLE_DIST = join(projectRoot(), 'apps', 'console', 'dist');

/**
 * Serves the built web console at /console, outside the API's guards: the page needs no token to
 * load, only to call the API. Hashed assets are cached for good; every other path under /console
 * answers index.html, so deep links (/console/centres/{id}) work on reload and as bookmarks.
 */
export async function serveConsole(app: NestFastifyApplication, dist = CONSOLE_DIST): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const built = existsSync(join(dist, 'index.html'));
  if (built) {
    await fastify.register(fastifyStatic, {
      root: dist,
      prefix: '/console/',
      wildcard: false,
      index: false,
      decorateReply: true,
      setHeaders: (res, path) => {
        res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const page = async (_request: unknown, reply: FastifyReply) => {
    if (!built) return reply.code(503).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build` (npm start does it).');
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  };
  fastify.get('/console', page);
  fastify.get('/console/*', page);
}
