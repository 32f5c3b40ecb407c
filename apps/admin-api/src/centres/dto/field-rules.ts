import { applyDecorators } from '@nestjs/common';
import { Transform, plainToInstance } from 'class-transformer';
import { type ValidationArguments, Matches, registerDecorator, validateSync } from 'class-validator';

/**
 * Field rules shared by several command DTOs. They check format only: whether a criterion exists
 * in the scheme, or whether 30 cases were sent, are business rules the domain answers with a 422.
 */

/** Criterion ids of the scheme, e.g. "1a", "8e" (standard number + sub-criterion letter). */
export const CRITERION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/;
export const CRITERION_ID_MESSAGE = '$property must be a criterion id such as "1a" (1-20 letters, digits, dots or dashes)';

/** Pseudonymous references (case files, documents): never patient-identifying data. */
export const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
export const REFERENCE_MESSAGE = 'each value in $property must be a reference of 1-100 letters, digits or . _ : / -';

const ISO_INPUT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const ISO_NORMALISED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An ISO 8601 date ("2024-07-01") or instant with its zone, normalised to "2024-07-01T00:00:00.000Z". */
export function IsIsoInstant() {
  return applyDecorators(
    Transform(({ value }) => {
      if (typeof value !== 'string' || !ISO_INPUT.test(value)) return value;
      const time = Date.parse(value);
      if (Number.isNaN(time)) return value;
      const normalised = new Date(time).toISOString();
      // Date.parse rolls 2024-02-31 over to March: a date that does not round-trip is invalid.
      return value.length === 10 && normalised.slice(0, 10) !== value ? value : normalised;
    }),
    Matches(ISO_NORMALISED, { message: '$property must be an ISO 8601 date or instant with its zone, e.g. 2024-07-01 or 2024-07-01T09:00:00Z' }),
  );
}

/**
 * A record keyed by criterion id whose every value is a valid instance of `valueClass`
 * (unknown fields rejected, as for the body itself). The 400 names the offending key.
 */
export function IsRecordOf(valueClass: new () => object, options: { minKeys: number; maxKeys: number; keyPattern: RegExp }) {
  const problems = (value: unknown, property: string): string[] => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${property} must be an object keyed by criterion id`];
    const entries = Object.entries(value);
    if (entries.length < options.minKeys || entries.length > options.maxKeys) {
      return [`${property} must have between ${options.minKeys} and ${options.maxKeys} entries`];
    }
    const found: string[] = [];
    for (const [key, item] of entries) {
      if (!options.keyPattern.test(key)) {
        found.push(`${property} key "${key.slice(0, 40)}" is not a criterion id`);
        continue;
      }
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        found.push(`${property}.${key} must be an object`);
        continue;
      }
      const errors = validateSync(plainToInstance(valueClass, item), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
      for (const error of errors) {
        for (const message of Object.values(error.constraints ?? {})) found.push(`${property}.${key}.${message}`);
      }
    }
    return found;
  };
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isRecordOf',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => problems(value, propertyName).length === 0,
        defaultMessage: (args?: ValidationArguments) => {
          const found = problems(args?.value, propertyName);
          const shown = found.slice(0, 5);
          return found.length > 5 ? `${shown.join('; ')}; and ${found.length - 5} more` : shown.join('; ');
        },
      },
    });
}
