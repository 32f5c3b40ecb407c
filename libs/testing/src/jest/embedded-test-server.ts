import type { EmbeddedPostgres } from '../../../event-store/src/postgres/embedded-postgres';

/** Key on globalThis (Jest's parent process) for the server started by globalSetup. */
export const EMBEDDED_TEST_SERVER = Symbol.for('accreditation.embeddedTestServer');

export interface EmbeddedTestServer {
  server: EmbeddedPostgres;
  /** Temp folder holding the data directory; removed on teardown. */
  root: string;
}
