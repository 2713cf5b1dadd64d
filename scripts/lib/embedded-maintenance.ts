// The embedded engine's autovacuum (docs/decisions/026-embedded-maintenance.md). PGlite runs
// PostgreSQL as one single-user backend: no background workers, so no autovacuum. Without it
// the planner's statistics stay those of the day the table was created (or none), dead rows are
// never reclaimed, and a GIN index's pending list is merged only when it overflows — after a
// bulk import the situation list's search scanned the whole table (tests/integration/
// situation-search-and-pages.test.ts). The host of the embedded database therefore does what
// autovacuum would, with autovacuum's own default thresholds, from the statistics PostgreSQL
// keeps anyway (pg_stat_user_tables), between the connections' transactions.
import type { PGlite } from "@electric-sql/pglite";

/** PostgreSQL's defaults: autovacuum_vacuum_threshold / _scale_factor, autovacuum_vacuum_insert_
 * threshold / _scale_factor and autovacuum_analyze_threshold / _scale_factor. */
export const THRESHOLDS = { vacuumBase: 50, vacuumScale: 0.2, insertBase: 1000, insertScale: 0.2, analyzeBase: 50, analyzeScale: 0.1 } as const;

export type MaintenanceResult = { vacuumed: string[]; analyzed: string[]; ms: number };

type TableStats = { schemaname: string; relname: string; reltuples: number; n_dead_tup: number; n_mod_since_analyze: number; n_ins_since_vacuum: number };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What autovacuum would do now: VACUUM (ANALYZE) each table whose dead rows, or rows inserted
 * since its last vacuum, pass autovacuum's thresholds, and ANALYZE each whose changes since its
 * last analysis pass them. Run as the owner, outside any transaction.
 */
export async function maintainTables(db: PGlite): Promise<MaintenanceResult> {
  const started = Date.now();
  // The counters reach pg_stat_user_tables when the backend flushes them; a single-user
  // backend that never idles flushes only when asked.
  await db.exec("SELECT pg_stat_force_next_flush()");
  const { rows } = await db.query<TableStats>(`
    SELECT s.schemaname, s.relname, greatest(c.reltuples, 0)::float8 AS reltuples,
           s.n_dead_tup::float8 AS n_dead_tup, s.n_mod_since_analyze::float8 AS n_mod_since_analyze,
           s.n_ins_since_vacuum::float8 AS n_ins_since_vacuum
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     ORDER BY s.schemaname, s.relname`);
  const vacuumed: string[] = [];
  const analyzed: string[] = [];
  for (const t of rows) {
    const name = `${ident(t.schemaname)}.${ident(t.relname)}`;
    const deadAt = THRESHOLDS.vacuumBase + THRESHOLDS.vacuumScale * t.reltuples;
    const insertedAt = THRESHOLDS.insertBase + THRESHOLDS.insertScale * t.reltuples;
    if (t.n_dead_tup > deadAt || t.n_ins_since_vacuum > insertedAt) {
      await db.exec(`VACUUM (ANALYZE) ${name}`);
      vacuumed.push(t.relname);
    } else if (t.n_mod_since_analyze > THRESHOLDS.analyzeBase + THRESHOLDS.analyzeScale * t.reltuples) {
      await db.exec(`ANALYZE ${name}`);
      analyzed.push(t.relname);
    }
  }
  return { vacuumed, analyzed, ms: Date.now() - started };
}

/** Minutes between maintenance rounds: `EMBEDDED_MAINTENANCE_MINUTES` (1–1440, default 10). */
export function maintenanceIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.EMBEDDED_MAINTENANCE_MINUTES ?? 10);
  return (Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440 ? minutes : 10) * 60_000;
}
