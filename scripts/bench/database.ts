// npm run bench — how long the hot database paths take, on a fresh embedded database with
// demo data (or on the server named by DATABASE_URL, in a database of its own). Prints
// median and 95th percentile per operation; never asserted by a test (timings vary).
import { performance } from "node:perf_hooks";
import { applyMigrations } from "../db/engine";
import { startMemoryDb } from "../lib/embedded-db";
import { adminQuery, assertLocalDatabase, uniqueName, withDatabase } from "../lib/scratch-database";
import { seed } from "@/prisma/seed/index";
import { createPrismaClient } from "@/lib/server/db";
import type { Viewer } from "@/lib/access/viewer";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const { median, p95 } = stats(samples);
  console.log(`${name.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`);
}

async function main() {
  const server = process.env.DATABASE_URL;
  let url: string;
  let cleanup: () => Promise<void>;
  if (server) {
    assertLocalDatabase(server);
    const name = uniqueName("varna_bench");
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    url = withDatabase(server, name);
    cleanup = () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const embedded = await startMemoryDb();
    url = embedded.url;
    cleanup = embedded.stop;
  }
  try {
    await applyMigrations(url);
    await seed(url, { demo: true });
    process.env.DATABASE_URL = url;
    const client = createPrismaClient(url);
    (globalThis as { varnaDb?: unknown }).varnaDb = client;
    const { getOverview } = await import("@/lib/server/dashboard/get-overview");
    const { withViewer } = await import("@/lib/server/access/with-viewer");
    const { recordAudit } = await import("@/lib/server/audit/record");
    const users = await client.user.findMany({ include: { divisions: true } });
    const viewer = (email: string): Viewer => {
      const u = users.find((x) => x.email === email)!;
      return { id: u.id, name: u.name, email: u.email, role: u.role, divisionIds: u.divisions.map((d) => d.divisionId) };
    };
    const coordinator = viewer("samordnare@nykoping.example");
    const head = viewer("chef.buk@nykoping.example");

    console.log(`Värna bench (${server ? "PostgreSQL server" : "embedded PGlite"}, ${ROUNDS} rounds)`);
    await measure("overview, coordinator (withViewer + RLS)", () => getOverview(coordinator));
    await measure("overview, division head (withViewer + RLS)", () => getOverview(head));
    await measure("audit event append (hash-chained)", () =>
      withViewer(head, (tx) => recordAudit(tx, head, { action: "bench", entityType: "Bench" })),
    );
    await client.$disconnect();
  } finally {
    await cleanup();
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 10));
