import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { parseStrictInstant } from '@accreditation/domain';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { Actor } from '@accreditation/domain';
import type { AuthenticatedActor } from '../auth/token-verifier';

/** What a write request says about itself, beyond its body. */
export interface CommandMeta {
  /** Who acted: the token's subject, or on an import the person named in X-On-Behalf-Of. */
  actor: Actor;
  /** On an import: the clerk whose token (with the `import` scope) keyed it in. */
  recordedBy?: AuthenticatedActor;
  correlationId: string;
  idempotencyKey?: string;
  /** From If-Match: the revision the client last saw. */
  expectedRevision?: number;
  /** From X-Occurred-At: a historical import (the auth guard checked the import scope). */
  occurredAt?: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function readCommandMeta(request: AuthenticatedRequest): CommandMeta {
  const errors: string[] = [];
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const key = header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) errors.push('Idempotency-Key must be 1-200 visible ASCII characters');
  const ifMatch = header('if-match');
  let expectedRevision: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(ifMatch.trim());
    if (!match || Number(match[1]) < -1) errors.push('If-Match must be an ETag from an earlier response, e.g. "3"');
    else expectedRevision = Number(match[1]);
  }
  let occurredAt = header('x-occurred-at');
  if (occurredAt !== undefined) {
    // The domain's one strict parser: 2024-02-30 is refused, never rolled over to 1 March.
    const parsed = occurredAt.includes('T') ? parseStrictInstant(occurredAt) : undefined;
    if (!parsed?.ok) errors.push(`X-Occurred-At must be an ISO 8601 instant with its zone, e.g. 2020-04-15T09:00:00Z${parsed ? ` (${parsed.reason})` : ''}`);
    else occurredAt = parsed.iso;
  }
  if (errors.length) throw new BadRequestException({ message: 'Invalid request headers', errors: errors.map((message) => ({ field: 'headers', message })) });
  if (!request.actor) throw new Error('CommandMeta used on a route without authentication');
  const importing = request.importing;
  if (importing) return { actor: importing.onBehalfOf, recordedBy: importing.recordedBy, correlationId: String(request.id), idempotencyKey: key, expectedRevision, occurredAt };
  return { actor: request.actor, correlationId: String(request.id), idempotencyKey: key, expectedRevision, occurredAt };
}

export const Meta = createParamDecorator((_: unknown, context: ExecutionContext) =>
  readCommandMeta(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
