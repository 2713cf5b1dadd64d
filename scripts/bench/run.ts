// npm run bench — the app at the scale of a large municipality, under load, beside its anchors.
//
//   1. a database of its own (embedded PGlite in .data/bench-load-<scale>/, kept and reused when
//      already seeded; or a fresh database on the server named by DATABASE_URL), migrated and
//      seeded in bulk (scripts/bench/seed.ts);
//   2. the production build (built if its sources changed), served by scripts/server.mjs with
//      the SQL counter on;
//   3. for every page of scripts/bench/pages.ts and its roles (each with a session of its own):
//      SQL statements per request, closed-loop (CONNECTIONS connections) and, for the first
//      role, open-loop at a fixed rate (autocannon's overallRate);
//   4. anchors on the same machine in the same run: a raw node:http server with the public
//      page's bytes, a Next static file, an empty dynamic Next page (/bench-floor), and each
//      page's bare SQL through `pg`;
//   5. prints the table and writes docs/benchmarks.md (latest run + a history row).
//
// Quick mode: BENCH_SCALE=0.1 (a tenth of the data) with shorter durations. Knobs:
// BENCH_CLOSED_SECONDS, BENCH_OPEN_SECONDS, BENCH_RATE, BENCH_CONNECTIONS, BENCH_PORT,
// BENCH_ONLY (a comma-separated list of paths). Never asserted by a test: timings vary.
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { applyMigrations, projectRoot } from "../db/engine";
import { buildIfNeeded } from "../lib/build";
import { adminQuery, assertLocalDatabase, uniqueName, withDatabase } from "../lib/scratch-database";
import { seed } from "@/prisma/seed/index";
import type { Role } from "@/lib/access/permissions";
import { isSeeded, seedLarge, volumes } from "./seed";
import { PAGES, type BenchPage, type Query } from "./pages";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const QUICK = SCALE < 1;
const CLOSED_SECONDS = Number(process.env.BENCH_CLOSED_SECONDS ?? (QUICK ? 3 : 10));
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? (QUICK ? 5 : 30));
const RATE = Number(process.env.BENCH_RATE ?? 40);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3370);
const RAW_PORT = PORT + 1;
const ONLY = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const SQL_SAMPLE = Number(process.env.BENCH_SQL_SAMPLE ?? 5);

const children: ChildProcess[] = [];
let cleanupDb: (() => Promise<void>) | undefined;

function step(message: string) {
  console.log(`\n▶ ${message}`);
}

type Result = {
  name: string;
  mode: "closed" | "open";
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  sqlPerRequest?: number;
};

function percentile(sorted: number[], q: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Drives `url` with autocannon; latencies are collected per response (autocannon has no p95). */
async function load(name: string, url: string, opts: { headers?: Record<string, string>; open?: boolean; seconds: number }): Promise<Result> {
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: opts.seconds,
    headers: opts.headers,
    timeout: 30,
    ...(opts.open ? { overallRate: RATE } : {}),
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    name,
    mode: opts.open ? "open" : "closed",
    rps: latencies.length / opts.seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
    requests: latencies.length,
  };
}

/** The bare SQL of a page, closed-loop through a pg pool of the app's size, CONNECTIONS at once. */
async function loadSql(name: string, pool: pg.Pool, queries: Query[], seconds: number): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      try {
        // On one connection, as the page's transaction is (the dashboard's anchor has BEGIN … COMMIT).
        const client = await pool.connect();
        try {
          for (const q of queries) await client.query(q.text, q.values as unknown[]);
        } finally {
          client.release();
        }
        latencies.push(performance.now() - start);
      } catch (error) {
        errors++;
        if (errors === 1) console.error(`  ${name}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  latencies.sort((a, b) => a - b);
  return { name, mode: "closed", rps: latencies.length / seconds, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), errors, requests: latencies.length };
}

async function waitFor(url: string, seconds = 180) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} answered not within ${seconds} s`);
}

function spawnChild(args: string[], env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (c: Buffer) => process.env.BENCH_VERBOSE && process.stdout.write(`[${label}] ${c}`));
  child.stderr?.on("data", (c: Buffer) => process.stderr.write(`[${label}] ${c}`));
  children.push(child);
  return child;
}

