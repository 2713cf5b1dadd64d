import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { may, type Action, type Resource } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { authOptions } from "./options";
import { readSession } from "./sessions";
import { recordRefusal } from "@/lib/server/audit/refusal";

// lib/server/users/* still imports the type from here until it adopts lib/access/viewer.
export type { Viewer };

/** The signed-in user, re-read from the database once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  // Signed out, idle too long or past the absolute timeout: the cookie alone is not enough.
  // One statement for the session, the user and the memberships (lib/server/auth/sessions.ts).
  const user = await readSession(session.sid, session.uid);
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, divisionIds: user.divisionIds };
});

/** For pages: the viewer, or a redirect to sign-in; 403 when the role may not do this. */
export async function requireViewer(resource?: Resource, action: Action = "list"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (resource && !may(viewer.role, resource, action)) {
    await recordRefusal(viewer, "access.denied", { entityType: resource, details: { action, via: "page" } });
    forbidden();
  }
  return viewer;
}

/** The id of this request's session (for "end my other sessions"); null when signed out. */
export async function currentSessionId(): Promise<string | null> {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  return typeof session?.sid === "string" ? session.sid : null;
}
