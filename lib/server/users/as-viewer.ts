import "server-only";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";

/**
 * The user-administration use cases' transaction: as the viewer (varna_app, so the policies on
 * User, DivisionMembership, GrantRequest and PasswordToken apply), with room for the
 * argon2-free but many-statement work of a grant on the slower embedded database.
 */
export function asViewer<T>(viewer: Viewer, work: (tx: DbTx) => Promise<T>): Promise<T> {
  return withViewer(viewer, work, { timeout: 20_000, maxWait: 10_000 });
}
