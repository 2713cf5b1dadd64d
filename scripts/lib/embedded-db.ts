// The embedded PostgreSQL: PGlite (PostgreSQL in WebAssembly) served over the wire protocol,
// so the app, psql and the migration engine talk to it exactly as to a server.
//
// PGlite has no authentication and runs as a superuser, so the data folder's copy is served
// only on a Unix socket inside the data folder, in a directory of mode 0700: only the account
// that runs Värna can connect (never anyone on the network, nor other local users).
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const MAX_CONNECTIONS = 16;
/** The socket's file name follows PostgreSQL's convention, so `psql -h <dir>` finds it. */
const SOCKET_FILE = ".s.PGSQL.5432";
/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100;

/** A connection string for the socket in `socketDir` (pg reads the directory from `host`). */
export function socketUrl(socketDir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`;
}

function tcpUrl(port: number) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
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
 * serving from `dataDir`. Two processes must never open the same PGlite folder.
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
export async function startEmbeddedDb(dataDir: string): Promise<EmbeddedDb & { socketDir: string }> {
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
  await server.start();
  chmodSync(socketPath, 0o600);
  const marker = path.join(dataDir, "embedded-db.json");
  writeFileSync(marker, JSON.stringify({ pid: process.pid, socketDir }), { mode: 0o600 });
  let stopped = false;
  return {
    url: socketUrl(socketDir),
    socketDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(marker, { force: true });
      rmSync(socketPath, { force: true });
    },
  };
}

/**
 * An in-memory embedded database, for tests: throwaway data on a random loopback port, so
 * test helpers can pass its URL around like a server's.
 */
export async function startMemoryDb(loadDataDir?: Blob | File): Promise<EmbeddedDb & { db: PGlite; port: number }> {
  const db = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  const server = new PGLiteSocketServer({ db, port: 0, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    db,
    url: tcpUrl(port),
    port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
