import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '@accreditation/event-store';
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
  @ApiOperation({ summary: 'The event store answers and every check holds, e.g. the integrity of the stored trail (503 otherwise); read-model lag is reported, not required' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const store = await this.store.health().catch((error: Error) => ({ ok: false, store: 'unknown', detail: error.message }));
    const readModels = this.deps.readModelReadiness ? await this.deps.readModelReadiness().catch(() => undefined) : undefined;
    const checks: Record<string, { ok: boolean }> = {};
    for (const [name, check] of Object.entries(this.deps.readinessChecks ?? {})) {
      checks[name] = await check().catch((error: Error) => ({ ok: false, detail: error.message }));
    }
    const ok = store.ok && Object.values(checks).every((c) => c.ok);
    if (!ok) void reply.status(503);
    return { status: ok ? 'ready' : 'unavailable', store, readModels, ...checks };
  }
}
