/**
 * The conformance suite against a real KurrentDB / EventStoreDB server, wherever one can be had:
 * 1. EVENTSTORE_CONNECTION_STRING (e.g. `kurrentdb://localhost:2113?tls=false` with docker-compose.yml);
 * 2. else a throw-away KurrentDB 26.0 LTS container, when a Docker engine answers;
 * 3. else every case is registered as skipped, the reason in its name: reported, never passed.
 * The same cases always run against the in-process double (eventstoredb-double.conformance.spec.ts);
 * these are the ones that prove them on a real server.
 */
import { spawnSync } from 'node:child_process';
import { runEventStoreConformance } from '../conformance/event-store.conformance';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { type OpenStore, serverSemanticsCases, withQuery } from './eventstoredb-server-semantics.cases';

const IMAGE = 'docker.kurrent.io/kurrent-lts/kurrentdb:26.0';
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

/**
 * Asks the Docker engine for /_ping, in a child process so the answer is known while Jest is
 * still collecting tests (describe blocks cannot await). Bounded to ~2 s when nothing listens.
 */
function dockerEngineAnswers(): boolean {
  const probe = `
    const http = require('node:http');
    const host = process.env.DOCKER_HOST || '';
    const target = host.startsWith('tcp://')
      ? (() => { const u = new URL(host.replace('tcp://', 'http://')); return { host: u.hostname, port: u.port || 2375 }; })()
      : { socketPath: host.startsWith('unix://') ? host.slice(7) : '/var/run/docker.sock' };
    const req = http.get({ ...target, path: '/_ping', timeout: 1500 }, (res) => process.exit(res.statusCode === 200 ? 0 : 1));
    req.on('timeout', () => process.exit(1));
    req.on('error', () => process.exit(1));
  `;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 3000, stdio: 'ignore' }).status === 0;
}

interface Server {
  connectionString: string;
  stop(): Promise<void>;
}

/** A throw-away KurrentDB node, started once for every case of this file. */
async function startContainer(): Promise<Server> {
  // Loaded only here: the suite must not pay for testcontainers when it does not use it.
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(IMAGE)
    .withEnvironment({
      KURRENTDB_CLUSTER_SIZE: '1',
      KURRENTDB_INSECURE: 'true',
      KURRENTDB_MEM_DB: 'true',
      KURRENTDB_RUN_PROJECTIONS: 'None',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .withStartupTimeout(120_000)
    .start();
  return {
    connectionString: `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => void (await container.stop()),
  };
}

let server: Promise<Server> | undefined;
const theServer = () => (server ??= connectionString ? Promise.resolve({ connectionString, stop: async () => undefined }) : startContainer());
const opened: EventStoreDbEventStore[] = [];
const open: OpenStore = async (query, options) => {
  const store = await EventStoreDbEventStore.connect(withQuery((await theServer()).connectionString, query), options);
  opened.push(store);
  return store;
};

function runAgainstRealServer(name: string): void {
  runEventStoreConformance(name, async () => {
    const store = await EventStoreDbEventStore.connect((await theServer()).connectionString);
    return { store, cleanup: () => store.close() };
  });
  serverSemanticsCases(name, open);
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await (await server)?.stop();
  });
}

const NAME = 'eventstoredb real server';
if (connectionString || dockerEngineAnswers()) {
  runAgainstRealServer(NAME);
} else {
  const reason = 'skipped: no EVENTSTORE_CONNECTION_STRING and no Docker engine (proven against the in-process double only)';
  // Skipped because no EventStoreDB can be reached here (no connection string, no Docker engine):
  // every case is still registered, under a name carrying this reason, so the run reports each
  // one as skipped (never as passed). Nothing is connected in a skipped block.
  describe.skip(`[${NAME} — ${reason}]`, () => runAgainstRealServer(NAME));
}
