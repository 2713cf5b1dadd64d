// Everything `npm start` does after install: client, database, migrations, seed, build, serve.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ownerDatabaseUrl, parseEnv } from "@/lib/env";
import { privateDir, startEmbeddedDb } from "./lib/embedded-db";
import { projectRoot } from "./db/engine";
import { prepareDatabase } from "./lib/prepare-database";
import { buildIfNeeded } from "./lib/build";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/index";

const dev = process.argv.includes("--dev");
const env = parseEnv();
const dataDir = path.resolve(projectRoot, env.VARNA_DATA_DIR);

function step(message: string) {
  console.log(`Värna: ${message}`);
}

/** A secret for signing sessions, made once and kept in the data folder (never in git). */
function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    privateDir(dataDir);
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Whether this database holds the demo accounts (seeded now or on an earlier laptop start). */
let demoAccounts = false;

function printLogins(url: string) {
  console.log(`\nVärna är igång: ${url}\n`);
  const print = demoAccounts && (env.VARNA_PRINT_DEMO_LOGINS ?? env.VARNA_ENV === "development");
  if (!print) return;
  console.log(`Demokonton (lösenord för alla: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(15)} ${u.email}`);
  console.log("");
}

async function hasDemoAccounts(url: string): Promise<boolean> {
  const { createPrismaClient } = await import("@/lib/server/db");
  const client = createPrismaClient(url, { max: 1 });
  try {
    return (await client.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })) > 0;
  } finally {
    await client.$disconnect();
  }
}

/**
 * Whether the app's connection is the second wall's login role: not a superuser, no
 * BYPASSRLS, owning no table (docs/decisions/023-runtime-role.md). A server set up with one
 * account for everything still runs, with a warning.
 */
async function warnUnlessRuntimeRole(url: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ user: string; walled: boolean }>(
      `SELECT current_user AS user, NOT (r.rolsuper OR r.rolbypassrls)
              AND NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS walled
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    if (!rows[0]?.walled) {
      console.warn(
        `Värna: VARNING – appen ansluter som ${rows[0]?.user ?? "?"}, som äger tabellerna eller går förbi radsäkerheten. ` +
          "Skapa inloggningsrollen varna_runtime och sätt DATABASE_URL till den och DATABASE_OWNER_URL till ägaren (README, \"Drift på en PostgreSQL-server\").",
      );
    }
  } finally {
    await client.end();
  }
}

async function main() {
  let embedded: Awaited<ReturnType<typeof startEmbeddedDb>> | undefined;
  let databaseUrl = env.DATABASE_URL;
  let ownerUrl = ownerDatabaseUrl(env);
  if (!databaseUrl) {
    step(`startar den inbyggda databasen i ${path.relative(projectRoot, dataDir) || "."}/ …`);
    embedded = await startEmbeddedDb(dataDir);
    databaseUrl = embedded.url;
    ownerUrl = embedded.ownerUrl;
    step(`inbyggd PostgreSQL lyssnar på en privat socket i ${path.relative(projectRoot, embedded.socketDir)}/ (inte på nätverket)`);
  }

  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child?.kill("SIGTERM");
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    await prepareDatabase(ownerUrl!, env, process.env.NODE_ENV, step);
    demoAccounts = !env.DATABASE_URL && (await hasDemoAccounts(ownerUrl!));
    if (embedded) {
      // From here on the socket serves only the runtime role: the app never has the owner.
      await embedded.lockToRuntime();
      step("appen ansluter som varna_runtime (äger inget, radsäkerheten gäller alltid).");
      // The embedded engine has no autovacuum: its host does that work (decision 026).
      embedded.startMaintenance((result) => {
        if (result instanceof Error) console.error(`Värna: underhållet av den inbyggda databasen misslyckades: ${result.message}`);
        else if (result.vacuumed.length + result.analyzed.length > 0) {
          step(`underhåll av den inbyggda databasen: VACUUM ${result.vacuumed.length}, ANALYZE ${result.analyzed.length} tabell(er) på ${result.ms} ms.`);
        }
      });
    } else {
      await warnUnlessRuntimeRole(databaseUrl);
    }

    const baseUrl = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
    const appEnv: Record<string, string | undefined> = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // The embedded database runs one query at a time: a large pool would only queue inside
      // it, past every timeout. Four requests work at once, the rest wait for admission.
      ...(embedded && !process.env.DB_POOL_MAX ? { DB_POOL_MAX: "4" } : {}),
      PORT: String(env.PORT),
    };
    if (!dev) buildIfNeeded(appEnv, step);

    step(dev ? "startar utvecklingsservern …" : "startar servern …");
    // scripts/server.mjs: Next's handler behind the socket address and the admission queue.
    child = spawn(process.execPath, [path.join(projectRoot, "scripts/server.mjs"), ...(dev ? ["--dev"] : [])], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...appEnv },
    });
    let announced = false;
    child.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
        announced = true;
        printLogins(baseUrl);
      }
    });
    child.on("exit", (code) => void stop(code ?? 0));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
