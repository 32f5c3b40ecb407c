import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, Length } from 'class-validator';
import { IsIsoInstant } from '../centres/dto/field-rules';
import { IsIntegerParam, MAX_OFFSET, MAX_REVISION } from '../http/integer-param';

const STANDINGS = ['registered', 'enrolled', 'enrolment_lapsed', 'application_submitted', 'under_audit', 'audit_passed', 'audit_failed', 'accredited', 'excellence', 'suspended', 'withdrawn', 'relinquished', 'expired'] as const;

export class PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @IsIntegerParam(1, 500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional() @IsIntegerParam(0, MAX_OFFSET)
  offset?: number;
}

export class ListCentresParams extends PageParams {
  @ApiPropertyOptional({ example: 'FR' }) @IsOptional() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional({ example: 'Strasbourg' }) @IsOptional() @IsString() @Length(1, 120) city?: string;
  @ApiPropertyOptional({ enum: STANDINGS }) @IsOptional() @IsIn(STANDINGS) status?: (typeof STANDINGS)[number];
  @ApiPropertyOptional({ enum: ['enrolled', 'accredited', 'excellence'] }) @IsOptional() @IsIn(['enrolled', 'accredited', 'excellence']) seal?: 'enrolled' | 'accredited' | 'excellence';
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
  @ApiPropertyOptional({ enum: ['name', 'validUntil', 'registeredAt'] }) @IsOptional() @IsIn(['name', 'validUntil', 'registeredAt']) sort?: 'name' | 'validUntil' | 'registeredAt';
}

export class HistoryParams {
  @ApiPropertyOptional({ description: 'Revision after which to continue (from nextAfter)', minimum: -1, maximum: MAX_REVISION })
  @IsOptional() @IsIntegerParam(-1, MAX_REVISION)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @IsIntegerParam(1, 1000)
  limit?: number;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class AuditorListParams extends PageParams {
  @ApiPropertyOptional({ example: 'DE' }) @IsOptional() @IsISO31661Alpha2() country?: string;
}

export class StatisticsParams {
  @ApiPropertyOptional({ enum: ['month', 'quarter', 'year', 'all'] }) @IsOptional() @IsIn(['month', 'quarter', 'year', 'all']) period?: 'month' | 'quarter' | 'year' | 'all';
  @ApiPropertyOptional({ example: '2024-01-01T00:00:00Z' }) @IsOptional() @IsIsoInstant() from?: string;
  @ApiPropertyOptional({ example: '2025-01-01T00:00:00Z' }) @IsOptional() @IsIsoInstant() to?: string;
  @ApiPropertyOptional({ example: 'FR' }) @IsOptional() @IsISO31661Alpha2() country?: string;
}

export class ExpiringParams extends PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 3650, default: 180 })
  @IsOptional() @IsIntegerParam(1, 3650)
  days?: number;

  @ApiPropertyOptional({ example: 'FR' }) @IsOptional() @IsISO31661Alpha2() country?: string;
}

export class RegistryParams extends PageParams {
  @ApiPropertyOptional({ example: 'FR' }) @IsOptional() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120) city?: string;
  @ApiPropertyOptional({ enum: ['enrolled_centre', 'accredited_centre', 'centre_of_excellence'] })
  @IsOptional() @IsIn(['enrolled_centre', 'accredited_centre', 'centre_of_excellence'])
  seal?: 'enrolled_centre' | 'accredited_centre' | 'centre_of_excellence';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) q?: string;
}

export class AuditTrailParams {
  @ApiPropertyOptional({ description: 'State as it was in the world on this date (occurredAt)', example: '2022-01-01T00:00:00Z' })
  @IsOptional() @IsIsoInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'State as the engine knew it on this date (recordedAt)' })
  @IsOptional() @IsIsoInstant()
  knownAt?: string;

  @ApiPropertyOptional({ description: 'State after this stream revision', minimum: 0, maximum: MAX_REVISION })
  @IsOptional() @IsIntegerParam(0, MAX_REVISION)
  revision?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'html', 'bundle'], default: 'json', description: 'bundle: a signed evidence bundle (always the whole stream), checkable offline with npm run verify-dossier' })
  @IsOptional() @IsIn(['json', 'csv', 'html', 'bundle'])
  format?: 'json' | 'csv' | 'html' | 'bundle';
}
