import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { findFreePort } from '../../libs/event-store/src/postgres/embedded-postgres';
import { type NodeChild, startNodeChild } from './child-process';

export const BENCH_JWT_SECRET = 'benchmark-secret-not-for-production-0123456789abcdef';

export interface ApiProcess {
  baseUrl: string;
  child: NodeChild;
  stop(): Promise<void>;
}

/**
 * The admin API exactly as `npm start` runs it (compiled to dist/ by tools/build.js), in its own process,
 * on the given database: no rate limit, warn-level logs, projector in a separate process as in
 * production (RUN_PROJECTOR=false), the default pool size.
 */
export async function startApiProcess(databaseUrl: string, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ApiProcess> {
  const port = await findFreePort();
  execFileSync(process.execPath, ['tools/build.js'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
  const child = startNodeChild('dist/apps/admin-api/src/main.js', [], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT_MAX: '0',
    LOG_LEVEL: 'warn',
    RUN_PROJECTOR: 'false',
    JWT_SECRET: BENCH_JWT_SECRET,
    NODE_ENV: 'production',
    ...extraEnv,
    // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under load.
  }, [...startScriptV8Flags(), ...nodeArgs, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)]);
  await child.waitFor(/"message":"ready"/, 120_000);
  return { baseUrl: `http://127.0.0.1:${port}`, child, stop: () => child.stop() };
}

/** The V8 heap flags `npm start` gives Node (package.json's start script), so the bench runs the API with the same. */
function startScriptV8Flags(): string[] {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((arg) => /^--max-(semi|old)-space-size=\d+$/.test(arg));
}

export function benchToken(role: string, sub: string, centre?: string): Promise<string> {
  return new SignJWT({ role, ...(centre ? { centre } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('6h')
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
}
