/**
 * A value as JSON text in the form PostgreSQL prints a `jsonb` value: object keys ordered by their
 * UTF-8 length and then their bytes, `": "` after a key and `", "` between members and items,
 * numbers in plain decimal notation (no exponent), strings escaped as JSON.stringify escapes them.
 * The value is taken as JSON.stringify takes it (toJSON, undefined members left out, undefined or
 * non-finite items as null), since that is what the store sends to the database.
 *
 * Chain v3 hashes this text: it is the canonical form that the database itself returns, so the
 * verification of a PostgreSQL store can hash the stored text as it arrives instead of parsing
 * it and rebuilding a canonical form (see integrity-chain.ts). Anyone can recompute it from the
 * parsed values, with no database (the offline dossier verifier does).
 */
export function jsonbText(value: unknown): string {
  return render(value) ?? 'null';
}

function render(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? plainDecimal(JSON.stringify(value)) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      break;
    default:
      // undefined, functions and symbols: left out of objects, null in arrays (as JSON.stringify does).
      return undefined;
  }
  if (value === null) return 'null';
  const json = value as { toJSON?: () => unknown };
  if (typeof json.toJSON === 'function') return render(json.toJSON());
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return render(value.valueOf());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ', ' : '') + (render(value[i]) ?? 'null');
    return `${out}]`;
  }
  return renderObject(value as Record<string, unknown>);
}

/** jsonbText of an object without some of its top-level keys (the metadata without its seal fields), without copying it. */
export function jsonbTextWithout(record: Record<string, unknown>, left: ReadonlySet<string>): string {
  return renderObject(record, left);
}

function renderObject(record: Record<string, unknown>, left?: ReadonlySet<string>): string {
  const names = Object.keys(record);
  const keys: KeyInfo[] = [];
  for (let i = 0; i < names.length; i++) if (!left?.has(names[i])) keys.push(keyInfo(names[i]));
  keys.sort(byJsonbKeyOrder);
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const member = render(record[keys[i].name]);
    if (member === undefined) continue;
    out += `${first ? '' : ', '}${keys[i].quoted}: ${member}`;
    first = false;
  }
  return `${out}}`;
}

/** jsonb's key order: shorter UTF-8 first, then byte order (which for ASCII is JavaScript's string order). */
function byJsonbKeyOrder(a: KeyInfo, b: KeyInfo): number {
  if (a.bytes !== b.bytes) return a.bytes - b.bytes;
  if (a.name === b.name) return 0;
  if (a.ascii && b.ascii) return a.name < b.name ? -1 : 1;
  return Buffer.compare(Buffer.from(a.name, 'utf8'), Buffer.from(b.name, 'utf8'));
}

interface KeyInfo {
  name: string;
  quoted: string;
  bytes: number;
  ascii: boolean;
}

/** Per key, remembered: a store has few distinct keys, each met on every event. */
const keyInfos = new Map<string, KeyInfo>();
function keyInfo(key: string): KeyInfo {
  let info = keyInfos.get(key);
  if (info === undefined) {
    const bytes = Buffer.byteLength(key, 'utf8');
    info = { name: key, quoted: JSON.stringify(key), bytes, ascii: bytes === key.length };
    if (keyInfos.size < 10_000) keyInfos.set(key, info);
  }
  return info;
}

/**
 * JavaScript's shortest number text in plain decimal, as PostgreSQL's numeric prints it:
 * "1e+21" → "1000000000000000000000", "1.5e-7" → "0.00000015".
 */
export function plainDecimal(text: string): string {
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}
