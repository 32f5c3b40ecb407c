import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const DECIMAL_INTEGER = /^-?\d{1,16}$/;

/**
 * An integer query parameter in plain decimal digits within [min, max]. `Number()` alone would take
 * `1e20`, `0x10` or `9223372036854775807` (rounded) and hand PostgreSQL a value it refuses with a
 * 500; anything that is not a short decimal integer stays a string here and fails @IsInt with a 400.
 */
export function IsIntegerParam(min: number, max: number) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value)),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** Offsets beyond this are no real page of any list here; a cap keeps them away from the database. */
export const MAX_OFFSET = 1_000_000;

/** Stream revisions are PostgreSQL `integer`s. */
export const MAX_REVISION = 2_147_483_647;
