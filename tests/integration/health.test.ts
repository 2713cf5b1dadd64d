import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient } from "@/lib/server/db";
import { ownerDb } from "@/tests/setup/owner-db";
import { databaseIsReachable } from "@/lib/server/health";

// The health check's own time limit (4 s) is for a running app: open the pool first, so a
// first connection on a busy test machine is not what is measured.
beforeAll(async () => {
  await ownerDb().$queryRaw`SELECT 1`;
}, 60_000);

describe("/api/health", () => {
  it("answers 200 when the database is reachable", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("reports an unreachable database as not reachable", async () => {
    // Port 9 (discard) has no PostgreSQL: the connection is refused.
    const client = createPrismaClient("postgresql://postgres@127.0.0.1:9/none", { connectTimeoutMs: 500 });
    expect(await databaseIsReachable(client)).toBe(false);
    await client.$disconnect();
  });
});
