import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from './id-pattern';

/** Path ids are checked like body ids, so a bad one is a 400, not a lookup of a stream that cannot exist. */
@Injectable()
export class IdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) {
      throw new BadRequestException({ message: 'Invalid id in the path', errors: [{ field: 'path', message: `"${value.slice(0, 100)}" is not a valid id` }] });
    }
    return value;
  }
}
