// The embedded PostgreSQL: PGlite (PostgreSQL in WebAssembly) served over the wire protocol,
// so the app, psql and the migration engine talk to it exactly as to a server.
//
// PGlite has no authentication and runs as a superuser, so the data folder's copy is served
// only on a Unix socket inside the data folder, in a directory of mode 0700: only the account
// that runs Värna can connect (never anyone on the network, nor other local users).
//
// Owner and runtime (docs/decisions/023-runtime-role.md): the socket serves the owner while
// `npm start` migrates and seeds, then `lockToRuntime()` makes every connection the login role
// varna_runtime for good — the app never gets the superuser. PGlite's one session always
// authenticates as its bootstrap superuser, so the session queue (pglite-session-queue.ts) is
// the gate: SET SESSION AUTHORIZATION varna_runtime, and every way back refused — in the
// queue (the SQL forms) and by privileges (`hardenRuntimeRole`: set_config, DO, temporary
// functions).
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { installSessionQueue, RUNTIME_ROLE, type SessionUsers } from "./pglite-session-queue";
import { maintainTables, maintenanceIntervalMs, type MaintenanceResult } from "./embedded-maintenance";

/** `url` is the app's (varna_runtime once locked), `ownerUrl` the owner's (migrations, seed). */
export type EmbeddedDb = { url: string; ownerUrl: string; stop: () => Promise<void> };

/**
 * The runtime role and what it must not reach, in an embedded database (as its superuser, once
 * migrated: the grants name varna_app and varna_system). On a server the operator does the
 * first part (README) and the rest is not needed: there the authenticated user is the runtime
 * role itself.
 */
export const RUNTIME_ROLE_SQL = `
  DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
      CREATE ROLE ${RUNTIME_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT NOCREATEDB NOCREATEROLE NOREPLICATION;
    END IF;
  END $$;
  GRANT varna_app TO ${RUNTIME_ROLE};
  GRANT varna_system TO ${RUNTIME_ROLE};`;

export async function hardenRuntimeRole(db: PGlite): Promise<void> {
  await db.exec(`${RUNTIME_ROLE_SQL}
    -- Ways a session whose authenticated user is a superuser could be handed back to it:
    REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC;
    REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
    REVOKE TEMPORARY ON DATABASE postgres FROM PUBLIC;
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;`);
}

const MAX_CONNECTIONS = 16;
/** The socket's file name follows PostgreSQL's convention, so `psql -h <dir>` finds it. */
const SOCKET_FILE = ".s.PGSQL.5432";
/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100;

/** A connection string for the socket in `socketDir` (pg reads the directory from `host`). */
export function socketUrl(socketDir: string, user = RUNTIME_ROLE): string {
  return `postgresql://${user}@localhost/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`;
}

function tcpUrl(port: number, user: string) {
  return `postgresql://${user}:${user}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** Creates `dir` (and parents) and makes it private to this account: mode 0700. */
export function privateDir(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The URL of an embedded database another process (e.g. a running `npm start`) is already
 * serving from `dataDir` — the runtime role's: once Värna runs, nobody gets the owner through
 * the socket. Two processes must never open the same PGlite folder.
 */
export function runningEmbeddedDb(dataDir: string): string | null {
  const file = path.join(dataDir, "embedded-db.json");
  if (!existsSync(file)) return null;
  try {
    const { pid, socketDir } = JSON.parse(readFileSync(file, "utf8")) as { pid: number; socketDir?: string };
    return isAlive(pid) && pid !== process.pid && socketDir ? socketUrl(socketDir) : null;
  } catch {
    return null;
  }
}

/** Opens (or creates) the database in `dataDir`/pglite and serves it on a private Unix socket. */
export async function startEmbeddedDb(
  dataDir: string,
): Promise<EmbeddedDb & {
  socketDir: string;
  lockToRuntime: () => Promise<void>;
  /** One maintenance round now (what autovacuum would do), between the connections' transactions. */
  maintain: () => Promise<MaintenanceResult>;
  /** Maintenance every EMBEDDED_MAINTENANCE_MINUTES from now on; `report` hears each round. */
  startMaintenance: (report: (result: MaintenanceResult | Error) => void) => void;
}> {
  privateDir(dataDir);
  const socketDir = path.join(dataDir, "socket");
  privateDir(socketDir);
  const socketPath = path.join(socketDir, SOCKET_FILE);
  if (socketPath.length > MAX_SOCKET_PATH) {
    throw new Error(`Sökvägen till databasens socket är för lång (${socketPath.length} tecken): välj en kortare VARNA_DATA_DIR.`);
  }
  // A socket file left by a process that died would make listen() fail with EADDRINUSE.
  if (runningEmbeddedDb(dataDir) === null) rmSync(socketPath, { force: true });
  const db = await PGlite.create(path.join(dataDir, "pglite"));
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: MAX_CONNECTIONS });
  const queue = installSessionQueue(server, db, "owner-only");
  await server.start();
  chmodSync(socketPath, 0o600);
  const marker = path.join(dataDir, "embedded-db.json");
  writeFileSync(marker, JSON.stringify({ pid: process.pid, socketDir }), { mode: 0o600 });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const maintain = () => queue.runAsOwner(maintainTables);
  return {
    url: socketUrl(socketDir),
    ownerUrl: socketUrl(socketDir, "postgres"),
    socketDir,
    lockToRuntime: async () => {
      await hardenRuntimeRole(db);
      await queue.runtimeOnly();
    },
    maintain,
    startMaintenance: (report) => {
      if (timer) return;
      let running = false;
      timer = setInterval(() => {
        if (running || stopped) return;
        running = true;
        maintain().then(report, (error: unknown) => report(error instanceof Error ? error : new Error(String(error)))).finally(() => {
          running = false;
        });
      }, maintenanceIntervalMs());
      timer.unref();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      await server.stop();
      await db.close();
      rmSync(marker, { force: true });
      rmSync(socketPath, { force: true });
    },
  };
}

/**
 * An in-memory embedded database, for tests: throwaway data on a random loopback port, so
 * test helpers can pass its URL around like a server's. `by-user` (a migrated dump with the
 * runtime role): connections naming `postgres` (`ownerUrl`) are the owner, the others
 * (`url`) varna_runtime; `owner-only`: every connection is the owner.
 */
export async function startMemoryDb(
  loadDataDir?: Blob | File,
  users: SessionUsers = loadDataDir ? "by-user" : "owner-only",
): Promise<EmbeddedDb & { db: PGlite; port: number }> {
  const db = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  const server = new PGLiteSocketServer({ db, port: 0, maxConnections: MAX_CONNECTIONS });
  installSessionQueue(server, db, users);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    db,
    url: tcpUrl(port, users === "owner-only" ? "postgres" : RUNTIME_ROLE),
    ownerUrl: tcpUrl(port, "postgres"),
    port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
