import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrailReplay } from '@accreditation/application';
import { auditorStreamId } from '@accreditation/domain';
import { Roles } from '../auth/roles';
import { IdParam } from '../http/id-param.pipe';

/** Auditor streams are evidence too (conflicts, consultations): verified like centre streams. */
@ApiTags('compliance: audit trail')
@ApiBearerAuth()
@Controller('auditors/:id')
export class AuditorVerificationController {
  constructor(private readonly replay: AuditTrailReplay) {}

  @Get('verification')
  @Roles('compliance', 'office')
  @ApiOperation({ summary: "Verify an auditor stream's integrity chain and signed head; names the first broken link and the kind of break" })
  async verify(@Param('id', IdParam) id: string) {
    return { auditorId: id, ...(await this.replay.verifyStream(auditorStreamId(id))) };
  }

  @Get('evidence')
  @Roles('compliance', 'office')
  @ApiOperation({ summary: "A signed evidence bundle of the auditor's stream, checkable offline with npm run verify-dossier" })
  evidence(@Param('id', IdParam) id: string) {
    return this.replay.evidenceBundle('auditor', id);
  }
}
