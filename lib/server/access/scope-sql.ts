import "server-only";
import { Prisma } from "@/lib/server/generated/prisma/client";

// A scope builder's `where` (lib/server/access/scope.ts) as SQL, for the few queries Prisma's
// query builder cannot express (full-text search, window functions). Always inside withViewer,
// so row-level security applies as well — but the scope is in the query itself, never a
// second, hand-written notion of the viewer's scope.

/**
 * A division scope as a condition on `column`: `{}` is every division, `{ divisionId: { in:
 * [...] } }` the viewer's own (an empty list: nothing). Any other shape is refused rather than
 * guessed at.
 */
export function divisionScopeSql(scope: object, column: Prisma.Sql): Prisma.Sql {
  const keys = Object.keys(scope);
  if (keys.length === 0) return Prisma.sql`TRUE`;
  const divisions = ((scope as { divisionId?: unknown }).divisionId as { in?: unknown } | undefined)?.in;
  if (keys.length === 1 && Array.isArray(divisions) && divisions.every((d) => typeof d === "string")) {
    return divisions.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`${column} IN (${Prisma.join(divisions.map((d) => Prisma.sql`${d}::uuid`))})`;
  }
  throw new Error("divisionScopeSql: unknown scope shape");
}
