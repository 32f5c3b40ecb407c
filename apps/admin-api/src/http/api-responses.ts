import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiProperty, ApiPropertyOptional, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'proceduresPerYear' }) field!: string;
  @ApiProperty({ example: 'proceduresPerYear must not be less than 0' }) message!: string;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty({ example: 'A centre needs at least 150 procedures a year to enrol' }) message!: string;
  @ApiPropertyOptional({ example: 'MinimumProcedureVolume', description: 'The business rule broken (422 only)' }) rule?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'The offending fields (400 only)' }) errors?: FieldErrorDto[];
  @ApiProperty({ example: '7d0c3f4e-2b1a-4c55-9a1e-1f2d3c4b5a69' }) correlationId!: string;
}

export class AppendedEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CentreEnrolled' }) type!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class CommandOutcomeDto {
  @ApiProperty({ example: 'centre-hus-strasbourg' }) streamId!: string;
  @ApiProperty({ example: 1, description: 'Stream revision after the command; also sent as the ETag' }) revision!: number;
  @ApiProperty({ format: 'uuid' }) commandId!: string;
  @ApiProperty({ description: 'True when the same Idempotency-Key had already been applied: nothing new was appended' }) replayed!: boolean;
  @ApiProperty({ type: [AppendedEventDto] }) events!: AppendedEventDto[];
}

/** The documented contract of every command endpoint. */
export function CommandEndpoint(summary: string, status: 200 | 201 = 201) {
  return applyDecorators(
    ApiBearerAuth(),
    ApiHeader({ name: 'If-Match', required: false, description: 'ETag (stream revision) last seen; a stale one gives 412' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key, same request: appended once, same response' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Echoed back and recorded in every event' }),
    ApiHeader({ name: 'X-Occurred-At', required: false, description: 'Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired' }),
    ApiHeader({ name: 'X-On-Behalf-Of', required: false, description: 'Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint\'s roles and every rule); the clerk is recorded as metadata.recordedBy' }),
    status === 201 ? ApiCreatedResponse({ type: CommandOutcomeDto, description: summary }) : ApiOkResponse({ type: CommandOutcomeDto, description: summary }),
    ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Invalid fields or headers' }),
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No or invalid bearer token' }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired)' }),
    ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown centre or auditor' }),
    ApiConflictResponse({ type: ErrorBodyDto, description: 'Concurrent writers kept winning; retry' }),
    ApiPreconditionFailedResponse({ type: ErrorBodyDto, description: 'If-Match is stale' }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'A business rule is broken; `rule` names it' }),
  );
}
