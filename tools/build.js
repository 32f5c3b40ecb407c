#!/usr/bin/env node
/**
 * `npm run build`: compiles apps/ and libs/ to dist/ with SWC (no type check: `npm run typecheck`
 * does that), rewriting the @accreditation/* aliases to relative paths, so production runs plain
 * JavaScript: faster start, no compiler in memory. Then the web console (tools/build-console.js),
 * only when its sources changed.
 */
const { readdirSync, mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { join, relative, dirname } = require('node:path');
const { transformFileSync } = require('@swc/core');
const { buildConsole } = require('./build-console');

const root = join(__dirname, '..');
// `--out <dir>` (a folder next to dist/, so relative paths to the project's files stay the same):
// tests that spawn the engine build their own copy, and never pull dist/ from under another one.
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? join(root, process.argv[outArg + 1]) : join(root, 'dist');
if (dirname(out) !== root) throw new Error('--out must name a folder at the project root, e.g. dist-e2e');
const skip = /\.(spec|int-spec|e2e-spec)\.ts$|\.d\.ts$/;

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // apps/console is the browser app: Vite builds it, not this.
      if (entry.name !== 'node_modules' && entry.name !== 'testing' && path !== join(root, 'apps', 'console')) yield* sources(path);
    } else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) yield path;
  }
}

const started = Date.now();
rmSync(out, { recursive: true, force: true });
let count = 0;
for (const top of ['apps', 'libs']) {
  for (const file of sources(join(root, top))) {
    const { code, map } = transformFileSync(file, {
      sourceMaps: true,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        baseUrl: root,
        paths: {
          '@accreditation/event-store/*': ['libs/event-store/src/*'],
          '@accreditation/*': ['libs/*/src'],
        },
      },
      module: { type: 'commonjs' },
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
    count++;
  }
}
process.stderr.write(`built ${count} files into ${relative(root, out)}/ in ${Date.now() - started} ms\n`);
buildConsole()
  .then(({ built, ms }) => process.stderr.write(built ? `built the console into apps/console/dist in ${ms} ms\n` : `console up to date (${ms} ms)\n`))
  .catch((error) => {
    process.stderr.write(`console build failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
