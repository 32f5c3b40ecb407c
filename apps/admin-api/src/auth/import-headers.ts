import { BadRequestException, ForbiddenException } from '@nestjs/common';
import type { Actor, Role } from '@accreditation/domain';
import { ID_PATTERN } from '../http/id-pattern';
import { HUMAN_ROLES } from './roles';
import type { AuthenticatedActor } from './token-verifier';

/** The token scope that grants historical import (OAuth `scope` claim, space-separated). */
export const IMPORT_SCOPE = 'import';

/** A historical import as the request states it: who really acted, and the clerk keying it in. */
export interface ImportRequest {
  onBehalfOf: Actor;
  recordedBy: AuthenticatedActor;
}

const ON_BEHALF_OF = /^([a-z]+):(.+)$/;

/**
 * X-Occurred-At makes a write an import: the token must carry the `import` scope (never derived
 * from the header), and X-On-Behalf-Of (`<role>:<id>`, e.g. `committee:carla-mendes`) names who
 * really acted; without it the clerk records something they did themself.
 * Returns undefined for a live request.
 */
export function readImportRequest(headers: Record<string, string | string[] | undefined>, actor: AuthenticatedActor): ImportRequest | undefined {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const occurredAt = first('x-occurred-at');
  const onBehalfOf = first('x-on-behalf-of');
  if (occurredAt === undefined) {
    if (onBehalfOf !== undefined) throw badHeader('X-On-Behalf-Of belongs to a historical import: send it with X-Occurred-At');
    return undefined;
  }
  if (!actor.scopes.includes(IMPORT_SCOPE)) {
    throw new ForbiddenException({ message: `X-Occurred-At records the past: that needs the "${IMPORT_SCOPE}" capability in the token's scope, which this token lacks`, rule: 'ImportCapabilityRequired' });
  }
  if (onBehalfOf === undefined) return { onBehalfOf: { id: actor.id, role: actor.role }, recordedBy: actor };
  const match = ON_BEHALF_OF.exec(onBehalfOf.trim());
  if (!match || !(HUMAN_ROLES as string[]).includes(match[1]) || !ID_PATTERN.test(match[2])) {
    throw badHeader(`X-On-Behalf-Of must be <role>:<id>, role one of ${HUMAN_ROLES.join(', ')}, id in canonical form (lower-case letters, digits, dashes), e.g. committee:carla-mendes`);
  }
  return { onBehalfOf: { id: match[2], role: match[1] as Role }, recordedBy: actor };
}

function badHeader(message: string): BadRequestException {
  return new BadRequestException({ message: 'Invalid request headers', errors: [{ field: 'headers', message }] });
}
