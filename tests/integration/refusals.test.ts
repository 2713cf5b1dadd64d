// Refusals leave a trace, and a flood of them cannot grow the trail without bound: a guessed
// id, a refused Server Action and failed sign-ins are audited at most once per actor, kind
// and minute (counted in PostgreSQL). And "who saw entry X" has an answer.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ownerDb } from "@/tests/setup/owner-db";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { getSituationEntry } from "@/lib/server/situation/get-entry";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { auditFilterSchema } from "@/lib/schemas/audit-filter";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { authenticate } from "@/lib/server/auth/authenticate";
import { ACCOUNT_FAILURE_LIMIT } from "@/lib/server/auth/throttle";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { getViewer, requireViewer } from "@/lib/server/auth/viewer";
import type { Viewer } from "@/lib/access/viewer";
import { startSession } from "@/lib/server/auth/sessions";
import { serverAction } from "@/lib/server/action";
import { createDivision, createSituationEntry, createUser } from "@/prisma/factories";

// The Server Action wrapper asks next-auth who is calling and next-intl for its messages:
// outside a request both are stood in for; the database and the audit trail are real.
vi.mock("@/lib/server/auth/viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/auth/viewer")>()),
  getViewer: vi.fn(),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true }),
}));
// requireViewer reads the session cookie through next-auth; the session row it names is real.
const session = vi.hoisted(() => ({ current: null as null | { uid: string; sid: string; sv: number } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => session.current,
}));

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
let member: Viewer;
let otherMember: Viewer;
let coordinator: Viewer;
let ownEntry: string;
let otherEntry: string;

const events = (action: string, actorId?: string) => ownerDb().auditEvent.findMany({ where: { action, ...(actorId ? { actorId } : {}) }, orderBy: { id: "asc" } });

beforeAll(async () => {
  const own = (await createDivision(ownerDb())).id;
  const other = (await createDivision(ownerDb())).id;
  const m = await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [own] });
  const o = await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [other] });
  const c = await createUser(ownerDb(), { role: "COORDINATOR" });
  member = as("NETWORK_MEMBER", [own], m.id);
  otherMember = as("NETWORK_MEMBER", [other], o.id);
  coordinator = as("COORDINATOR", [], c.id);
  ownEntry = (await createSituationEntry(ownerDb(), { divisionId: own, createdById: m.id })).id;
  otherEntry = (await createSituationEntry(ownerDb(), { divisionId: other, createdById: o.id })).id;
});

describe("refusals leave a trace, rate-limited", () => {
  it("audits a guessed id of another division's entry once a minute however often it is tried", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(getSituationEntry(member, otherEntry)).rejects.toBeInstanceOf(NotFoundError);
    }
    const found = await events("access.notFound", member.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ entityType: "SituationEntry", entityId: otherEntry, actorRole: "NETWORK_MEMBER" });
    const counted = await ownerDb().auditThrottle.findMany({ where: { actorKey: `user:${member.id}`, kind: "access.notFound" } });
    expect(counted.reduce((sum, row) => sum + row.count, 0)).toBe(5);
  });

  it("audits a Server Action refused for the role, and one refused by the use case", async () => {
    vi.mocked(getViewer).mockResolvedValue(member);
    const forbidden = serverAction({ schema: z.object({}), permission: ["user", "create"] }, async () => undefined);
    for (let i = 0; i < 3; i++) expect(await forbidden(undefined, {})).toEqual({ ok: false, formError: "actionErrors.forbidden" });
    const denied = await events("access.denied", member.id);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ entityType: "user", details: { action: "create", via: "serverAction" } });

    vi.mocked(getViewer).mockResolvedValue(otherMember);
    const refusedInside = serverAction({ schema: z.object({}), permission: "signedIn" }, async () => {
      throw new AccessDeniedError("auditEvent", "list");
    });
    expect(await refusedInside(undefined, {})).toEqual({ ok: false, formError: "actionErrors.forbidden" });
    expect(await events("access.denied", otherMember.id)).toHaveLength(1);
  });

  it("audits a 403 page (requireViewer), once a minute per viewer", async () => {
    const head = await createUser(ownerDb(), { role: "DIVISION_HEAD" });
    session.current = { uid: head.id, sid: await startSession(head, "credentials"), sv: head.sessionVersion };
    for (let i = 0; i < 3; i++) await expect(requireViewer("auditEvent", "list")).rejects.toThrow(/FORBIDDEN|403/i);
    const denied = await events("access.denied", head.id);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorRole: "DIVISION_HEAD", entityType: "auditEvent", details: { action: "list", via: "page" } });
    session.current = null;
  });

  it("audits a flood of throttled sign-ins at most once a minute per address", async () => {
    await createUser(ownerDb(), { role: "OBSERVER", email: "flod@test.example", password: "rätt-lösenord-9" });
    const before = (await events("auth.signIn.failed")).length;
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT + 30; i++) {
      await authenticate({ email: "flod@test.example", password: `fel-${i}` }, { ip: "198.51.100.4" });
    }
    const failed = (await events("auth.signIn.failed")).slice(before);
    const reasons = failed.map((e) => (e.details as { reason: string }).reason);
    // Each failure on the real account until it is blocked; then one event for 30 blocked tries
    // (two if the minute turned meanwhile).
    expect(reasons.filter((r) => r === "badPassword")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(reasons.filter((r) => r === "throttled").length).toBeLessThanOrEqual(2);
    expect(reasons.filter((r) => r === "throttled").length).toBeGreaterThanOrEqual(1);
  });

  it("audits made-up e-mails without an address at most once a minute", async () => {
    const before = (await events("auth.signIn.failed")).length;
    for (let i = 0; i < 25; i++) await authenticate({ email: `finns-inte-${i}@test.example`, password: "vad-som-helst-1" });
    const failed = (await events("auth.signIn.failed")).slice(before);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeLessThanOrEqual(2);
  });
});

describe("who saw entry X", () => {
  it("is answered by the log's entityId filter: list views that showed it and reads of it", async () => {
    await listSituationEntries(member, situationFilterSchema.parse({}));
    await getSituationEntry(member, ownEntry);
    await listSituationEntries(otherMember, situationFilterSchema.parse({})); // shows only the other entry
    const listed = (await events("situationEntry.list", member.id)).at(-1)!;
    expect((listed.details as { entryIds: string[] }).entryIds).toEqual([ownEntry]);

    const sawIt = await listAuditEvents(coordinator, auditFilterSchema.parse({ entityId: ownEntry }));
    expect(sawIt.rows.map((r) => r.action).sort()).toEqual(["situationEntry.list", "situationEntry.read"]);
    const viewers = new Set((await ownerDb().auditEvent.findMany({ where: { id: { in: sawIt.rows.map((r) => BigInt(r.id)) } } })).map((e) => e.actorId));
    expect(viewers).toEqual(new Set([member.id]));
  });
});
