import { rm } from 'node:fs/promises';
import { EMBEDDED_TEST_SERVER, type EmbeddedTestServer } from './embedded-test-server';

/** Stops the server globalSetup started (once, though both projects call this) and deletes its folder. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as typeof globalThis & { [EMBEDDED_TEST_SERVER]?: EmbeddedTestServer };
  const started = state[EMBEDDED_TEST_SERVER];
  if (!started) return;
  delete state[EMBEDDED_TEST_SERVER];
  await started.server.stop();
  await rm(started.root, { recursive: true, force: true });
  if (process.env.TEST_DATABASE_EMBEDDED) {
    delete process.env.DATABASE_URL;
    delete process.env.TEST_DATABASE_EMBEDDED;
  }
}
