import { Client } from 'pg';

/** Group role of migration 003: read and append the events, own the read models; never rewrite events. */
export const WRITER_ROLE = 'accreditation_writer';
/** The login role the engine uses on its embedded database. */
export const EMBEDDED_APP_USER = 'accreditation_api';
/** Tables that stay the owner's: the API role may only read (and append to) them. */
const OWNER_TABLES = ['events', 'schema_migrations'];

async function asOwner<T>(ownerUrl: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Creates (or re-passwords) a login role, as the owner. */
export async function ensureLoginRole(ownerUrl: string, user: string, password: string): Promise<void> {
  await asOwner(ownerUrl, async (db) => {
    const exists = (await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user])).rowCount;
    const quotedPassword = (await db.query<{ p: string }>('SELECT quote_literal($1) AS p', [password])).rows[0].p;
    const ident = (await db.query<{ i: string }>('SELECT quote_ident($1) AS i', [user])).rows[0].i;
    await db.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${ident} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quotedPassword}`);
  });
}

/**
 * As the owner, after migrations: makes `appUser` a member of the writer role and hands it the
 * read-model tables (a rebuild drops and renames them, which only their owner may do). Returns
 * what could not be done (e.g. an owner without the rights), for the caller to log.
 */
export async function grantAppRole(ownerUrl: string, appUser: string): Promise<string[]> {
  return asOwner(ownerUrl, async (db) => {
    const problems: string[] = [];
    const ident = (await db.query<{ i: string }>('SELECT quote_ident($1) AS i', [appUser])).rows[0].i;
    const owner = (await db.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;
    if (owner === appUser) return [`${appUser} is also the owner of the database: UPDATE and DELETE on events are refused by the trigger only`];
    try {
      await db.query(`GRANT ${WRITER_ROLE} TO ${ident}`);
    } catch (error) {
      problems.push(`GRANT ${WRITER_ROLE} TO ${appUser}: ${(error as Error).message}`);
    }
    const tables = await db.query<{ tablename: string; tableowner: string }>(
      `SELECT tablename, tableowner FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) AND tableowner <> $2`,
      [OWNER_TABLES, appUser],
    );
    for (const { tablename } of tables.rows) {
      try {
        await db.query(`ALTER TABLE ${(await db.query<{ i: string }>('SELECT quote_ident($1) AS i', [tablename])).rows[0].i} OWNER TO ${ident}`);
      } catch (error) {
        problems.push(`ALTER TABLE ${tablename} OWNER TO ${appUser}: ${(error as Error).message}`);
      }
    }
    return problems;
  });
}

/** The user name in a connection string. */
export function userOf(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).username);
}

/** The same server and database, as another user. */
export function asUser(connectionString: string, user: string, password: string): string {
  const url = new URL(connectionString);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}
