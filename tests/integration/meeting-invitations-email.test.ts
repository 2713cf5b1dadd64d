// Issue 9: the coordinator sends a planned meeting's invitation to every active network member
// by e-mail. A real SMTP server (smtp-server on a loopback port) started by the test, the use
// case on real rows, the outbox delivered by nodemailer: each active member gets it once — in
// Swedish, with the time in Stockholm, the place and the agenda, and the .ics attached as
// text/calendar; method=REQUEST — also when the button is pressed twice at once and two senders
// deliver at the same moment. A resend needs a confirmation; only the coordinator may send.
import { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError, DomainRuleError, StaleEditError } from "@/lib/server/errors";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { planMeeting } from "@/lib/server/network/plan-meeting";
import { inviteMembersByEmail } from "@/lib/server/network/invite-members-by-email";
import { createDivision, createNetworkMembership, createUser } from "@/prisma/factories";

type Mail = { to: string[]; raw: string };
const inbox: Mail[] = [];
let smtp: SMTPServer;
let smtpUrl = "";
const instances: Db[] = [];

const decodeWords = (s: string) =>
  s.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
  );

function decodeBody(head: string, body: string): string {
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    return Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  }
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

type Part = { headers: string; body: string };
/** A MIME message as a reader sees it: the subject, and each part (headers unfolded, body decoded). */
function parseMail(raw: string): { subject: string; parts: Part[] } {
  const split = (text: string) => {
    const at = text.search(/\r?\n\r?\n/);
    return { head: text.slice(0, at).replace(/\r?\n[ \t]+/g, " "), body: text.slice(at).replace(/^\r?\n\r?\n/, "") };
  };
  const { head, body } = split(raw);
  const subject = decodeWords(/^Subject: (.*)$/im.exec(head)?.[1] ?? "");
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (!boundary) return { subject, parts: [{ headers: head, body: decodeBody(head, body) }] };
  const parts = body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith("--"))
    .map((p) => split(p.replace(/^\r?\n/, "")))
    .map((p) => ({ headers: p.head, body: decodeBody(p.head, p.body) }));
  return { subject, parts };
}

const mailsTo = (address: string) => inbox.filter((m) => m.to.includes(address)).map((m) => parseMail(m.raw));
const as = (role: Viewer["role"], divisionIds: string[], user: { id: string; name: string; email: string }): Viewer => ({ id: user.id, role, divisionIds, name: user.name, email: user.email });

const people = {} as Record<"bukMember" | "dsoMember" | "leftNetwork" | "deactivated", { id: string; email: string; name: string }>;
let coordinator: Viewer;
let bukViewer: Viewer;
let head: Viewer;
// Invitations are queued at the database's clock (the coordinator presses the button now); the
// sender runs a minute after each call.
const inAMinute = () => new Date(Date.now() + 60_000);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  const x = ownerDb();
  const buk = (await createDivision(x, { name: "Barn och utbildning", code: "BUK" })).id;
  const dso = (await createDivision(x, { name: "Social omsorg", code: "DSO" })).id;
  const coord = await createUser(x, { role: "COORDINATOR", email: "samordnare@kommun.test", name: "Sara Samordnare" });
  coordinator = as("COORDINATOR", [], coord);
  people.bukMember = await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [buk], email: "lena@kommun.test", name: "Lena Öhman" });
  people.dsoMember = await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [dso], email: "dan@kommun.test", name: "Dan Dso" });
  people.leftNetwork = await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [dso], email: "lamnat@kommun.test", name: "Lämnat Nätverket" });
  people.deactivated = await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [buk], email: "avslutad@kommun.test", name: "Avslutat Konto", active: false });
  await createNetworkMembership(x, { userId: people.bukMember.id, divisionId: buk });
  await createNetworkMembership(x, { userId: people.dsoMember.id, divisionId: dso });
  await createNetworkMembership(x, { userId: people.leftNetwork.id, divisionId: dso, active: false });
  await createNetworkMembership(x, { userId: people.deactivated.id, divisionId: buk });
  bukViewer = as("NETWORK_MEMBER", [buk], people.bukMember);
  head = as("DIVISION_HEAD", [buk], await createUser(x, { role: "DIVISION_HEAD", divisionIds: [buk] }));

  // Two app instances delivering at once: two clients with pools of their own.
  const url = process.env.DATABASE_OWNER_URL!;
  instances.push(createPrismaClient(url, { max: 2 }), createPrismaClient(url, { max: 2 }));
});

