import '../libs/testing/src/http/native-esm-packages';
import { TEST_JWT_SECRET, signTestToken } from '../libs/testing/src/http/test-tokens';
import { type SpawnedEngine, spawnEngine } from './support/spawned-engine';

/**
 * The log of `npm start` as an operator's pipeline reads it: one JSON format for every line (Nest,
 * Fastify, the projector and main alike), requests by route pattern and correlation id without
 * query values, and a flood past the rate limit as 429s with a counter in the log, never a stack.
 */
describe('npm start logs (e2e, a real process)', () => {
  let engine: SpawnedEngine;

  beforeAll(async () => {
    engine = await spawnEngine('npm_start_logs', { LOG_LEVEL: 'info', RATE_LIMIT_MAX: '40', RATE_LIMIT_WINDOW_MS: '3600000' });
  });
  afterAll(() => engine?.stop());

  it('writes one JSON shape, routes not URLs, a counter not stacks for the rate limit', async () => {
    const token = await signTestToken(TEST_JWT_SECRET, 'office', 'office-logs');
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${engine.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
    await get('/centres?q=secret-search-term&city=Somewhere-Private');
    await get('/centres/person-id-in-path-1234/history?after=3');
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const response = await get('/centres/flooded/audit-trail/verification', { 'x-correlation-id': `flood-${i}` });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(15);
    expect(statuses).not.toContain(500);
    expect(await engine.stop()).toBe(0);

    const lines = engine.output().split('\n').filter((line) => line.trim() !== '');
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { unparsable: line };
      }
    });
    expect(parsed.filter((l) => 'unparsable' in l)).toEqual([]);
    for (const line of parsed) {
      expect({ level: typeof line.level, time: typeof line.time, message: typeof line.message }).toEqual({ level: 'string', time: 'string', message: 'string' });
    }
    const text = engine.output();
    expect(text).not.toContain('secret-search-term');
    expect(text).not.toContain('Somewhere-Private');
    expect(text).not.toContain('person-id-in-path-1234');
    expect(text).toContain('"route":"/centres/:id/history"');
    expect(text).toContain('"correlationId":"flood-0"');
    expect(text).not.toMatch(/Rate limit exceeded|\n\s+at /);
    const counters = parsed.filter((l) => l.context === 'RateLimit');
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.length).toBeLessThanOrEqual(3);
    expect(parsed.map((l) => l.message)).toEqual(expect.arrayContaining(['starting', 'ready', 'stopped']));
  });
});
