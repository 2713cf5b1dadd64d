// In-app notifications: notify() inside another use case's transaction (as that viewer, under
// row-level security), the bell's count, the list, marking read — and the walls: a user sees
// and marks only their own notifications, through the access layer and in the database alone.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { withViewer } from "@/lib/server/access/with-viewer";
import { NotFoundError } from "@/lib/server/errors";
import { notify } from "@/lib/server/notifications/notify";
import { queueEmail } from "@/lib/server/notifications/queue-email";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { countUnreadNotifications } from "@/lib/server/notifications/count-unread";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/server/notifications/mark-read";
import { asApp } from "@/tests/setup/as-app";
import type { Viewer } from "@/lib/access/viewer";
import { createDivision, createNotification, createUser } from "@/prisma/factories";

const viewers = {} as Record<"coordinator" | "bukHead" | "otherHead", Viewer>;
let client: pg.Client;

const asViewer = (u: { id: string; name: string; email: string; role: Viewer["role"] }, divisionIds: string[]): Viewer => ({
  id: u.id, name: u.name, email: u.email, role: u.role, divisionIds,
});

beforeAll(async () => {
  const x = ownerDb();
  const buk = await createDivision(x, { name: "Barn och utbildning (test)" });
  const other = await createDivision(x);
  viewers.coordinator = asViewer(await createUser(x, { role: "COORDINATOR", name: "Siv Samordnare" }), []);
  viewers.bukHead = asViewer(await createUser(x, { role: "DIVISION_HEAD", divisionIds: [buk.id], name: "Berit Bukchef" }), [buk.id]);
  viewers.otherHead = asViewer(await createUser(x, { role: "DIVISION_HEAD", divisionIds: [other.id] }), [other.id]);
  client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

const query = { show: "all" as const, page: 1 };

describe("notify() inside a use case's transaction", () => {
  it("lets the coordinator's use case notify the BUK head, once per dedupe key, with an e-mail queued", async () => {
    const input = {
      userIds: [viewers.bukHead.id, viewers.bukHead.id],
      kind: "followUpReturned" as const,
      params: { cycle: "VT 2027", division: "Barn och utbildning" },
      link: "/uppfoljning",
      dedupeKey: "followUp.returned:test:1",
    };
    expect(await withViewer(viewers.coordinator, (tx) => notify(tx, input))).toBe(1);
    expect(await withViewer(viewers.coordinator, (tx) => notify(tx, input))).toBe(0);

    const page = await listNotifications(viewers.bukHead, query, "sv");
    expect(page.total).toBe(1);
    expect(page.unread).toBe(1);
    expect(page.rows[0]).toMatchObject({
      title: "Uppföljningen VT 2027 har skickats tillbaka",
      body: "Samordnaren har skickat tillbaka Barn och utbildnings uppföljning för VT 2027 med en kommentar. Komplettera och lämna in den igen.",
      link: "/uppfoljning",
      readAt: null,
    });
    expect((await listNotifications(viewers.bukHead, query, "en")).rows[0]?.title).toBe("The follow-up VT 2027 was returned");

    const mails = await ownerDb().emailOutbox.findMany({ where: { userId: viewers.bukHead.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: "PENDING", toAddress: viewers.bukHead.email, subject: "Värna: Uppföljningen VT 2027 har skickats tillbaka" });
  });

  it("saves nothing when the caller's transaction rolls back", async () => {
    await expect(
      withViewer(viewers.coordinator, async (tx) => {
        await notify(tx, { userIds: [viewers.otherHead.id], kind: "followUpOpened", params: { cycle: "X", division: "Y", dueDate: "2027-01-31" }, dedupeKey: "rollback" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await ownerDb().notification.count({ where: { dedupeKey: "rollback" } })).toBe(0);
    expect(await ownerDb().emailOutbox.count({ where: { userId: viewers.otherHead.id } })).toBe(0);
  });

  it("refuses a link outside the app", async () => {
    await expect(
      withViewer(viewers.coordinator, (tx) => notify(tx, { userIds: [viewers.bukHead.id], kind: "followUpOpened", link: "https://evil.example/" })),
    ).rejects.toThrow(/path inside the app/);
    await expect(
      withViewer(viewers.coordinator, (tx) => notify(tx, { userIds: [viewers.bukHead.id], kind: "followUpOpened", link: "//evil.example/" })),
    ).rejects.toThrow(/path inside the app/);
  });
});

describe("a user's own notifications", () => {
  it("are the only ones another division's head sees, counts or can mark read", async () => {
    expect(await countUnreadNotifications(viewers.otherHead)).toBe(0);
    expect((await listNotifications(viewers.otherHead, query, "sv")).total).toBe(0);
    const bukNote = (await listNotifications(viewers.bukHead, query, "sv")).rows[0]!;
    await expect(markNotificationRead(viewers.otherHead, { id: bukNote.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await markAllNotificationsRead(viewers.otherHead)).toBe(0);
    expect(await countUnreadNotifications(viewers.bukHead)).toBe(1);
  });

  it("are marked read one by one (audited, first time kept) or all at once", async () => {
    const [a, b] = [
      await createNotification(ownerDb(), { userId: viewers.bukHead.id }),
      await createNotification(ownerDb(), { userId: viewers.bukHead.id }),
    ];
    expect(await countUnreadNotifications(viewers.bukHead)).toBe(3);
    const first = new Date("2026-11-25T08:00:00Z");
    await markNotificationRead(viewers.bukHead, { id: a.id }, first);
    await markNotificationRead(viewers.bukHead, { id: a.id }, new Date("2026-11-26T08:00:00Z"));
    expect((await ownerDb().notification.findUniqueOrThrow({ where: { id: a.id } })).readAt).toEqual(first);
    expect(await countUnreadNotifications(viewers.bukHead)).toBe(2);
    const unreadOnly = await listNotifications(viewers.bukHead, { show: "unread", page: 1 }, "sv");
    expect(unreadOnly.rows.map((r) => r.id)).toContain(b.id);
    expect(unreadOnly.rows.map((r) => r.id)).not.toContain(a.id);

    expect(await markAllNotificationsRead(viewers.bukHead)).toBe(2);
    expect(await countUnreadNotifications(viewers.bukHead)).toBe(0);
    const audit = await ownerDb().auditEvent.findMany({ where: { actorId: viewers.bukHead.id, action: { startsWith: "notification." } } });
    expect(audit.map((e) => e.action).sort()).toEqual(["notification.read", "notification.readAll"]);
  });
});

describe("row-level security on notifications and the outbox (raw SQL as the app role)", () => {
  it("shows and updates only the user's own notifications, only their read time", async () => {
    const theirs = await createNotification(ownerDb(), { userId: viewers.bukHead.id });
    const mine = await createNotification(ownerDb(), { userId: viewers.otherHead.id });
    const other = { role: "DIVISION_HEAD", divisionIds: viewers.otherHead.divisionIds, userId: viewers.otherHead.id };
    await asApp(client, other, async (q) => {
      const seen = await q.query(`SELECT id FROM "Notification"`);
      expect(seen.rows.map((r) => r.id)).toEqual([mine.id]);
      expect((await q.query(`UPDATE "Notification" SET "readAt" = now() WHERE id = $1`, [theirs.id])).rowCount).toBe(0);
      expect((await q.query(`UPDATE "Notification" SET "readAt" = now() WHERE id = $1`, [mine.id])).rowCount).toBe(1);
    });
    await asApp(client, other, (q) =>
      expect(q.query(`UPDATE "Notification" SET kind = 'followUpOverdue' WHERE id = $1`, [mine.id])).rejects.toThrow(/permission denied/));
    await asApp(client, other, (q) =>
      expect(q.query(`DELETE FROM "Notification" WHERE id = $1`, [mine.id])).rejects.toThrow(/permission denied/));
    // A coordinator is no exception: notifications are personal.
    await asApp(client, { role: "COORDINATOR", userId: viewers.coordinator.id }, async (q) => {
      expect((await q.query(`SELECT id FROM "Notification" WHERE id = ANY($1)`, [[theirs.id, mine.id]])).rows).toEqual([]);
    });
    // Without a viewer nothing is visible or insertable.
    await asApp(client, null, async (q) => {
      expect((await q.query(`SELECT id FROM "Notification"`)).rows).toEqual([]);
    });
    await asApp(client, null, (q) =>
      expect(q.query(`INSERT INTO "Notification" (id, "userId", kind) VALUES (gen_random_uuid(), $1, 'x')`, [viewers.bukHead.id])).rejects.toThrow(/row-level security/));
  });

  it("lets the app role add to the outbox but never read, change or empty it", async () => {
    const coordinator = { role: "COORDINATOR", userId: viewers.coordinator.id };
    await asApp(client, coordinator, (q) => expect(q.query(`SELECT id FROM "EmailOutbox"`)).rejects.toThrow(/permission denied/));
    await asApp(client, coordinator, (q) => expect(q.query(`UPDATE "EmailOutbox" SET status = 'SENT'`)).rejects.toThrow(/permission denied/));
    await asApp(client, coordinator, (q) => expect(q.query(`DELETE FROM "EmailOutbox"`)).rejects.toThrow(/permission denied/));
    await asApp(client, coordinator, (q) =>
      expect(q.query(`INSERT INTO "EmailOutbox" (id, "toAddress", subject, text, kind, status) VALUES (gen_random_uuid(), 'a@b.test', 's', 't', 'k', 'SENT')`)).rejects.toThrow(/row-level security/));
    // queueEmail inside a viewer's transaction works, and a repeated key is a no-op.
    const queued = await withViewer(viewers.coordinator, async (tx) => [
      await queueEmail(tx, { to: "gast@extern.test", subject: "Inbjudan", text: "Välkommen", kind: "meetingInvitation", dedupeKey: "invite:1", attachments: [{ filename: "mote.ics", contentType: "text/calendar; method=REQUEST", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR" }] }),
      await queueEmail(tx, { to: "gast@extern.test", subject: "Inbjudan", text: "Välkommen", kind: "meetingInvitation", dedupeKey: "invite:1" }),
    ]);
    expect(queued).toEqual([true, false]);
    expect(await ownerDb().emailOutbox.findUniqueOrThrow({ where: { dedupeKey: "invite:1" } })).toMatchObject({ status: "PENDING", userId: null });
  });
});
