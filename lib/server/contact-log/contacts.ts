import "server-only";
import type { z } from "zod";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { ContactFilter, contactSchema } from "@/lib/schemas/contact-log";
import type {
  ContactAgeBand, ContactChannel, ContactGender, ContactReferral, ContactRequester, ExtremistEnvironment,
} from "@/lib/server/generated/prisma/enums";

// The anonymous contact log ("every contact counts"): who got in touch by kind, never by
// name. A division's rows, scoped like its situation entries: the coordinator every
// division, division heads and network members their own (and row-level security again).

export const CONTACT_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export type ContactRow = {
  id: string;
  contactedOn: Date;
  channel: ContactChannel;
  requester: ContactRequester;
  environment: ExtremistEnvironment | null;
  gender: ContactGender;
  ageBand: ContactAgeBand;
  referral: ContactReferral;
  note: string;
  division: string;
  divisionId: string;
  version: number;
};

const SELECT = {
  id: true, contactedOn: true, channel: true, requester: true, environment: true, gender: true, ageBand: true,
  referral: true, note: true, divisionId: true, version: true, division: { select: { name: true } },
} as const;

type Row = Omit<ContactRow, "division"> & { division: { name: string } };
const toRow = (r: Row): ContactRow => ({ ...r, division: r.division.name });

/** One page of the log, newest contact first, with the period's total. */
export async function listContacts(viewer: Viewer, filter: ContactFilter): Promise<Paged<ContactRow>> {
  const where = within(scopes.contactLogEntry(viewer, "list"), {
    ...(filter.fran || filter.till ? { contactedOn: { ...(filter.fran ? { gte: day(filter.fran) } : {}), ...(filter.till ? { lte: day(filter.till) } : {}) } } : {}),
    ...(filter.division ? { divisionId: filter.division } : {}),
  });
  return withViewer(viewer, async (tx) => {
    const page = await loadPage(filter.page, CONTACT_PAGE_SIZE, {
      count: () => tx.contactLogEntry.count({ where }),
      rows: (window) => tx.contactLogEntry.findMany({ where, orderBy: [{ contactedOn: "desc" }, { createdAt: "desc" }], ...window, select: SELECT }),
    });
    return { ...page, rows: page.rows.map(toRow) };
  });
}

/** One contact for its edit form; another division's is "not found", like a missing one. */
export async function getContact(viewer: Viewer, id: string): Promise<ContactRow> {
  const scope = scopes.contactLogEntry(viewer, "read");
  if (!UUID.test(id)) throw new NotFoundError("ContactLogEntry");
  const row = await withViewer(viewer, (tx) => tx.contactLogEntry.findFirst({ where: within(scope, { id }), select: SELECT }));
  if (!row) {
    await recordRefusal(viewer, "access.notFound", { entityType: "ContactLogEntry", entityId: id });
    throw new NotFoundError("ContactLogEntry");
  }
  return toRow(row);
}

type Fields = z.output<typeof contactSchema>;
const data = (input: Omit<Fields, "id" | "expectedVersion">) => ({
  divisionId: input.divisionId,
  contactedOn: day(input.contactedOn),
  channel: input.channel,
  requester: input.requester,
  environment: input.environment === "" ? null : input.environment,
  gender: input.gender,
  ageBand: input.ageBand,
  referral: input.referral,
  note: input.note,
});

/** A division the viewer may record contacts for: any for the coordinator, else its own. */
function divisionOrRefuse(viewer: Viewer, divisionId: string, scopeIsAll: boolean) {
  if (!scopeIsAll && !viewer.divisionIds.includes(divisionId)) throw new DomainRuleError("contactLog.errors.divisionNotOwn", "divisionId");
}

/** Audit details: the kind of contact, never the note (it is free text). */
const auditDetails = (d: ReturnType<typeof data>) => ({
  contactedOn: d.contactedOn.toISOString().slice(0, 10), channel: d.channel, requester: d.requester, referral: d.referral,
});

/** Records a new contact (`id` "") or saves an edit of one (versioned). */
export async function saveContact(viewer: Viewer, input: Fields): Promise<{ id: string }> {
  if (input.id) {
    await updateContact(viewer, { ...input, id: input.id });
    return { id: input.id };
  }
  return createContact(viewer, input);
}

export async function createContact(viewer: Viewer, input: Omit<Fields, "id" | "expectedVersion">): Promise<{ id: string }> {
  const scope = scopes.contactLogEntry(viewer, "create");
  divisionOrRefuse(viewer, input.divisionId, Object.keys(scope).length === 0);
  const values = data(input);
  return withViewer(viewer, async (tx) => {
    const row = await tx.contactLogEntry.create({ data: { ...values, createdById: viewer.id }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "contactLog.create", entityType: "ContactLogEntry", entityId: row.id, divisionId: values.divisionId, details: auditDetails(values) });
    return row;
  });
}

export async function updateContact(viewer: Viewer, input: Fields): Promise<void> {
  const scope = scopes.contactLogEntry(viewer, "update");
  divisionOrRefuse(viewer, input.divisionId, Object.keys(scope).length === 0);
  const values = data(input);
  await withViewer(viewer, async (tx) => {
    await updateVersioned(tx, "contactLogEntry", { id: input.id, expectedVersion: input.expectedVersion, scope, data: values });
    await recordAudit(tx, viewer, { action: "contactLog.update", entityType: "ContactLogEntry", entityId: input.id, divisionId: values.divisionId, details: auditDetails(values) });
  });
}

export async function deleteContact(viewer: Viewer, input: { id: string; expectedVersion: number }): Promise<void> {
  const scope = scopes.contactLogEntry(viewer, "delete");
  await withViewer(viewer, async (tx) => {
    const row = await tx.contactLogEntry.findFirst({ where: within(scope, { id: input.id }), select: { id: true, divisionId: true, version: true } });
    if (!row) throw new NotFoundError("ContactLogEntry");
    if (row.version !== input.expectedVersion) throw new StaleEditError("contactLogEntry");
    await tx.contactLogEntry.deleteMany({ where: within(scope, { id: row.id, version: input.expectedVersion }) });
    await recordAudit(tx, viewer, { action: "contactLog.delete", entityType: "ContactLogEntry", entityId: row.id, divisionId: row.divisionId });
  });
}

/** The divisions the viewer may record (action `create`) or filter (`list`) contacts for: every active one for the coordinator, else its own. */
export async function contactDivisionOptions(viewer: Viewer, action: "create" | "list" = "create"): Promise<{ id: string; name: string }[]> {
  const all = Object.keys(scopes.contactLogEntry(viewer, action)).length === 0;
  const divisions = await withViewer(viewer, (tx) =>
    tx.division.findMany({ where: all ? { active: true } : { id: { in: [...viewer.divisionIds] } }, select: { id: true, name: true } }));
  return divisions.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
