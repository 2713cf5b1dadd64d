// Issue 14 point 6: no unsafe defaults. A real installation never gets the demo accounts, and
// the embedded database is reachable only through a private Unix socket.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { parseEnv } from "@/lib/env";
import { DEMO_USERS } from "@/prisma/seed/index";
import { DIVISIONS } from "@/prisma/seed/organisation";
import { demoSeedWanted } from "@/prisma/seed/policy";
import { prepareDatabase } from "@/scripts/lib/prepare-database";
import { startEmbeddedDb } from "@/scripts/lib/embedded-db";

describe("demo accounts only when asked for", () => {
  it("never with DATABASE_URL or NODE_ENV=production; by default on a laptop's embedded database", () => {
    const laptop = { varnaEnv: "development" as const };
    expect(demoSeedWanted(laptop)).toBe(true);
    expect(demoSeedWanted({ ...laptop, demoData: false })).toBe(false);
    expect(demoSeedWanted({ varnaEnv: "production" })).toBe(false);
    expect(demoSeedWanted({ ...laptop, databaseUrl: "postgresql://db.kommun.example/varna" })).toBe(false);
    expect(demoSeedWanted({ ...laptop, databaseUrl: "postgresql://db.kommun.example/varna", demoData: true })).toBe(false);
    expect(demoSeedWanted({ ...laptop, nodeEnv: "production" })).toBe(false);
    expect(demoSeedWanted({ ...laptop, nodeEnv: "production", demoData: true })).toBe(false);
  });

  it("a production-like start (DATABASE_URL set, VARNA_ENV unset) seeds the organisation but no demo account", async () => {
    const url = process.env.DATABASE_OWNER_URL!;
    const env = parseEnv({ DATABASE_URL: url });
    expect(env.VARNA_ENV).toBe("development"); // the old trap: unset meant demo data
    const prepared = await prepareDatabase(url, env, undefined);
    expect(prepared).toMatchObject({ seeded: true, demo: false });
    expect(await ownerDb().division.count()).toBe(DIVISIONS.length);
    expect(await ownerDb().user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })).toBe(0);
    expect(await ownerDb().user.count()).toBe(0);
  });
});

describe("the embedded database", () => {
  it("lives in a 0700 data folder and listens only on a private Unix socket, never on TCP", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "varna-"));
    const dataDir = path.join(root, "data");
    const embedded = await startEmbeddedDb(dataDir);
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(embedded.socketDir).mode & 0o777).toBe(0o700);
      expect(embedded.url).not.toMatch(/127\.0\.0\.1|:\d+\//);
      // Through the socket: works.
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows[0]).toEqual({ one: 1 });
      await client.end();
      // Over TCP (the old default port, with the old known password): nobody answers.
      const tcp = new pg.Client({ connectionString: "postgresql://postgres:postgres@127.0.0.1:54329/postgres?sslmode=disable", connectionTimeoutMillis: 2000 });
      await expect(tcp.connect()).rejects.toThrow(/ECONNREFUSED|timeout/);
      // No TCP listener at all belongs to this process's server: its only address is the socket.
      const address = await new Promise<string | null>((resolve) => {
        const socket = net.connect({ path: path.join(embedded.socketDir, ".s.PGSQL.5432") }, () => {
          socket.end();
          resolve("socket");
        });
        socket.on("error", () => resolve(null));
      });
      expect(address).toBe("socket");
    } finally {
      await embedded.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000); // opening a PGlite folder on disk is slow on a busy machine

  it("tightens a data folder that already exists with looser rights", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "varna-"));
    const dataDir = path.join(root, "data");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dataDir, { mode: 0o755 });
    const embedded = await startEmbeddedDb(dataDir);
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    } finally {
      await embedded.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000); // opening a PGlite folder on disk is slow on a busy machine
});
