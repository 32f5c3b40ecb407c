/**
 * Jest loads modules through its own CommonJS loader, which cannot load ESM-only packages: jose 6
 * (the API's TokenVerifier, these helpers) and content-disposition 2 (under @fastify/static, which
 * serves Swagger UI). Node itself can (require(esm), Node >= 20.19), so Jest is handed the real
 * modules as Node loads them: nothing is faked.
 * Imported first by this folder's index, before anything that imports jose.
 */
const nodeRequire = (process as unknown as { getBuiltinModule(id: string): typeof import('node:module') })
  .getBuiltinModule('node:module')
  .createRequire(__filename);

if (typeof jest !== 'undefined') {
  jest.mock('jose', () => nodeRequire('jose'));
  jest.mock('content-disposition', () => nodeRequire('content-disposition'));
}
