// The database's wall around the organisation's own tables (issue 16): with the app's checks
// out of the way — raw SQL as the app role with only the transaction's settings — every
// signed-in role reads divisions, districts, staff categories and settings (names in lists and
// forms, the municipality's name), and only the roles the permission table lets manage the
// organisation write them. Nobody deletes a setting; without settings nothing is visible.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asApp as asAppOn, type AppSettings } from "@/tests/setup/as-app";
import { ownerDb } from "@/tests/setup/owner-db";
import { ROLES, scopeFor, type Role } from "@/lib/access/permissions";
import { createDistrict, createDivision, createSetting, createStaffCategory, createUser } from "@/prisma/factories";

let client: pg.Client;
const users = {} as Record<Role, string>;
const rows: Record<string, string> = {};
const asApp = <T>(settings: AppSettings, work: (q: pg.Client) => Promise<T>) => asAppOn(client, settings, work);
const viewerOf = (role: Role): AppSettings => ({ role, divisionIds: [], userId: users[role] });

type Command = "SELECT" | "INSERT" | "UPDATE" | "DELETE";
const TABLES = ["Division", "District", "StaffCategory", "Setting"] as const;
const key = (table: string) => (table === "Setting" ? "key" : "id");

async function attempt(role: Role | null, table: string, command: Command): Promise<boolean | string> {
  const id = rows[table]!;
  try {
    return await asApp(role ? viewerOf(role) : null, async (q) => {
      switch (command) {
        case "SELECT":
          return (await q.query(`SELECT 1 FROM "${table}" WHERE ${key(table)} = $1`, [id])).rowCount === 1;
        case "UPDATE":
          return (await q.query(`UPDATE "${table}" SET version = version WHERE ${key(table)} = $1`, [id])).rowCount === 1;
        case "DELETE":
          return (await q.query(`DELETE FROM "${table}" WHERE ${key(table)} = $1`, [id])).rowCount === 1;
        case "INSERT": {
          const fresh = crypto.randomUUID().slice(0, 8);
          if (table === "Setting") await q.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, '1', now())`, [`test.${fresh}`]);
          else if (table === "Division") await q.query(`INSERT INTO "Division" (id, code, name, "updatedAt") VALUES (gen_random_uuid(), $1, $1, now())`, [`T${fresh}`]);
          else await q.query(`INSERT INTO "${table}" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now())`, [`T${fresh}`]);
          return true;
        }
      }
    });
  } catch (error) {
    const message = String((error as Error).message);
    return /row-level security|permission denied/.test(message) ? false : `error: ${message}`;
  }
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  for (const role of ROLES) users[role] = (await createUser(ownerDb(), { role })).id;
  rows.Division = (await createDivision(ownerDb())).id;
  rows.District = (await createDistrict(ownerDb())).id;
  rows.StaffCategory = (await createStaffCategory(ownerDb())).id;
  rows.Setting = (await createSetting(ownerDb(), { key: "test.organisation", value: 1 })).key;
});

afterAll(async () => {
  await client?.end();
});

describe("row-level security on the organisation's tables", () => {
  for (const table of TABLES) {
    it(`${table}: every role reads it; only who manages the organisation writes it`, async () => {
      const want: Record<string, boolean | string> = {};
      const got: Record<string, boolean | string> = {};
      for (const role of ROLES) {
        for (const command of ["SELECT", "INSERT", "UPDATE", "DELETE"] as Command[]) {
          const action = { SELECT: "read", INSERT: "create", UPDATE: "update", DELETE: "delete" } as const;
          want[`${role} ${command}`] = command === "SELECT"
            ? true
            : command === "DELETE" && table === "Setting"
              ? false // a setting is changed, never deleted
              : scopeFor(role, "organisation", action[command]) === "all";
          got[`${role} ${command}`] = await attempt(role, table, command);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it("shows nothing without the transaction's settings (fails closed)", async () => {
    for (const table of TABLES) {
      expect(await attempt(null, table, "SELECT"), table).toBe(false);
      expect(await attempt(null, table, "INSERT"), table).toBe(false);
    }
  });
});
