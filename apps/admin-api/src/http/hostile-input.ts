import type { FastifyInstance } from 'fastify';

/**
 * One rule for every string that comes in, checked before anything else reads the request:
 * no NUL and no lone UTF-16 surrogate, in bodies, query strings and headers (PostgreSQL cannot
 * store the first in text, and neither survives a round trip through UTF-8). JSON bodies are also
 * capped in nesting depth by a linear scan before JSON.parse, so no recursive walk (the parser,
 * class-transformer, the validators) ever meets a body deep enough to exhaust the stack.
 */

/** Deep enough for every body of this API (their deepest is 4), far from any stack limit. */
export const MAX_JSON_DEPTH = 32;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Headers: control characters other than tab never belong in a value. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_HEADER_CHARACTER = /[\u0000-\u0008\u000a-\u001f\u007f]|[\uD800-\uDFFF]/;

export const hasBadCharacter = (text: string): boolean => BAD_CHARACTER.test(text);

/** Nesting depth of a JSON text, reading it once; brackets inside strings do not count. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The path of the first string (key or value) that breaks the rule, e.g. "answers.1a.comment". */
export function findBadString(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasBadCharacter(value) ? path || 'body' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadString(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (hasBadCharacter(key)) return at;
      const found = findBadString(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

const NAMED_BAD_CHARACTER = 'must not contain NUL characters or unpaired UTF-16 surrogates';

export class BadInput extends Error {
  readonly statusCode = 400;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadInput';
  }
}

export function registerInputGuards(fastify: FastifyInstance): void {
  const defaultJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(new BadInput('body', `body is nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    defaultJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      const field = findBadString(parsed);
      if (field) return done(new BadInput(field, `${field} ${NAMED_BAD_CHARACTER}`), undefined);
      done(null, parsed);
    });
  });

  // Refusals are thrown: the error filter answers them in the API's error shape.
  fastify.addHook('onRequest', async (request) => {
    for (const [name, value] of Object.entries(request.headers)) {
      const values = Array.isArray(value) ? value : [value ?? ''];
      if (values.some((v) => BAD_HEADER_CHARACTER.test(v))) {
        throw new BadInput(`headers.${name}`, `header ${name} must not contain control characters or unpaired surrogates`);
      }
    }
  });

  fastify.addHook('preValidation', async (request) => {
    const field = findBadString(request.query) ?? findBadString(request.params);
    if (field) throw new BadInput(field, `${field} ${NAMED_BAD_CHARACTER}`);
  });
}
