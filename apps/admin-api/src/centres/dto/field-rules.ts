import { applyDecorators } from '@nestjs/common';
import { Transform, plainToInstance } from 'class-transformer';
import { type ValidationArguments, registerDecorator, validateSync } from 'class-validator';
import { parseStrictInstant, strictInstantOrUndefined } from '@accreditation/domain';

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

/**
 * An ISO 8601 date ("2024-07-01") or instant with its zone, read by the domain's one strict parser
 * (impossible dates such as 2024-02-30 are refused, never rolled over) and normalised to
 * "2024-07-01T00:00:00.000Z". Used for body fields and query parameters alike.
 */
export function IsIsoInstant() {
  return applyDecorators(
    Transform(({ value }) => strictInstantOrUndefined(value) ?? value),
    ((target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isStrictInstant',
        target: target.constructor,
        propertyName: String(propertyName),
        validator: {
          validate: (value: unknown) => parseStrictInstant(value).ok,
          defaultMessage: (args?: ValidationArguments) => {
            const parsed = parseStrictInstant(args?.value);
            return `${String(propertyName)} ${parsed.ok ? 'is valid' : parsed.reason}`;
          },
        },
      })) as PropertyDecorator,
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
