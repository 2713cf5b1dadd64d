// Reminders and e-mail end to end: a real SMTP server (smtp-server, on a loopback port) started
// by the test, the reminder sweep on real rows at an injected "now", the outbox delivered by
// nodemailer. A due reminder arrives once, in Swedish, to the right person — also when two
// sweeps and two senders run at the same moment as two app instances (two database clients).
import { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { ownerDb } from "@/tests/setup/owner-db";
import { runReminderSweep } from "@/lib/server/notifications/reminders";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { createActionItem, createDivision, createFollowUp, createFollowUpCycle, createUser } from "@/prisma/factories";

type Mail = { from: string; to: string[]; raw: string };
const inbox: Mail[] = [];
let smtp: SMTPServer;
let smtpUrl = "";
const instances: Db[] = [];

/** The text of a MIME message as a reader sees it: encoded words and quoted-printable decoded. */
function decodeMail(raw: string): { subject: string; body: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? "";
  const subject = subjectLine.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
  );
  let body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    body = Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  } else if (/Content-Transfer-Encoding: base64/i.test(head)) {
    body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  return { subject, body };
}

const mailsTo = (address: string) => inbox.filter((m) => m.to.includes(address)).map((m) => decodeMail(m.raw));

const people = { bukHead: { id: "", email: "" }, otherHead: { id: "", email: "" }, owner: { id: "", email: "" } };
/** "Now" for the sweeps: 25 November 2026, 08:00 in Stockholm. */
const NOW = new Date("2026-11-25T07:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  const x = ownerDb();
  const buk = await createDivision(x, { name: "Barn och utbildning", code: "BUK" });
  const other = await createDivision(x, { name: "Social omsorg", code: "DSO" });
  const bukHead = await createUser(x, { role: "DIVISION_HEAD", divisionIds: [buk.id], email: "buk.chef@kommun.test", name: "Berit Bukchef" });
  const otherHead = await createUser(x, { role: "DIVISION_HEAD", divisionIds: [other.id], email: "dso.chef@kommun.test", name: "Dora Dsochef" });
  const owner = await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [buk.id], email: "natverk@kommun.test", name: "Nils Nätverk" });
  people.bukHead = bukHead;
  people.otherHead = otherHead;
  people.owner = owner;

  // VT 2027 is due on 28 November: BUK has not submitted, DSO has.
  const cycle = await createFollowUpCycle(x, { title: "HT 2026", year: 2026, status: "OPEN", dueDate: day("2026-11-28"), periodStart: day("2026-07-01"), periodEnd: day("2026-12-31") });
  await createFollowUp(x, { cycleId: cycle.id, divisionId: buk.id, status: "DRAFT" });
  await createFollowUp(x, { cycleId: cycle.id, divisionId: other.id, status: "SUBMITTED" });
  // An action item due far later: no reminder yet.
  await createActionItem(x, { ownerId: owner.id, divisionId: buk.id, title: "Kartlägga skolornas rutiner", dueDate: day("2027-02-01") });

  // Two app instances: two clients with pools of their own.
  const url = process.env.DATABASE_OWNER_URL!;
  instances.push(createPrismaClient(url, { max: 2 }), createPrismaClient(url, { max: 2 }));
});

