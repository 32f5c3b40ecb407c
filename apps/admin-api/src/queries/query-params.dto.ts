import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsISO8601, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const STANDINGS = ['registered', 'enrolled', 'enrolment_lapsed', 'application_submitted', 'under_audit', 'audit_passed', 'audit_failed', 'accredited', 'excellence', 'suspended', 'withdrawn', 'relinquished', 'expired'] as const;

export class PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
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
  @ApiPropertyOptional({ description: 'Revision after which to continue (from nextAfter)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(-1)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class AuditorListParams extends PageParams {
  @ApiPropertyOptional({ example: 'DE' }) @IsOptional() @IsISO31661Alpha2() country?: string;
}

export class StatisticsParams {
  @ApiPropertyOptional({ enum: ['month', 'quarter', 'year', 'all'] }) @IsOptional() @IsIn(['month', 'quarter', 'year', 'all']) period?: 'month' | 'quarter' | 'year' | 'all';
  @ApiPropertyOptional({ example: '2024-01-01T00:00:00Z' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2025-01-01T00:00:00Z' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ example: 'FR' }) @IsOptional() @IsISO31661Alpha2() country?: string;
}

export class ExpiringParams extends PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 3650, default: 180 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3650)
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
  @IsOptional() @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'State as the engine knew it on this date (recordedAt)' })
  @IsOptional() @IsISO8601({ strict: true })
  knownAt?: string;

  @ApiPropertyOptional({ description: 'State after this stream revision' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  revision?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv', 'html'])
  format?: 'json' | 'csv' | 'html';
}
