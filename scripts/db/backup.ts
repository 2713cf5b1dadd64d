// npm run db:backup [-- <file>]     npm run db:restore -- <file> [--replace]
//
// On a PostgreSQL server (DATABASE_URL set) a backup is `pg_dump --format=custom` and a restore
// is `pg_restore` into an empty database. The embedded database (no DATABASE_URL) is backed up
// in PGlite's own format — its data folder as a gzipped tar (`dumpDataDir`) — and restored by
// loading it into a new data folder; the folder it replaces is kept beside it, never deleted.
// The embedded database can be backed up only while Värna is stopped: PGlite is one process's
// in-memory engine, and a second process must not open its folder.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { ownerDatabaseUrl, parseEnv } from "@/lib/env";
import { runningEmbeddedDb } from "../lib/embedded-db";
import { projectRoot } from "./engine";

const run = promisify(execFile);

export class UsageError extends Error {}

function stamp(now = new Date()) {
  return now.toISOString().replace(/[:]/g, "").replace(/\..+$/, "Z");
}

function refuseWhileRunning(dataDir: string) {
  if (runningEmbeddedDb(dataDir)) {
    throw new UsageError(
      "Den inbyggda databasen används av en Värna som körs (npm start). Stoppa Värna först och kör kommandot igen — " +
        "eller kör Värna mot en PostgreSQL-server (DATABASE_URL), som kan säkerhetskopieras medan den används.",
    );
  }
}

async function pgTool(tool: "pg_dump" | "pg_restore", args: string[]) {
  try {
    return await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") {
      throw new UsageError(`${tool} saknas. Installera PostgreSQL:s klientprogram (Debian: apt install postgresql-client) i samma version som servern eller nyare.`);
    }
    throw new UsageError(`${tool} misslyckades:\n${(e.stderr ?? String(error)).trim()}`);
  }
}

/** The roles the schema's grants and policies name, created when the target server lacks them. */
async function ensureRoles(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'varna_app') THEN
        CREATE ROLE varna_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'varna_system') THEN
        CREATE ROLE varna_system NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      END IF;
      EXECUTE format('GRANT varna_app TO %I', current_user);
      EXECUTE format('GRANT varna_system TO %I', current_user);
    END $$`);
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function dropPublicSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

export async function backup(outArg?: string): Promise<string> {
  const env = parseEnv();
  const dataDir = path.resolve(projectRoot, env.VARNA_DATA_DIR);
  const ownerUrl = ownerDatabaseUrl(env);
  if (ownerUrl) {
    const out = path.resolve(outArg ?? path.join(dataDir, "backups", `varna-${stamp()}.dump`));
    mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
    await pgTool("pg_dump", ["--format=custom", "--no-password", `--file=${out}`, ownerUrl]);
    return out;
  }
  refuseWhileRunning(dataDir);
  const folder = path.join(dataDir, "pglite");
  if (!existsSync(folder)) throw new UsageError(`Det finns ingen inbyggd databas i ${folder} att säkerhetskopiera.`);
  const out = path.resolve(outArg ?? path.join(dataDir, "backups", `varna-${stamp()}.tar.gz`));
  mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  const db = await PGlite.create(folder);
  try {
    const dump = await db.dumpDataDir("gzip");
    writeFileSync(out, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  } finally {
    await db.close();
  }
  return out;
}

export async function restore(file: string | undefined, { replace = false } = {}): Promise<string> {
  if (!file) throw new UsageError("Ange säkerhetskopian: npm run db:restore -- <fil> [--replace]");
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new UsageError(`Filen finns inte: ${source}`);
  const env = parseEnv();
  const dataDir = path.resolve(projectRoot, env.VARNA_DATA_DIR);
  const ownerUrl = ownerDatabaseUrl(env);
  if (ownerUrl) {
    const tables = await ensureRoles(ownerUrl);
    if (tables > 0) {
      if (!replace) {
        throw new UsageError(
          `Måldatabasen har redan ${tables} tabeller. Återställ till en tom databas, eller lägg till --replace för att först ta bort allt i den.`,
        );
      }
      await dropPublicSchema(ownerUrl);
    }
    // --no-owner: the objects belong to whoever restores (the migration owner), whatever
    // account made the dump. --exit-on-error: a failed restore stops, it does not half-load.
    await pgTool("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", "--no-password", `--dbname=${ownerUrl}`, source]);
    return ownerUrl.replace(/\/\/[^@]*@/, "//");
  }
  refuseWhileRunning(dataDir);
  const folder = path.join(dataDir, "pglite");
  if (existsSync(folder)) {
    if (!replace) {
      throw new UsageError(`Det finns redan en inbyggd databas i ${folder}. Lägg till --replace för att ersätta den (den gamla sparas bredvid).`);
    }
    renameSync(folder, `${folder}.fore-aterstallning-${stamp()}`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([readFileSync(source)]) });
  await db.query("SELECT 1");
  await db.close();
  return folder;
}
