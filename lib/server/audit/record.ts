import "server-only";
import { headers } from "next/headers";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Viewer } from "@/lib/access/viewer";
import { clientAddressFrom } from "@/lib/server/client-address";

export type AuditInput = {
  /** Verb of the event, e.g. `situationEntry.update`, `auth.signIn.failed`, `export.pdf`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  divisionId?: string | null;
  details?: Prisma.InputJsonObject;
};

type Actor = Pick<Viewer, "id" | "role"> | null;

async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ip: clientAddressFrom(h), userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ip: null, userAgent: null }; // outside a request (scripts, tests)
  }
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the event and the
 * change it records are saved together or not at all. It takes no lock: the database's sealer
 * chains it to the events before it shortly after the transaction ends (decision 024); the app
 * role can insert events but never change them.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, input: AuditInput) {
  const { ip, userAgent } = await requestOrigin();
  // createMany: a plain INSERT without RETURNING, since most roles may not read the trail.
  await tx.auditEvent.createMany({
    data: [
      {
        // Set here rather than by the column default, which would follow the session's time zone.
        occurredAt: new Date(),
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId ?? null,
        divisionId: input.divisionId ?? null,
        ip,
        userAgent,
        details: input.details ?? {},
      },
    ],
  });
}