afterAll(async () => {
  await Promise.all(instances.map((c) => c.$disconnect()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("meeting invitations by e-mail", () => {
  let meetingId = "";

  it("sends each active member the invitation once, in Swedish, with the .ics attached — pressed twice at once, delivered by two senders", async () => {
    ({ id: meetingId } = await planMeeting(coordinator, {
      title: "VBE-nätverket december", scheduledAt: "2026-12-01T09:00", durationMinutes: 90,
      location: "Stadshuset, rum Nyköpingsån", videoUrl: "https://teams.example/m/42", agenda: "1. Lägesbild\n2. Utbildning",
    }));

    // Two presses at the same moment, both from a page that showed "never sent": one sends, one is refused.
    const presses = await Promise.allSettled([
      inviteMembersByEmail(coordinator, { id: meetingId, invitationsSent: 0 }),
      inviteMembersByEmail(coordinator, { id: meetingId, invitationsSent: 0 }),
    ]);
    const done = presses.filter((p) => p.status === "fulfilled");
    expect(done).toHaveLength(1);
    expect((done[0] as PromiseFulfilledResult<unknown>).value).toEqual({ queued: 2, recipients: 2, sendNumber: 1 });
    // Refused as a stale press (both read "never sent" before either wrote) or, when the
    // database ran them one after the other, as a resend nobody confirmed.
    const refused = presses.find((p) => p.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason instanceof StaleEditError || refused.reason instanceof DomainRuleError, String(refused.reason)).toBe(true);

    const [a, b] = instances as [Db, Db];
    const deliveries = await Promise.all([deliverOutbox({ now: inAMinute(), client: a, smtpUrl }), deliverOutbox({ now: inAMinute(), client: b, smtpUrl })]);
    expect(deliveries.reduce((n, d) => n + d.sent, 0)).toBe(2);
    expect(inbox).toHaveLength(2);
    expect(mailsTo(people.leftNetwork.email)).toEqual([]);
    expect(mailsTo(people.deactivated.email)).toEqual([]);

    for (const person of [people.bukMember, people.dsoMember]) {
      const mails = mailsTo(person.email);
      expect(mails).toHaveLength(1);
      const { subject, parts } = mails[0]!;
      expect(subject).toMatch(/^Inbjudan: VBE-nätverket december, tisdag 1 december 2026 (kl\. )?09:00$/);
      const text = parts.find((p) => /Content-Type: text\/plain/i.test(p.headers))!.body.replace(/\r\n/g, "\n");
      expect(text).toContain(`Hej ${person.name}!`);
      expect(text).toContain("Du är inbjuden till ett möte i VBE-nätverket.");
      expect(text).toMatch(/Tid: tisdag 1 december 2026 (kl\. )?09:00 \(svensk tid\)/);
      expect(text).toContain("Plats: Stadshuset, rum Nyköpingsån");
      expect(text).toContain("Videolänk: https://teams.example/m/42");
      expect(text).toContain("Dagordning:\n1. Lägesbild\n2. Utbildning");
      expect(text).toMatch(new RegExp(`Mötet i Värna: http://localhost:\\d+/natverk/moten/${meetingId}`));

      const calendar = parts.find((p) => /Content-Type: text\/calendar/i.test(p.headers))!;
      expect(calendar.headers).toMatch(/method=REQUEST/i);
      expect(calendar.headers).toMatch(/filename="?natverksmote-2026-12-01\.ics"?/);
      const lines = calendar.body.split(/\r?\n/);
      expect(lines).toContain("METHOD:REQUEST");
      expect(lines).toContain("DTSTART;TZID=Europe/Stockholm:20261201T090000");
      expect(lines).toContain("DTEND;TZID=Europe/Stockholm:20261201T103000");
      expect(calendar.body).toContain("SUMMARY:VBE-nätverket december");
    }

    const audit = await ownerDb().auditEvent.findMany({ where: { action: "networkMeeting.invite", entityId: meetingId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: coordinator.id, details: { sendNumber: 1, queued: 2 } });
    expect(JSON.stringify(audit[0]!.details)).not.toContain("@kommun.test"); // ids, not addresses
    expect(await ownerDb().networkMeeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ invitationsSent: 1 });
  });

  it("sends nothing more when delivered again, and resends only when confirmed", async () => {
    expect(await deliverOutbox({ now: inAMinute(), smtpUrl })).toEqual({ sent: 0, logged: 0, failed: 0, retrying: 0 });
    await expect(inviteMembersByEmail(coordinator, { id: meetingId, invitationsSent: 1 })).rejects.toBeInstanceOf(DomainRuleError);
    // A page that still showed "never sent" cannot send again either, confirmed or not.
    await expect(inviteMembersByEmail(coordinator, { id: meetingId, invitationsSent: 0, resend: true })).rejects.toBeInstanceOf(StaleEditError);
    expect(await deliverOutbox({ now: inAMinute(), smtpUrl })).toMatchObject({ sent: 0 });
    expect(inbox).toHaveLength(2);

    expect(await inviteMembersByEmail(coordinator, { id: meetingId, invitationsSent: 1, resend: true })).toEqual({ queued: 2, recipients: 2, sendNumber: 2 });
    expect(await deliverOutbox({ now: inAMinute(), smtpUrl })).toMatchObject({ sent: 2 });
    expect(mailsTo(people.bukMember.email)).toHaveLength(2);
    expect(mailsTo(people.dsoMember.email)).toHaveLength(2);
    expect(await ownerDb().auditEvent.count({ where: { action: "networkMeeting.invite", entityId: meetingId } })).toBe(2);
  });

  it("refuses a network member and a division head: nothing queued, nothing counted", async () => {
    const before = await ownerDb().emailOutbox.count();
    for (const viewer of [bukViewer, head]) {
      await expect(inviteMembersByEmail(viewer, { id: meetingId, invitationsSent: 2, resend: true })).rejects.toBeInstanceOf(AccessDeniedError);
    }
    expect(await ownerDb().emailOutbox.count()).toBe(before);
    expect(await ownerDb().networkMeeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ invitationsSent: 2 });
  });
});
