import "server-only";
import type { DbTx } from "@/lib/server/db";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError } from "@/lib/server/errors";

/** Today's date in Stockholm as `YYYY-MM-DD`: the default "today" of the rules that take one. */
export function stockholmToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** `YYYY-MM-DDTHH:mm` read as Stockholm wall-clock time (summer or winter time) → the instant. */
export function stockholmInstant(local: string): Date {
  const asUtc = new Date(`${local}:00Z`);
  // The offset Stockholm had at that moment: format the UTC guess there and compare.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Stockholm", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
    }).formatToParts(asUtc).map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
  return new Date(asUtc.getTime() - (shown - asUtc.getTime()));
}

/** The instant as Stockholm wall-clock `YYYY-MM-DDTHH:mm`, for a datetime-local field. */
export function stockholmLocal(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Stockholm", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
    }).formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * Whether the viewer may plan training events and record attendance beyond what the role
 * table says: the coordinator always; a network member only while carrying the network's
 * competence-development responsibility (kompetensutveckling) — for `divisionId` when given,
 * else in any division. Row-level security asks the same (varna_competence_developer).
 */
export async function isCompetenceDeveloper(tx: DbTx, viewer: Viewer, divisionId?: string): Promise<boolean> {
  if (viewer.role === "COORDINATOR") return true;
  if (viewer.role !== "NETWORK_MEMBER") return false;
  const found = await tx.networkMembership.count({
    where: {
      userId: viewer.id,
      active: true,
      responsibilities: { has: "COMPETENCE_DEVELOPMENT" },
      divisionId: divisionId ? divisionId : { in: [...viewer.divisionIds] },
    },
  });
  return found > 0;
}

export async function requireCompetenceDeveloper(tx: DbTx, viewer: Viewer, resource: string, action: string, divisionId?: string) {
  if (!(await isCompetenceDeveloper(tx, viewer, divisionId))) throw new AccessDeniedError(resource, action);
}

/** The first and last day of a plan year, as the `@db.Date` columns compare. */
export function yearBounds(year: number) {
  return { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };
}
