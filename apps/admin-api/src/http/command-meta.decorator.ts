import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { AuthenticatedActor } from '../auth/token-verifier';

/** What a write request says about itself, beyond its body. */
export interface CommandMeta {
  actor: AuthenticatedActor;
  correlationId: string;
  idempotencyKey?: string;
  /** From If-Match: the revision the client last saw. */
  expectedRevision?: number;
  /** From X-Occurred-At: a historical import (office role only, checked by the domain). */
  occurredAt?: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

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
    const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(ifMatch.trim());
    if (!match || Number(match[1]) < -1) errors.push('If-Match must be an ETag from an earlier response, e.g. "3"');
    else expectedRevision = Number(match[1]);
  }
  let occurredAt = header('x-occurred-at');
  if (occurredAt !== undefined) {
    if (!ISO_INSTANT.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) errors.push('X-Occurred-At must be an ISO 8601 instant, e.g. 2020-04-15T09:00:00Z');
    else occurredAt = new Date(occurredAt).toISOString();
  }
  if (errors.length) throw new BadRequestException({ message: 'Invalid request headers', errors: errors.map((message) => ({ field: 'headers', message })) });
  if (!request.actor) throw new Error('CommandMeta used on a route without authentication');
  return { actor: request.actor, correlationId: String(request.id), idempotencyKey: key, expectedRevision, occurredAt };
}

export const Meta = createParamDecorator((_: unknown, context: ExecutionContext) =>
  readCommandMeta(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
