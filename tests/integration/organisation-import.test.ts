// Issue 16: an organisation from a CSV file. The dry run changes nothing (row counts before
// and after), the real run does exactly what the dry run listed, and a file with problems is
// refused whole.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Catalog work and several transactions per test, on a shared two-core machine.
vi.setConfig({ testTimeout: 180_000 });
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { DomainRuleError } from "@/lib/server/errors";
import { importOrganisation } from "@/lib/server/organisation/import-csv";
import { seedOrganisation } from "@/prisma/seed/organisation";
import { createUser } from "@/prisma/factories";

let admin: Viewer;

const counts = async () => ({
  divisions: await ownerDb().division.count(),
  districts: await ownerDb().district.count(),
  staffCategories: await ownerDb().staffCategory.count(),
  audit: await ownerDb().auditEvent.count(),
  names: JSON.stringify([
    await ownerDb().division.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, sortOrder: true, version: true } }),
    await ownerDb().district.findMany({ orderBy: { name: "asc" }, select: { name: true, sortOrder: true, version: true } }),
  ]),
});

beforeAll(async () => {
  // Nyköping's organisation, as the seed makes it: the default an import starts from.
  await ownerDb().$transaction((tx) => seedOrganisation(tx), { timeout: 120_000 });
  const u = await createUser(ownerDb(), { role: "ADMIN" });
  admin = { id: u.id, name: u.name, email: u.email, role: "ADMIN", divisionIds: [] };
});

const FILE = [
  "\uFEFFtyp;kod;namn;ordning",
  "förvaltning;BUK;Barn, utbildning och språk;1", // renamed
  "förvaltning;DSO;Social omsorg;9", // new order
  "förvaltning;KOF;Kultur och fritid;3", // as it is
  "förvaltning;SBF;Samhällsbyggnad;5", // new
  "område;;Centrum;4", // new order
  "område;;Kolmården;11", // new
  "personalkategori;;\"Fritidsledare; fältare\";", // new, quoted with the separator inside
  "",
].join("\r\n");

describe("importing an organisation from CSV", () => {
  it("dry run: lists what would be created, renamed, changed or left alone, and changes nothing", async () => {
    const before = await counts();
    const dry = await importOrganisation(admin, { csv: FILE, dryRun: true });
    expect(await counts()).toEqual(before);
    expect(dry.problems).toEqual([]);
    expect(dry.lines.map((l) => [l.line, l.kind, l.action, l.name, l.previousName])).toEqual([
      [2, "division", "rename", "Barn, utbildning och språk", "Barn och utbildning"],
      [3, "division", "update", "Social omsorg", null],
      [4, "division", "unchanged", "Kultur och fritid", null],
      [5, "division", "create", "Samhällsbyggnad", null],
      [6, "district", "update", "Centrum", null],
      [7, "district", "create", "Kolmården", null],
      [8, "staffCategory", "create", "Fritidsledare; fältare", null],
    ]);
    expect(dry.counts).toEqual({ create: 3, rename: 1, update: 2, unchanged: 1 });
  });

  it("real run: does what the dry run listed, in one audited transaction", async () => {
    const before = await counts();
    const dry = await importOrganisation(admin, { csv: FILE, dryRun: true });
    const real = await importOrganisation(admin, { csv: FILE, dryRun: false });
    expect(real.lines).toEqual(dry.lines);
    expect(real.counts).toEqual(dry.counts);
    const after = await counts();
    expect(after.divisions).toBe(before.divisions + 1);
    expect(after.districts).toBe(before.districts + 1);
    expect(after.staffCategories).toBe(before.staffCategories + 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(await ownerDb().division.findUniqueOrThrow({ where: { code: "BUK" }, select: { name: true, version: true } })).toEqual({ name: "Barn, utbildning och språk", version: 2 });
    expect((await ownerDb().division.findUniqueOrThrow({ where: { code: "DSO" } })).sortOrder).toBe(9);
    expect(await ownerDb().staffCategory.count({ where: { name: "Fritidsledare; fältare" } })).toBe(1);
    const event = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "organisation.import" }, select: { actorId: true, details: true } });
    expect(event.actorId).toBe(admin.id);
    expect(event.details).toMatchObject({ counts: { create: 3, rename: 1, update: 2, unchanged: 1 } });
    // Run again: everything is as the file says.
    const again = await importOrganisation(admin, { csv: FILE, dryRun: true });
    expect(again.counts).toEqual({ create: 0, rename: 0, update: 0, unchanged: 7 });
  });

  it("a file with problems: the dry run names the lines, the real run changes nothing", async () => {
    const bad = [
      "typ;kod;namn;ordning",
      "förvaltning;;Utan kod;1",
      "planet;X;Mars;1",
      "område;;;1",
      "område;;Harg;x",
      "förvaltning;NY;Social omsorg;1", // a name another division (DSO) has
      "område;;Nyby;1",
      "område;;nyby;2",
    ].join("\n");
    const dry = await importOrganisation(admin, { csv: bad, dryRun: true });
    expect(dry.problems.map((p) => [p.line, p.messageKey.split(".").pop()])).toEqual([
      [2, "codeMissing"], [3, "kind"], [4, "name"], [5, "sortOrder"], [6, "nameTaken"], [8, "duplicate"],
    ]);
    const before = await counts();
    const error = await importOrganisation(admin, { csv: bad, dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainRuleError);
    expect((error as DomainRuleError).messageKey).toBe("organisation.import.errors.hasProblems");
    expect(await counts()).toEqual(before);
  });

  it("refuses a file without the header it needs", async () => {
    const dry = await importOrganisation(admin, { csv: "a;b\n1;2", dryRun: true });
    expect(dry.problems).toEqual([{ line: 1, messageKey: "organisation.import.problems.header" }]);
  });
});