afterAll(async () => {
  await Promise.all(instances.map((c) => c.$disconnect()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("reminder sweep → outbox → SMTP", () => {
  it("sends a due follow-up reminder once, in Swedish, to the division's head only — with two instances sweeping and sending at once", async () => {
    const [a, b] = instances as [Db, Db];
    const sweeps = await Promise.all([runReminderSweep({ now: NOW, client: a }), runReminderSweep({ now: NOW, client: b })]);
    // Either one found the lock taken, or they ran one after the other and the second found nothing new.
    const created = sweeps.reduce((n, s) => n + (s.ran ? s.created : 0), 0);
    expect(created).toBe(1);

    const deliveries = await Promise.all([
      deliverOutbox({ now: NOW, client: a, smtpUrl }),
      deliverOutbox({ now: NOW, client: b, smtpUrl }),
    ]);
    expect(deliveries.reduce((n, d) => n + d.sent, 0)).toBe(1);

    const mails = mailsTo(people.bukHead.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Värna: Uppföljningen HT 2026 ska lämnas senast 28 november 2026");
    expect(mails[0]!.body).toContain("Hej Berit Bukchef!");
    expect(mails[0]!.body).toContain("Barn och utbildning har inte lämnat sin uppföljning för HT 2026. Sista dag är 28 november 2026.");
    expect(mails[0]!.body).toMatch(/Öppna i Värna: http:\/\/localhost:\d+\/uppfoljning/);
    expect(mailsTo(people.otherHead.email)).toEqual([]);
    expect(mailsTo(people.owner.email)).toEqual([]);
    expect(inbox).toHaveLength(1);

    // The in-app notification exists once too.
    const notes = await ownerDb().notification.findMany({ where: { userId: people.bukHead.id } });
    expect(notes.map((n) => n.kind)).toEqual(["followUpDueSoon"]);
  });

  it("sends nothing more when the sweep runs again the same day, or the next", async () => {
    for (const now of [NOW, new Date("2026-11-26T07:00:00Z")]) {
      const sweep = await runReminderSweep({ now });
      expect(sweep).toMatchObject({ ran: true, created: 0 });
      expect(await deliverOutbox({ now, smtpUrl })).toEqual({ sent: 0, logged: 0, failed: 0, retrying: 0 });
    }
    expect(inbox).toHaveLength(1);
  });

  it("sends the overdue reminder once when the due date has passed, and an action item's when it comes due", async () => {
    await ownerDb().actionItem.updateMany({ where: { ownerId: people.owner.id }, data: { dueDate: day("2026-12-01") } });
    const later = new Date("2026-11-29T07:00:00Z");
    const [a, b] = instances as [Db, Db];
    await Promise.all([runReminderSweep({ now: later, client: a }), runReminderSweep({ now: later, client: b })]);
    await Promise.all([deliverOutbox({ now: later, client: a, smtpUrl }), deliverOutbox({ now: later, client: b, smtpUrl })]);

    const head = mailsTo(people.bukHead.email);
    expect(head.map((m) => m.subject)).toEqual([
      "Värna: Uppföljningen HT 2026 ska lämnas senast 28 november 2026",
      "Värna: Uppföljningen HT 2026 är försenad",
    ]);
    expect(mailsTo(people.owner.email).map((m) => m.subject)).toEqual([
      "Värna: Åtgärdspunkten ”Kartlägga skolornas rutiner” ska vara klar 1 december 2026",
    ]);
    expect(mailsTo(people.otherHead.email)).toEqual([]);
  });

  it("keeps an e-mail when SMTP is down and sends it once when it is back", async () => {
    const { queueEmail } = await import("@/lib/server/notifications/queue-email");
    await ownerDb().$transaction((tx) => queueEmail(tx, { to: "retry@kommun.test", subject: "Försök igen", text: "Åäö", kind: "test", dedupeKey: "retry-1", notBefore: NOW }));
    const down = await deliverOutbox({ now: NOW, smtpUrl: "smtp://127.0.0.1:1" });
    expect(down).toMatchObject({ sent: 0, retrying: 1 });
    const row = await ownerDb().emailOutbox.findUniqueOrThrow({ where: { dedupeKey: "retry-1" } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(NOW.getTime());

    // Not before its time; then once.
    expect((await deliverOutbox({ now: NOW, smtpUrl })).sent).toBe(0);
    const afterDelay = new Date(row.nextAttemptAt.getTime() + 1000);
    expect((await deliverOutbox({ now: afterDelay, smtpUrl })).sent).toBe(1);
    expect((await deliverOutbox({ now: afterDelay, smtpUrl })).sent).toBe(0);
    const mails = mailsTo("retry@kommun.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.trim()).toBe("Åäö");
    expect(await ownerDb().emailOutbox.findUniqueOrThrow({ where: { dedupeKey: "retry-1" } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("sends again an e-mail whose sender died mid-send, once its claim is older than the lease; gives up when out of attempts", async () => {
    const { CLAIM_LEASE_MS, MAX_ATTEMPTS } = await import("@/lib/server/notifications/deliver-outbox");
    const claimed = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
    await ownerDb().emailOutbox.createMany({
      data: [
        { toAddress: "avbruten@kommun.test", subject: "Avbruten", text: "Igen", kind: "test", dedupeKey: "lease-old", status: "SENDING", attempts: 1, claimedAt: claimed(CLAIM_LEASE_MS / 60_000 + 1) },
        { toAddress: "pagaende@kommun.test", subject: "Pågår", text: "Vänta", kind: "test", dedupeKey: "lease-new", status: "SENDING", attempts: 1, claimedAt: claimed(1) },
        { toAddress: "slut@kommun.test", subject: "Slut", text: "Ge upp", kind: "test", dedupeKey: "lease-spent", status: "SENDING", attempts: MAX_ATTEMPTS, claimedAt: claimed(60) },
      ],
    });
    expect((await deliverOutbox({ now: NOW, smtpUrl })).sent).toBe(1);
    const rows = Object.fromEntries((await ownerDb().emailOutbox.findMany({ where: { dedupeKey: { startsWith: "lease-" } } })).map((r) => [r.dedupeKey, r]));
    expect(rows["lease-old"]).toMatchObject({ status: "SENT", attempts: 2 });
    expect(rows["lease-new"]).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(rows["lease-spent"]).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(rows["lease-spent"]!.lastError).toMatch(/Avbröts under sändningen/);
    expect(mailsTo("avbruten@kommun.test").map((m) => m.subject)).toEqual(["Avbruten"]);
    expect(mailsTo("pagaende@kommun.test")).toEqual([]);
    expect(mailsTo("slut@kommun.test")).toEqual([]);
  });

  it("without SMTP writes the e-mail to the log and keeps it in the outbox", async () => {
    const { queueEmail } = await import("@/lib/server/notifications/queue-email");
    await ownerDb().$transaction((tx) => queueEmail(tx, { to: "logg@kommun.test", subject: "Utan SMTP", text: "Påminnelse", kind: "test", dedupeKey: "log-1", notBefore: NOW }));
    const lines: string[] = [];
    const result = await deliverOutbox({ now: NOW, smtpUrl: null, log: (l) => lines.push(l) });
    expect(result).toMatchObject({ logged: 1, sent: 0 });
    expect(lines.join("\n")).toContain("till logg@kommun.test – Utan SMTP");
    expect(lines.join("\n")).toContain("Påminnelse");
    expect(await ownerDb().emailOutbox.findUniqueOrThrow({ where: { dedupeKey: "log-1" } })).toMatchObject({ status: "LOGGED", text: "Påminnelse" });
    expect(mailsTo("logg@kommun.test")).toEqual([]);
  });
});
