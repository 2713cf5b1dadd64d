// Raw SQL as the app role, for the row-level-security tests: the application's own checks are
// out of the way, so only the database's policies decide.
import type pg from "pg";

export type AppSettings = { role: string; divisionIds?: string[]; userId?: string } | null;

/** Runs `work` on `client` as varna_app inside a transaction with `settings`, then rolls back. */
export async function asApp<T>(client: pg.Client, settings: AppSettings, work: (q: pg.Client) => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    if (settings) {
      await client.query(
        "SELECT varna_set_viewer($1, $2, $3)",
        [settings.role, (settings.divisionIds ?? []).join(","), settings.userId ?? ""],
      );
    }
    await client.query("SET LOCAL ROLE varna_app");
    return await work(client);
  } finally {
    await client.query("ROLLBACK");
  }
}
