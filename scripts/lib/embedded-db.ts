// The embedded PostgreSQL: PGlite (PostgreSQL in WebAssembly) served over the wire protocol,
// so the app, psql and the migration engine talk to it exactly as to a server.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; port: number; stop: () => Promise<void> };

const MAX_CONNECTIONS = 16;

function urlFor(port: number) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
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
    const { pid, port } = JSON.parse(readFileSync(file, "utf8")) as { pid: number; port: number };
    return isAlive(pid) && pid !== process.pid ? urlFor(port) : null;
  } catch {
    return null;
  }
}

/** Opens (or creates) the database in `dataDir`/pglite and serves it on 127.0.0.1. */
export async function startEmbeddedDb(dataDir: string, preferredPort: number): Promise<EmbeddedDb> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(path.join(dataDir, "pglite"));
  let server = new PGLiteSocketServer({ db, port: preferredPort, maxConnections: MAX_CONNECTIONS });
  try {
    await server.start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || preferredPort === 0) throw error;
    server = new PGLiteSocketServer({ db, port: 0, maxConnections: MAX_CONNECTIONS });
    await server.start();
  }
  const port = Number(server.getServerConn().split(":").pop());
  const marker = path.join(dataDir, "embedded-db.json");
  writeFileSync(marker, JSON.stringify({ pid: process.pid, port }));
  let stopped = false;
  return {
    url: urlFor(port),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(marker, { force: true });
    },
  };
}

/** An in-memory embedded database, for tests. */
export async function startMemoryDb(loadDataDir?: Blob | File): Promise<EmbeddedDb & { db: PGlite }> {
  const db = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  const server = new PGLiteSocketServer({ db, port: 0, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    db,
    url: urlFor(port),
    port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
