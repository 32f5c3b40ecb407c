import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuditTrailDossier, AuditTrailReplay, type TrailPoint, dossierToCsv, dossierToHtml } from '@accreditation/application';
import { Roles } from '../auth/roles';
import { IdParam } from '../http/id-param.pipe';
import { AuditTrailParams } from '../queries/query-params.dto';
import { ReplayAuditTrailQuery } from '../queries/read-model.queries';

/** Compliance replay, read from the event store itself and verified link by link. */
@ApiTags('compliance: audit trail')
@ApiBearerAuth()
@Controller('centres/:id/audit-trail')
export class AuditTrailController {
  constructor(
    private readonly queries: QueryBus,
    private readonly replay: AuditTrailReplay,
  ) {}

  @Get()
  @Roles('compliance', 'office')
  @ApiProduces('application/json', 'text/csv', 'text/html', 'application/vnd.accreditation.evidence+json')
  @ApiOperation({ summary: "A centre's full audit trail with the state recomputed at a point (asOf | knownAt | revision), its integrity verified; as JSON, CSV or a printable HTML dossier" })
  async trail(@Param('id', IdParam) id: string, @Query() params: AuditTrailParams, @Res({ passthrough: true }) reply: FastifyReply) {
    if (params.format === 'bundle') {
      const bundle = await this.replay.evidenceBundle('centre', id);
      void reply.header('Content-Disposition', `attachment; filename="evidence-${id}.json"`);
      return bundle;
    }
    const dossier: AuditTrailDossier = await this.queries.execute(new ReplayAuditTrailQuery(id, pointOf(params)));
    switch (params.format ?? 'json') {
      case 'csv':
        void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="audit-trail-${id}.csv"`);
        return dossierToCsv(dossier);
      case 'html':
        void reply.header('Content-Type', 'text/html; charset=utf-8');
        return dossierToHtml(dossier);
      default:
        return dossier;
    }
  }

  @Get('verification')
  @Roles('compliance', 'office')
  @ApiOperation({ summary: 'Verify the integrity chain of the whole stream, each event\'s seal and the head signed in the latest digest; names the first broken link and the kind of break' })
  async verify(@Param('id', IdParam) id: string) {
    const dossier: AuditTrailDossier = await this.queries.execute(new ReplayAuditTrailQuery(id, { kind: 'latest' }));
    return { centreId: id, streamId: dossier.streamId, events: dossier.streamLength, ...dossier.integrity, verifiedAt: dossier.generatedAt };
  }
}

function pointOf(params: AuditTrailParams): TrailPoint {
  const given = [params.asOf, params.knownAt, params.revision].filter((v) => v !== undefined).length;
  if (given > 1) {
    throw new BadRequestException({ message: 'Choose one point', errors: [{ field: 'query', message: 'give at most one of asOf, knownAt and revision' }] });
  }
  if (params.asOf) return { kind: 'asOf', at: new Date(params.asOf).toISOString() };
  if (params.knownAt) return { kind: 'knownAt', at: new Date(params.knownAt).toISOString() };
  if (params.revision !== undefined) return { kind: 'revision', revision: params.revision };
  return { kind: 'latest' };
}
