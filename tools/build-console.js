#!/usr/bin/env node
/**
 * Builds the web console (apps/console) with Vite into apps/console/dist, only when its sources
 * changed: a hash of the sources, the Vite config and the installed versions of its packages is
 * kept beside the build, so a second `npm start` skips this in a few milliseconds.
 * `--force` rebuilds anyway.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const consoleDir = join(root, 'apps', 'console');
const dist = join(consoleDir, 'dist');
const stamp = join(dist, '.source-hash');
const PACKAGES = ['vite', '@vitejs/plugin-react', 'react', 'react-dom', 'react-router', '@tanstack/react-query', '@tanstack/react-table', 'react-hook-form', 'chart.js', 'react-chartjs-2', 'openapi-fetch'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('dist') && entry.name !== 'node_modules') yield* files(path);
    } else yield path;
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of files(consoleDir)) hash.update(relative(consoleDir, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const name of PACKAGES) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    hash.update(`${name}@${existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : 'missing'}\0`);
  }
  return hash.digest('hex');
}

async function buildConsole({ force = false } = {}) {
  const started = Date.now();
  const hash = sourceHash();
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(dist, 'index.html'))) {
    return { built: false, ms: Date.now() - started };
  }
  // Built beside, then swapped in: a server running meanwhile (or a second build, e.g. two test
  // files starting at once) never sees a half-written folder. Same sources give the same file names.
  const staging = `${dist}.building-${process.pid}`;
  const old = `${dist}.old-${process.pid}`;
  const { build } = await import('vite');
  try {
    await build({ configFile: join(consoleDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    writeFileSync(join(staging, '.source-hash'), hash);
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(staging, dist);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return { built: true, ms: Date.now() - started };
}

module.exports = { buildConsole, sourceHash };

if (require.main === module) {
  buildConsole({ force: process.argv.includes('--force') })
    .then(({ built, ms }) => process.stderr.write(built ? `built the console into apps/console/dist in ${ms} ms\n` : `console up to date (${ms} ms)\n`))
    .catch((error) => {
      process.stderr.write(`console build failed: ${error.stack ?? error.message}\n`);
      process.exit(1);
    });
}
