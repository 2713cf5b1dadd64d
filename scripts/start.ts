// Everything `npm start` does after install: client, database, migrations, seed, build, serve.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { privateDir, startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db";
import { projectRoot } from "./db/engine";
import { prepareDatabase } from "./lib/prepare-database";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/index";

const dev = process.argv.includes("--dev");
const env = parseEnv();
const dataDir = path.resolve(projectRoot, env.VARNA_DATA_DIR);
const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");

function step(message: string) {
  console.log(`Värna: ${message}`);
}

function run(args: string[], extraEnv: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) throw new Error(`${path.basename(args[0]!)} ${args[1] ?? ""} misslyckades`);
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

const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    const full = path.join(projectRoot, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(p, name));
    } else {
      hash.update(p).update(readFileSync(full));
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

function buildIfNeeded(buildEnv: Record<string, string | undefined>) {
  const stamp = path.join(projectRoot, ".next/varna-build-hash");
  const hash = sourceHash();
  if (existsSync(path.join(projectRoot, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    step("bygget är aktuellt.");
    return;
  }
  step("bygger appen (next build) …");
  run([nextBin, "build"], buildEnv);
  writeFileSync(stamp, hash);
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

async function main() {
  let embedded: (EmbeddedDb & { socketDir: string }) | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    step(`startar den inbyggda databasen i ${path.relative(projectRoot, dataDir) || "."}/ …`);
    embedded = await startEmbeddedDb(dataDir);
    databaseUrl = embedded.url;
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
    await prepareDatabase(databaseUrl, env, process.env.NODE_ENV, step);
    demoAccounts = !env.DATABASE_URL && (await hasDemoAccounts(databaseUrl));

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
    if (!dev) buildIfNeeded(appEnv);

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
