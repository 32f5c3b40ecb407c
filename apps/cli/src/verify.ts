/**
 * `npm run verify` — checks the whole store: every signed digest (signature, digest chain, root),
 * then every event of every stream (its seal, its link, its place) against the signed heads.
 * Exits 1 and prints the first broken link of each broken stream; 0 when everything holds.
 * `--workers=N`: verifier threads, each reading and checking its share of the streams (default:
 * one per core). Exit 2 on a usage error or when the verification could not run.
 * Database: DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (as `npm start`).
 */
import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import { verifyStore } from '@accreditation/application';
import { PostgresEventStore } from '@accreditation/event-store';
import { lagSourceFor } from '../../projector/src/lag-source';
import { openDatabase } from './cli-database';
import { ledgerFiles } from './ledger-files';

class UsageError extends Error {}

/** `--workers=N` (a positive integer), else one per core. */
function workersOption(argv: readonly string[]): number {
  const arg = argv.find((a) => a.startsWith('--workers='));
  const unknown = argv.filter((a) => !a.startsWith('--workers='));
  if (unknown.length) throw new UsageError(`unknown argument ${unknown[0]} (usage: npm run verify -- [--workers=N])`);
  if (!arg) return availableParallelism();
  const n = Number(arg.slice('--workers='.length));
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers must be a positive integer, got ${arg.slice('--workers='.length) || 'nothing'}`);
  return n;
}

async function main(): Promise<number> {
  const workers = workersOption(process.argv.slice(2));
  const db = await openDatabase();
  const store = await PostgresEventStore.connect({ connectionString: db.connectionString, poolSize: 3, statementTimeoutMs: 0, migrate: false });
  try {
    const { key, log, keyFile } = ledgerFiles();
    if (!key) process.stderr.write(`no ledger key at ${keyFile}: seals are not checked, digests not authenticated\n`);
    const digests = log.readAll();
    process.stderr.write(`verifying with ${workers} worker thread(s)\n`);
    const total = await lagSourceFor(store).countAfter(0n, undefined, Number.MAX_SAFE_INTEGER);
    const bar = new SingleBar({ format: 'verify [{bar}] {percentage}% | {value}/{total} events | {rate} ev/s | ETA {eta}s', stream: process.stderr, hideCursor: true, etaBuffer: 20, noTTYOutput: true, notTTYSchedule: 2000 }, undefined);
    const started = Date.now();
    bar.start(total, 0, { rate: 0 });
    const result = await verifyStore({
      store,
      sealKey: key?.sealKey,
      publicKeyPem: key?.publicKeyPem,
      digests,
      workers,
      onProgress: (done) => bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) }),
    });
    bar.update(result.events, { rate: result.eventsPerSecond });
    bar.stop();

    const out = process.stdout;
    out.write(`${result.events.toLocaleString('en-US')} events in ${result.streams.toLocaleString('en-US')} streams verified in ${(result.millis / 1000).toFixed(1)} s (${result.eventsPerSecond.toLocaleString('en-US')} events/s)\n`);
    out.write(result.digests.latest
      ? `${result.digests.count} signed digests checked; the latest, #${result.digests.latest.sequence} of ${result.digests.latest.issuedAt}, holds ${result.digests.latest.treeSize} stream heads\n`
      : 'no signed digest yet: truncations and recomputed chains cannot be detected before the first one\n');
    for (const problem of result.digests.problems) out.write(`DIGEST LOG: ${problem}\n`);
    for (const b of result.broken) out.write(`BROKEN ${b.streamId} at revision ${b.revision}${b.eventId ? ` (event ${b.eventId})` : ''}: ${b.reason} — ${b.detail}\n`);
    out.write(result.intact ? 'INTACT: every event and every digest verified\n' : `NOT INTACT: ${result.broken.length} broken stream(s), ${result.digests.problems.length} digest problem(s)\n`);
    return result.intact ? 0 : 1;
  } finally {
    await store.close();
    await db.stop();
  }
}

main().then((code) => { process.exitCode = code; }, (err: Error) => {
  process.stderr.write(err instanceof UsageError ? `verify: ${err.message}\n` : `verify failed: ${err.stack ?? err.message}\n`);
  process.exitCode = 2;
});
