import { resolveDatabase, type ResolvedDatabase } from '@accreditation/event-store';

/**
 * DATABASE_URL, else the embedded server under DATA_DIR (as `npm start`). The embedded folder can
 * serve one process at a time: say what to do instead of a bare "in use" error.
 */
export async function openDatabase(): Promise<ResolvedDatabase> {
  try {
    return await resolveDatabase(process.env, (line) => { if (process.env.DEBUG_DB) process.stderr.write(`${line}\n`); });
  } catch (err) {
    if (/in use by a running PostgreSQL server/.test((err as Error).message)) {
      throw new Error(`${(err as Error).message}.\nThe embedded database belongs to a running \`npm start\`: set DATABASE_URL to its connection string, or stop it first.`);
    }
    throw err;
  }
}
