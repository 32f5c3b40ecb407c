import { Body, Controller, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { MintedIds } from '../commands/minted-ids';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { CriterionIdParam } from './criterion-id-param.pipe';
import { CompleteAuditDto } from './dto/complete-audit.dto';
import { JudgeCriterionDto } from './dto/judge-criterion.dto';
import { ProvideEvidenceDto } from './dto/provide-evidence.dto';
import { RaiseFindingDto } from './dto/raise-finding.dto';
import { RequestEvidenceDto } from './dto/request-evidence.dto';

/** The assessment itself: evidence, judgements, findings, and the auditors' recommendation. */
@ApiTags('audits: assessment')
@HistoricalImport()
@Controller('centres/:id/audits/:auditId')
export class AuditAssessmentController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly minted: MintedIds,
  ) {}

  @Post('evidence-requests')
  @Roles('auditor')
  @ApiOperation({ summary: 'Request more evidence; the decision clock pauses (RequestEvidence → EvidenceRequested); the server mints requestId' })
  @CommandEndpoint('Evidence requested')
  requestEvidence(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Body() dto: RequestEvidenceDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RequestEvidence', data: { centreId: id, auditId, requestId: this.minted.next(meta, id, 'evidence-request'), ...dto } });
  }

  @Post('evidence-requests/:requestId/evidence')
  @Roles('centre')
  @ApiOperation({ summary: 'Provide the requested evidence; the decision clock resumes (ProvideEvidence → EvidenceProvided)' })
  @CommandEndpoint('Evidence provided')
  provideEvidence(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Param('requestId', IdParam) requestId: string, @Body() dto: ProvideEvidenceDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'ProvideEvidence', data: { centreId: id, auditId, requestId, ...dto } });
  }

  @Put('criteria/:criterionId')
  @HttpCode(HttpStatus.OK)
  @Roles('auditor')
  @ApiOperation({ summary: 'Judge a criterion met or not met; a later judgement supersedes an earlier one (JudgeCriterion → CriterionJudged)' })
  @CommandEndpoint('Criterion judged', 200)
  judgeCriterion(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Param('criterionId', CriterionIdParam) criterionId: string, @Body() dto: JudgeCriterionDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'JudgeCriterion', data: { centreId: id, auditId, criterionId, ...dto } });
  }

  @Post('findings')
  @Roles('auditor')
  @ApiOperation({ summary: 'Raise a finding graded major, minor or observation (RaiseFinding → FindingRaised); the server mints findingId' })
  @CommandEndpoint('Finding raised')
  raiseFinding(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Body() dto: RaiseFindingDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RaiseFinding', data: { centreId: id, auditId, findingId: this.minted.next(meta, id, 'finding'), ...dto } });
  }

  @Post('completion')
  @Roles('auditor')
  @ApiOperation({ summary: 'Complete the audit with a recommendation (CompleteAudit → AuditPassed or AuditFailed)' })
  @CommandEndpoint('Audit completed')
  complete(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Body() dto: CompleteAuditDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'CompleteAudit', data: { centreId: id, auditId, ...dto } });
  }
}
