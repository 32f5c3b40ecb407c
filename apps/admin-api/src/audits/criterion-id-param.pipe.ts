import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { CRITERION_ID_PATTERN } from '../centres/dto/field-rules';

/** `:criterionId` in the path: a 400 for a malformed id; an id the scheme does not know is the domain's 422. */
@Injectable()
export class CriterionIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CRITERION_ID_PATTERN.test(value)) {
      throw new BadRequestException({ message: 'Invalid criterion id in the path', errors: [{ field: 'path', message: `"${value.slice(0, 40)}" is not a criterion id such as "1a"` }] });
    }
    return value;
  }
}
