import type { FastifyReply } from 'fastify';
import type { EventStore } from '@accreditation/event-store';
import type { EngineDeps } from '../bootstrap/engine-deps';
import { HealthController } from './health.controller';

/** Readiness while a restarting database answers one probe and refuses the next (unit: fakes for the store and checks). */
describe('HealthController.ready', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:45141'), { code: 'ECONNREFUSED' });
  const store = { health: async () => ({ ok: true, store: 'postgresql' }) } as unknown as EventStore;
  const reply = () => {
    const sent = { status: 200, headers: {} as Record<string, string> };
    const r = { status: (code: number) => ((sent.status = code), r), header: (k: string, v: string) => ((sent.headers[k] = v), r) };
    return { sent, reply: r as unknown as FastifyReply };
  };
  const controller = (checks: EngineDeps['readinessChecks'], database: () => Promise<unknown> = async () => ({ rows: [] })) =>
    new HealthController(store, { readModels: { query: database }, readinessChecks: checks } as unknown as EngineDeps);

  it('given the database probe answered but a later check could not connect, then the one problem named is the database', async () => {
    const { sent, reply: r } = reply();
    const body = await controller({ deadLetters: () => Promise.reject(refused), integrity: async () => ({ ok: true }) }).ready(r);
    expect(sent.status).toBe(503);
    expect(body.problems).toEqual(['database unavailable: connect ECONNREFUSED 127.0.0.1:45141']);
  });

  it('given two checks that could not connect, then the database is named once', async () => {
    const body = await controller({ deadLetters: () => Promise.reject(refused), integrity: () => Promise.reject(refused) }).ready(reply().reply);
    expect(body.problems).toEqual(['database unavailable: connect ECONNREFUSED 127.0.0.1:45141']);
  });

  it('given a check that fails for its own reason, then it is named as itself', async () => {
    const body = await controller({ integrity: async () => ({ ok: false, detail: '1 broken stream' }) }).ready(reply().reply);
    expect(body.problems).toEqual(['integrity failed: 1 broken stream']);
  });

  it('given the database probe failed, then a check that could not connect adds nothing', async () => {
    const body = await controller({ deadLetters: () => Promise.reject(refused) }, () => Promise.reject(refused)).ready(reply().reply);
    expect(body.problems).toEqual(['database unavailable: connect ECONNREFUSED 127.0.0.1:45141']);
  });
});
