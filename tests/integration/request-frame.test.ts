// What every signed-in request reads before its page (issue 12, part 3): the session with its
// user and memberships in one statement (readSession), and the frame around the page — the
// bell's count, the municipality's name, the viewer's deactivated divisions — in one statement
// of one transaction as the viewer (getAppFrame). Against the real database: each figure is
// the viewer's own, and signed-out, idle, expired and foreign sessions read as null.
import { ownerDb } from "@/tests/setup/owner-db";
import { beforeAll, describe, expect, it } from "vitest";
import { getAppFrame } from "@/lib/server/app-frame";
import { IDLE_TIMEOUT_MS, readSession } from "@/lib/server/auth/sessions";
import type { Viewer } from "@/lib/access/viewer";
import { createDivision, createNotification, createUser, createUserSession } from "@/prisma/factories";

const viewers = {} as Record<"coordinator" | "head" | "otherHead", Viewer>;
const names = {} as Record<"closed" | "open", string>;

const asViewer = (u: { id: string; name: string; email: string; role: Viewer["role"] }, divisionIds: string[]): Viewer => ({
  id: u.id, name: u.name, email: u.email, role: u.role, divisionIds,
});

beforeAll(async () => {
  const x = ownerDb();
  const closed = await createDivision(x, { name: "Ö-förvaltningen (nedlagd)", active: false });
  const open = await createDivision(x, { name: "A-förvaltningen" });
  const otherClosed = await createDivision(x, { name: "Annans nedlagda", active: false });
  names.closed = closed.name;
  names.open = open.name;
  viewers.coordinator = asViewer(await createUser(x, { role: "COORDINATOR" }), []);
  viewers.head = asViewer(await createUser(x, { role: "DIVISION_HEAD", divisionIds: [open.id, closed.id] }), [open.id, closed.id]);
  viewers.otherHead = asViewer(await createUser(x, { role: "DIVISION_HEAD", divisionIds: [otherClosed.id] }), [otherClosed.id]);
  await createNotification(x, { userId: viewers.head.id });
  await createNotification(x, { userId: viewers.head.id });
  await createNotification(x, { userId: viewers.head.id, readAt: new Date() });
  await createNotification(x, { userId: viewers.otherHead.id });
  await x.setting.upsert({
    where: { key: "municipality.name" },
    create: { key: "municipality.name", value: "Testkommun" },
    update: { value: "Testkommun" },
  });
});

describe("the frame around every signed-in page", () => {
  it("counts only the viewer's own unread notifications and names only their own deactivated divisions", async () => {
    const head = await getAppFrame(viewers.head);
    expect(head.unread).toBe(2);
    expect(head.inactiveDivisions).toEqual([names.closed]);
    expect(head.municipality.name).toBe("Testkommun");

    const other = await getAppFrame(viewers.otherHead);
    expect(other.unread).toBe(1);
    expect(other.inactiveDivisions).toEqual(["Annans nedlagda"]);

    const coordinator = await getAppFrame(viewers.coordinator);
    expect(coordinator.unread).toBe(0);
    expect(coordinator.inactiveDivisions).toEqual([]);
  });
});

describe("the session read", () => {
  it("returns the user and every membership from one statement, for the session's own user only", async () => {
    const session = await createUserSession(ownerDb(), { userId: viewers.head.id });
    const user = await readSession(session.id, viewers.head.id);
    expect(user).toMatchObject({ id: viewers.head.id, role: "DIVISION_HEAD", active: true });
    expect([...user!.divisionIds].sort()).toEqual([...viewers.head.divisionIds].sort());
    expect(await readSession(session.id, viewers.otherHead.id)).toBeNull();
    expect(await readSession("not-a-uuid", viewers.head.id)).toBeNull();
  });

  it("refuses a revoked, idle or expired session and refreshes last-seen at most once a minute", async () => {
    const now = Date.now();
    const revoked = await createUserSession(ownerDb(), { userId: viewers.head.id, revokedAt: new Date(now) });
    expect(await readSession(revoked.id, viewers.head.id)).toBeNull();
    const idle = await createUserSession(ownerDb(), { userId: viewers.head.id, lastSeenAt: new Date(now - IDLE_TIMEOUT_MS - 1000) });
    expect(await readSession(idle.id, viewers.head.id)).toBeNull();
    const expired = await createUserSession(ownerDb(), { userId: viewers.head.id, expiresAt: new Date(now - 1000) });
    expect(await readSession(expired.id, viewers.head.id)).toBeNull();

    const seen = new Date(now - 5 * 60_000);
    const live = await createUserSession(ownerDb(), { userId: viewers.head.id, lastSeenAt: seen });
    expect(await readSession(live.id, viewers.head.id, new Date(now))).not.toBeNull();
    const after = await ownerDb().userSession.findUniqueOrThrow({ where: { id: live.id } });
    expect(after.lastSeenAt.getTime()).toBe(now);
    // Within the minute: no write.
    expect(await readSession(live.id, viewers.head.id, new Date(now + 30_000))).not.toBeNull();
    expect((await ownerDb().userSession.findUniqueOrThrow({ where: { id: live.id } })).lastSeenAt.getTime()).toBe(now);
  });
});