/** The embedded database in a process of its own (so it does not share the bench's event loop). */
async function embeddedDb(dir: string): Promise<string> {
  const child = spawnChild([path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), path.join(projectRoot, "scripts/bench/db-host.ts"), dir], {}, "db");
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const match = /^URL (.+)$/m.exec(out);
      if (match) resolve(match[1]!.trim());
    });
    child.on("exit", (code) => reject(new Error(`the embedded database stopped (${code})`)));
  });
}

async function main() {
  const started = performance.now();
  const v = volumes(SCALE);
  const server = process.env.DATABASE_URL;
  let url: string;
  let dbLabel: string;
  if (server) {
    assertLocalDatabase(server);
    const name = uniqueName("varna_bench");
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    url = withDatabase(server, name);
    cleanupDb = () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const version = await (async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query("SHOW server_version");
      await c.end();
      return rows[0].server_version as string;
    })();
    dbLabel = `PostgreSQL ${version} (server)`;
  } else {
    const dir = path.join(projectRoot, `.data/bench-load-${SCALE}`);
    step(`startar den inbyggda databasen i ${path.relative(projectRoot, dir)}/ …`);
    url = await embeddedDb(dir);
    dbLabel = "PGlite 0.5.14 (PostgreSQL 18, WebAssembly, embedded)";
  }

  step("migrerar …");
  await applyMigrations(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (await isSeeded(admin, v)) {
    step("databasen är redan seedad i den här skalan.");
  } else {
    step(`seedar en stor kommun (skala ${SCALE}) …`);
    await seed(url, { demo: true });
    await seedLarge(url, v);
  }

  const secret = randomBytes(32).toString("base64url");
  const poolMax = process.env.DB_POOL_MAX ?? (server ? "10" : "4");
  const appEnv = {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    PORT: String(PORT),
    DB_POOL_MAX: poolMax,
    VARNA_SQL_COUNTER: "1",
    REMINDER_SWEEP_INTERVAL_SECONDS: "0",
    VARNA_ENV: "production",
  };
  step("bygger vid behov …");
  buildIfNeeded(appEnv, (m) => console.log(`  ${m}`));
  step("startar appen …");
  spawnChild([path.join(projectRoot, "scripts/server.mjs")], appEnv, "app");
  const base = `http://localhost:${PORT}`;
  await waitFor(`${base}/api/health`);

  // Anchors: the public page's bytes, a static file named in it, the empty dynamic page.
  const publicRes = await fetch(`${base}/stod`);
  const publicBytes = Buffer.from(await publicRes.arrayBuffer());
  const staticPath = /(\/_next\/static\/[^"']+\.css)/.exec(publicBytes.toString())?.[1] ?? /(\/_next\/static\/[^"']+\.js)/.exec(publicBytes.toString())?.[1];
  const rawFile = path.join(projectRoot, ".data/bench-raw-page.html");
  mkdirSync(path.dirname(rawFile), { recursive: true });
  writeFileSync(rawFile, publicBytes);
  spawnChild([path.join(projectRoot, "scripts/bench/raw-server.mjs"), rawFile, String(RAW_PORT)], {}, "raw");
  await waitFor(`http://127.0.0.1:${RAW_PORT}/`);

  const sqlCount = async () => Number(await (await fetch(`${base}/__varna/sql-statements`)).text());
  const results: Result[] = [];
  const record = (r: Result) => {
    results.push(r);
    console.log(
      `  ${r.name.padEnd(44)} ${r.mode.padEnd(6)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${r.p50.toFixed(0).padStart(5)}  p95 ${r.p95.toFixed(0).padStart(5)}  p99 ${r.p99.toFixed(0).padStart(5)} ms  errors ${r.errors}` +
        (r.sqlPerRequest !== undefined ? `  SQL/req ${r.sqlPerRequest.toFixed(1)}` : ""),
    );
  };

  step(`ankare (${CONNECTIONS} anslutningar, ${CLOSED_SECONDS} s)`);
  record(await load("anchor: raw node:http (public page bytes)", `http://127.0.0.1:${RAW_PORT}/`, { seconds: CLOSED_SECONDS }));
  if (staticPath) record(await load("anchor: Next static file", `${base}${staticPath}`, { seconds: CLOSED_SECONDS }));
  const floor = await load("anchor: empty dynamic Next page", `${base}/bench-floor`, { seconds: CLOSED_SECONDS });
  record(floor);
  const floorOpen = await load("anchor: empty dynamic Next page", `${base}/bench-floor`, { seconds: OPEN_SECONDS, open: true });
  record(floorOpen);

  step("den publika sidan");
  for (const p of ["/stod", "/en/stod"]) {
    const before = await sqlCount();
    for (let i = 0; i < SQL_SAMPLE; i++) await (await fetch(`${base}${p}`)).arrayBuffer();
    const sql = ((await sqlCount()) - before) / SQL_SAMPLE;
    record({ ...(await load(p, `${base}${p}`, { seconds: CLOSED_SECONDS })), sqlPerRequest: sql });
    if (p === "/stod") record({ ...(await load(p, `${base}${p}`, { seconds: OPEN_SECONDS, open: true })), sqlPerRequest: sql });
  }

  // Signed-in users: a bench user of each role (in the first bench division where it has one).
  // The embedded server multiplexes every connection onto one PGlite session, and interleaved
  // extended-protocol messages of two connections break ("unnamed prepared statement does not
  // exist"): the anchor uses one connection there (PGlite runs one query at a time anyway).
  const sqlPool = new pg.Pool({ connectionString: url, max: server ? Number(poolMax) : 1 });
  const userOf = async (role: Role) => {
    const { rows } = await admin.query(
      `SELECT u.id, u.name, u.email, u."sessionVersion", array(SELECT "divisionId"::text FROM "DivisionMembership" m WHERE m."userId" = u.id) AS divisions
       FROM "User" u WHERE u.role = $1 AND u.active AND u.email LIKE '%@bench.example' ORDER BY u.email LIMIT 1`,
      [role],
    );
    if (!rows[0]) throw new Error(`no bench user with role ${role}`);
    return rows[0] as { id: string; name: string; email: string; sessionVersion: number; divisions: string[] };
  };
  const signIn = async (role: Role) => {
    const user = await userOf(role);
    const now = new Date();
    const utc = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
    const { rows } = await admin.query(
      `INSERT INTO "UserSession" (id, "userId", method, "createdAt", "lastSeenAt", "expiresAt") VALUES (gen_random_uuid(), $1, 'credentials', $2, $2, $3) RETURNING id`,
      [user.id, utc(now), utc(new Date(now.getTime() + 8 * 3600_000))],
    );
    const sessionId = rows[0].id as string;
    const token = await encode({
      secret,
      maxAge: 8 * 3600,
      token: { sub: user.id, uid: user.id, sv: user.sessionVersion, sid: sessionId, name: user.name, email: user.email },
    });
    const divisionIds = role === "COORDINATOR" || role === "OBSERVER" || role === "ADMIN" ? [] : user.divisions;
    return { cookie: `next-auth.session-token=${token}`, ctx: { userId: user.id, sessionId, divisionIds, role } };
  };

  type PageRow = { page: BenchPage; role: Role; closed: Result; open?: Result; sql: Result; sqlPerRequest: number };
  const pageRows: PageRow[] = [];
  for (const page of PAGES.filter((p) => !ONLY || ONLY.includes(p.path))) {
    for (const [index, role] of page.roles.entries()) {
      step(`${page.path} som ${role}`);
      const { cookie, ctx } = await signIn(role);
      const headers = { cookie };
      const check = await fetch(`${base}${page.path}`, { headers, redirect: "manual" });
      if (check.status !== 200) {
        console.log(`  hoppar över: svarade ${check.status} (${check.headers.get("location") ?? ""})`);
        continue;
      }
      await check.arrayBuffer();
      const before = await sqlCount();
      for (let i = 0; i < SQL_SAMPLE; i++) await (await fetch(`${base}${page.path}`, { headers })).arrayBuffer();
      const sqlPerRequest = ((await sqlCount()) - before) / SQL_SAMPLE;
      const name = `${page.path} (${role})`;
      const closed = { ...(await load(name, `${base}${page.path}`, { headers, seconds: CLOSED_SECONDS })), sqlPerRequest };
      record(closed);
      let open: Result | undefined;
      if (index === 0) {
        open = { ...(await load(name, `${base}${page.path}`, { headers, seconds: OPEN_SECONDS, open: true })), sqlPerRequest };
        record(open);
      }
      const sql = await loadSql(`bare SQL: ${name}`, sqlPool, page.anchor(ctx), Math.min(CLOSED_SECONDS, 5));
      record(sql);
      pageRows.push({ page, role, closed, open, sql, sqlPerRequest });
    }
  }
  await sqlPool.end();

  // ─── Report ───
  const raw = results.find((r) => r.name.startsWith("anchor: raw"))!;
  const staticFile = results.find((r) => r.name.startsWith("anchor: Next static"));
  const stod = results.find((r) => r.name === "/stod" && r.mode === "closed")!;
  const stodOpen = results.find((r) => r.name === "/stod" && r.mode === "open")!;
  const enStod = results.find((r) => r.name === "/en/stod")!;
  const commit = execSync("git rev-parse --short HEAD", { cwd: projectRoot }).toString().trim();
  const dirty = execSync("git status --porcelain", { cwd: projectRoot }).toString().trim() ? " (+ uncommitted changes)" : "";
  const load1 = os.loadavg().map((l) => l.toFixed(2)).join(" / ");
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load1} at the end, Node ${process.version}`;
  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "–");
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
  const minutes = ((performance.now() - started) / 60000).toFixed(1);

  const lines: string[] = [];
  lines.push(`Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · commit ${commit}${dirty} · scale ${SCALE} · ${dbLabel} · app pool ${poolMax}`);
  lines.push("");
  lines.push(`- Machine: ${machine}. Everything (database, app, load generator) shares it.`);
  lines.push(
    `- Data: ${v.divisions} divisions, ${v.users} bench users, ${v.situationEntries} situation entries over three years, ${v.trainingNeeds} training needs, ${v.measures} measures, ${v.followUps} follow-ups (${v.followUpItemsPerFollowUp} items each), ${v.actionItems} action items, ${v.auditEvents} audit events (plus the demo data).`,
  );
  lines.push(`- Load: closed loop ${CONNECTIONS} connections for ${CLOSED_SECONDS} s; open loop ${RATE} req/s for ${OPEN_SECONDS} s (autocannon overallRate over ${CONNECTIONS} connections). Latencies in ms. Whole run: ${minutes} min.`);
  lines.push("");
  lines.push("| Anchor / public page | mode | req/s | p50 | p95 | p99 | errors | SQL/req | × raw | × static | × empty page |");
  lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results.filter((r) => r.name.startsWith("anchor:") || r.name.endsWith("stod"))) {
    lines.push(
      `| ${r.name} | ${r.mode} | ${f(r.rps, 1)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.errors} | ${r.sqlPerRequest === undefined ? "" : f(r.sqlPerRequest, 1)} | ${ratio(r.rps, raw.rps)} | ${staticFile ? ratio(r.rps, staticFile.rps) : "–"} | ${ratio(r.rps, floor.rps)} |`,
    );
  }
  lines.push("");
  lines.push("| Signed-in page (role) | SQL/req | closed req/s | p50 | p95 | p99 | errors | × empty page | bare SQL req/s | × bare SQL | open p50 | open p95 | open p99 | open errors |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of pageRows) {
    lines.push(
      `| ${r.page.path} (${r.role}) | ${f(r.sqlPerRequest, 1)} | ${f(r.closed.rps, 1)} | ${f(r.closed.p50)} | ${f(r.closed.p95)} | ${f(r.closed.p99)} | ${r.closed.errors} | ${ratio(r.closed.rps, floor.rps)} | ${f(r.sql.rps, 1)} | ${ratio(r.closed.rps, r.sql.rps)} | ${r.open ? f(r.open.p50) : ""} | ${r.open ? f(r.open.p95) : ""} | ${r.open ? f(r.open.p99) : ""} | ${r.open ? r.open.errors : ""} |`,
    );
  }
  lines.push("");
  const signedInRatios = pageRows.map((r) => r.closed.rps / floor.rps);
  const worst = pageRows.length ? pageRows.reduce((a, b) => (a.closed.rps / floor.rps < b.closed.rps / floor.rps ? a : b)) : undefined;
  const openWorst = pageRows.filter((r) => r.open).reduce<PageRow | undefined>((a, b) => (!a || b.open!.p95 > a.open!.p95 ? b : a), undefined);
  lines.push("Targets:");
  lines.push(`- public page ≥ 0.5× raw node:http: ${ratio(stod.rps, raw.rps)}; p99 ≤ 20 ms at ${CONNECTIONS} connections: ${f(stod.p99)} ms.`);
  lines.push(`- every signed-in page ≥ 0.5× the empty dynamic page: worst ${worst ? `${worst.page.path} (${worst.role}) ${ratio(worst.closed.rps, floor.rps)}` : "–"}; ${signedInRatios.filter((x) => x >= 0.5).length} of ${signedInRatios.length} meet it.`);
  lines.push(`- p95 ≤ 100 ms at open-loop ${RATE} req/s: worst ${openWorst ? `${openWorst.page.path} (${openWorst.role}) ${f(openWorst.open!.p95)} ms` : "–"}; ${pageRows.filter((r) => r.open && r.open.p95 <= 100).length} of ${pageRows.filter((r) => r.open).length} meet it.`);
  const report = lines.join("\n");
  console.log(`\n${report}\n`);

  const doc = path.join(projectRoot, "docs/benchmarks.md");
  const historyRow = `| ${new Date().toISOString().slice(0, 16).replace("T", " ")} | ${commit}${dirty ? "+" : ""} | ${SCALE} | ${server ? "server" : "embedded"} | ${f(raw.rps)} | ${f(floor.rps, 1)} | ${f(stod.rps, 1)} / p99 ${f(stod.p99)} | ${f(enStod.rps, 1)} | ${f(stodOpen.p95)} | ${worst ? `${worst.page.path} ${ratio(worst.closed.rps, floor.rps)}` : "–"} | ${openWorst ? `${openWorst.page.path} ${f(openWorst.open!.p95)}` : "–"} | ${os.loadavg()[0]!.toFixed(1)} |`;
  const existing = existsSync(doc) ? readFileSync(doc, "utf8") : "";
  const history = existing.includes("<!-- history -->") ? existing.slice(existing.indexOf("<!-- history -->")) : HISTORY_HEADER;
  const head = existing.includes("<!-- latest -->") ? existing.slice(0, existing.indexOf("<!-- latest -->")) : DOC_HEAD;
  if (!process.env.BENCH_NO_DOC) {
    writeFileSync(doc, `${head}<!-- latest -->\n## Latest run\n\n${report}\n\n${history.trimEnd()}\n${historyRow}\n`);
    console.log(`Skrev ${path.relative(projectRoot, doc)}.`);
  }
  await admin.end();
}

const DOC_HEAD = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/run.ts); the latest run replaces the section below and
adds a row to the history. Quick mode (\`BENCH_SCALE=0.1\`) is for trying it; the figures that count
come from the full scale. Design and what limits each figure: docs/decisions/022-speed.md.

`;
const HISTORY_HEADER = `<!-- history -->
## History

| UTC | commit | scale | database | raw req/s | empty page req/s | /stod req/s, p99 ms | /en/stod req/s | /stod open p95 ms | worst signed-in × empty page | worst open p95 ms | load |
|---|---|---:|---|---:|---:|---|---:|---:|---|---|---:|
`;

async function shutdown(code: number) {
  for (const child of children.reverse()) {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        const t = setTimeout(r, 5000);
        child.once("exit", () => (clearTimeout(t), r(undefined)));
      });
    }
  }
  await cleanupDb?.().catch(() => undefined);
  rmSync(path.join(projectRoot, ".data/bench-raw-page.html"), { force: true });
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(130));
main().then(
  () => shutdown(0),
  (error) => {
    console.error(error);
    void shutdown(1);
  },
);
