import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Viewer } from "@/lib/server/auth/viewer";

export type AuditInput = {
  /** Verb of the event, e.g. `situationEntry.update`, `auth.signIn.failed`, `export.pdf`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  divisionId?: string | null;
  details?: Prisma.InputJsonObject;
};

type Actor = Pick<Viewer, "id" | "role"> | null;

// Serialises writers of the chain: each event's hash covers the one before it.
const AUDIT_CHAIN_LOCK = 0x7661726e61; // "varna"

/** Fields a hash covers, in a fixed order, so `audit:verify` can recompute it. */
export function auditHash(prevHash: string | null, e: {
  occurredAt: Date; actorId: string | null; actorRole: string | null; action: string; entityType: string;
  entityId: string | null; divisionId: string | null; ip: string | null; userAgent: string | null; details: unknown;
}): string {
  const canonical = JSON.stringify([
    prevHash, e.occurredAt.toISOString(), e.actorId, e.actorRole, e.action, e.entityType,
    e.entityId, e.divisionId, e.ip, e.userAgent, sortKeys(e.details),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
    return { ip, userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ip: null, userAgent: null }; // outside a request (scripts, tests)
  }
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the event and the
 * change it records are saved together or not at all.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, input: AuditInput) {
  const { ip, userAgent } = await requestOrigin();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const event = {
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
  };
  const prevHash = last?.hash ?? null;
  await tx.auditEvent.create({ data: { ...event, prevHash, hash: auditHash(prevHash, event) } });
}
