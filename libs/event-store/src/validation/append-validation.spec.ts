import { validateAppend } from './append-validation';
import { InvalidEventError } from '../event-store.errors';

const ID = '0b4c7b1e-6f0a-4f4e-9a55-3f1c1f1f1f1f';
const dataJson = (data: unknown): string => validateAppend('s-1', [{ id: ID, type: 'T', data }], 'any')[0].dataJson;

/** Plain data takes a walk and a plain JSON.stringify; anything else the replacer: both must agree with JSON. */
describe('validateAppend serialisation', () => {
  it('serialises plain data as JSON.stringify does, dropping undefined members', () => {
    const data = { a: 1, b: 'é✓', c: [true, null, { d: -0.5 }], e: undefined, f: {} };
    expect(dataJson(data)).toBe(JSON.stringify(data));
  });

  it('serialises trees deeper than the walk goes', () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 200; i++) deep = { next: deep };
    expect(dataJson(deep)).toBe(JSON.stringify(deep));
  });

  it('honours toJSON (dates, plain objects with a toJSON method)', () => {
    const data = { at: new Date('2025-01-02T03:04:05.000Z'), custom: { toJSON: () => 'x' } };
    expect(dataJson(data)).toBe('{"at":"2025-01-02T03:04:05.000Z","custom":"x"}');
  });

  it.each([
    ['a hole in an array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['a class instance', { s: new Set([1]) }],
    ['a negative infinity deep inside', { a: [{ b: Number.NEGATIVE_INFINITY }] }],
  ])('refuses %s', (_, data) => {
    expect(() => dataJson(data)).toThrow(InvalidEventError);
  });
});
