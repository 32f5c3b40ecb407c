import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore, isDatabaseUnavailable } from '@accreditation/event-store';
import { Public } from '../auth/roles';
import { ENGINE_DEPS, type EngineDeps } from '../bootstrap/engine-deps';

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ENGINE_DEPS) private readonly deps: EngineDeps,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live() {
    return { status: 'live' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Ready to serve: 503, naming each problem, while the database is unavailable, a projection is stuck on an error or a check fails (e.g. the integrity of the stored trail)',
    description: 'Read-model lag is reported, not required. `problems` names what is wrong, one line each.',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [store, database, readModels] = await Promise.all([
      this.store.health().catch((error: Error) => ({ ok: false, store: 'unknown', detail: error.message })),
      this.databaseHealth(),
      this.deps.readModelReadiness ? this.deps.readModelReadiness().catch(() => undefined) : undefined,
    ]);
    const problems: string[] = [];
    // With PostgreSQL, the store is the same database: either probe failing (they race while a
    // restarted server starts accepting connections) is the one database problem, said once.
    const sameDatabase = store.store === 'postgresql';
    let databaseDown = !database.ok || (sameDatabase && !store.ok);
    if (databaseDown) problems.push(`database unavailable: ${(database.ok ? store.detail : database.detail) ?? 'no answer'}`);
    if (!store.ok && !sameDatabase) problems.push(`event store (${store.store}) unavailable: ${store.detail ?? 'no answer'}`);
    // Workers waiting for the database are covered by the line above; a worker stuck on its own error is named.
    for (const w of readModels?.failing ?? []) {
      if (!w.databaseUnavailable) problems.push(`${w.kind} ${w.name} is failing: ${w.error} (since ${w.since}, ${w.attempts} attempts; retrying with back-off)`);
    }
    // Further checks (e.g. the integrity of the stored trail), each named in the answer.
    const checks: Record<string, { ok: boolean; detail?: string }> = {};
    for (const [name, check] of Object.entries(this.deps.readinessChecks ?? {})) {
      let unreachable = false;
      checks[name] = await check().catch((error: Error) => {
        unreachable = isDatabaseUnavailable(error);
        return { ok: false, detail: error.message };
      });
      if (checks[name].ok) continue;
      // A check that could not reach the database is the database problem, said once: the probes
      // above may have got through just before a restarting server stopped answering, or after.
      if (unreachable) {
        if (!databaseDown) problems.push(`database unavailable: ${checks[name].detail ?? 'no answer'}`);
        databaseDown = true;
      } else {
        problems.push(`${name} failed${checks[name].detail ? `: ${checks[name].detail}` : ''}`);
      }
    }
    const ok = problems.length === 0;
    if (!ok) {
      void reply.status(503);
      void reply.header('Retry-After', '2');
    }
    return { status: ok ? 'ready' : 'unavailable', ...(ok ? {} : { problems }), store, database, readModels, ...checks };
  }

  /** The PostgreSQL database of the read models (and of the events, with the PostgreSQL store). */
  private async databaseHealth(): Promise<{ ok: boolean; detail?: string }> {
    try {
      await this.deps.readModels.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: (error as Error).message };
    }
  }
}
