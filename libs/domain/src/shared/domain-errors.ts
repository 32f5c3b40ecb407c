import type { RuleName } from '../rules/rule-catalogue';

/** A business rule of DOMAIN.md said no. The API maps it to 422 (or 409 for "already exists"). */
export class DomainRuleBroken extends Error {
  override readonly name = 'DomainRuleBroken';
  constructor(
    /** Stable name from RULES, e.g. 'AssessorCannotDecide'. */
    readonly rule: RuleName,
    /** A sentence a person understands. */
    message: string,
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A command addressed a stream that has no events yet (anything but Register*). The API maps it to 404. */
export class AggregateNotFound extends Error {
  override readonly name = 'AggregateNotFound';
  constructor(readonly streamId: string, message = `${streamId} does not exist`) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isDomainRuleBroken(error: unknown, rule?: RuleName): error is DomainRuleBroken {
  return error instanceof DomainRuleBroken && (rule === undefined || error.rule === rule);
}
