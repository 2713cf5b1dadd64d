import "server-only";
import type { DbTx } from "@/lib/server/db";

/** One column that points at a division, district or staff category, from the catalog. */
export type ReferenceColumn = { table: string; column: string; isArray: boolean };

/**
 * Every column that points at a row of `table`, read from the database catalog — never from a
 * list kept by hand, so a table another module adds is counted (and, for divisions, merged)
 * without a change here: single-column foreign keys to the table, and for "Division" also the
 * columns named like a division reference without a foreign key (`divisionId`,
 * `*DivisionId`, and uuid arrays `divisionIds`, e.g. a grant request's divisions).
 */
export async function referenceColumns(tx: DbTx, table: string): Promise<ReferenceColumn[]> {
  const rows = await tx.$queryRaw<{ table: string; column: string; isArray: boolean }[]>`
    SELECT c.relname::text AS "table", a.attname::text AS "column", (a.atttypid = 'uuid[]'::regtype) AS "isArray"
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p')
      AND c.relname <> ${table}
      AND (EXISTS (SELECT 1 FROM pg_constraint k
                   WHERE k.conrelid = c.oid AND k.contype = 'f'
                     AND k.confrelid = to_regclass(quote_ident(${table})) AND k.conkey = ARRAY[a.attnum])
           OR (${table} = 'Division'
               AND (a.attname ILIKE '%divisionid' OR a.attname ILIKE '%divisionids')
               AND a.atttypid IN ('uuid'::regtype, 'uuid[]'::regtype)))
    ORDER BY 1, 2`;
  return rows;
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** `column` holds `id` (a uuid column equal to it, or a uuid array containing it), as SQL with $1. */
export const pointsAt = (ref: ReferenceColumn, alias = "") =>
  ref.isArray ? `$1::uuid = ANY (${alias}${quote(ref.column)})` : `${alias}${quote(ref.column)} = $1::uuid`;

/** How many rows of each referencing column point at each of `ids` (one query per column). */
export async function countReferences(tx: DbTx, refs: ReferenceColumn[], ids: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  for (const ref of refs) {
    const key = `${ref.table}.${ref.column}`;
    const sql = ref.isArray
      ? `SELECT x::text AS id, count(*)::int AS n FROM ${quote(ref.table)}, unnest(${quote(ref.column)}) x WHERE x = ANY ($1::uuid[]) GROUP BY x`
      : `SELECT ${quote(ref.column)}::text AS id, count(*)::int AS n FROM ${quote(ref.table)} WHERE ${quote(ref.column)} = ANY ($1::uuid[]) GROUP BY 1`;
    const rows = await tx.$queryRawUnsafe<{ id: string; n: number }[]>(sql, ids);
    for (const row of rows) {
      const counts = out.get(row.id);
      if (counts && row.n > 0) counts[key] = row.n;
    }
  }
  return out;
}

export const totalOf = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
