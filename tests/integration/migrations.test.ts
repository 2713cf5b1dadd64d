import { describe, expect, it } from "vitest";
import { migrationStatus, pendingSchemaChanges } from "@/scripts/db/engine";

describe("migrations", () => {
  it("agree with schema.prisma (no drift)", async () => {
    const sql = await pendingSchemaChanges();
    expect(sql, `schema.prisma has changes without a migration; run npm run db:migration -- <name>:\n${sql}`).toBeNull();
  }, 120_000);

  it("are all applied to the test database, none failed or edited", async () => {
    const status = await migrationStatus(process.env.DATABASE_OWNER_URL!);
    expect(status.hasMigrationsTable).toBe(true);
    expect(status.failedMigrationNames).toEqual([]);
    expect(status.editedMigrationNames).toEqual([]);
    expect(status.history).toBeNull();
  }, 120_000);
});
