/**
 * Jest loads modules through its own CommonJS loader, which cannot load ESM-only packages: jose 6
 * (the API's TokenVerifier, these helpers). Node itself can (require(esm), Node >= 20.19), so Jest
 * is handed the real module as Node loads it: nothing is faked. (content-disposition, under
 * @fastify/static, is pinned to its CommonJS 2.x by an override in package.json.)
 * Imported first by this folder's index, before anything that imports jose.
 */
const nodeRequire = (process as unknown as { getBuiltinModule(id: string): typeof import('node:module') })
  .getBuiltinModule('node:module')
  .createRequire(__filename);

if (typeof jest !== 'undefined') {
  jest.mock('jose', () => nodeRequire('jose'));
}
