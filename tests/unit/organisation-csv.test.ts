// The organisation CSV file's parsing (issue 16): separators, quotes, the header in any order,
// a problem per bad line with the line number a spreadsheet shows.
import { describe, expect, it } from "vitest";
import { CSV_TEMPLATE, parseOrganisationCsv } from "@/lib/organisation-csv";

describe("parseOrganisationCsv", () => {
  it("reads the template", () => {
    const { rows, problems } = parseOrganisationCsv(CSV_TEMPLATE);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, kind: "division", code: "BUK", name: "Barn och utbildning", sortOrder: 1 },
      { line: 3, kind: "district", code: "", name: "Centrum", sortOrder: 1 },
      { line: 4, kind: "staffCategory", code: "", name: "Lärare", sortOrder: 1 },
    ]);
  });

  it("takes commas, a BOM, quotes with the separator and doubled quotes inside, columns in any order, English words", () => {
    const { rows, problems } = parseOrganisationCsv('\uFEFFname,type,code\n"Skola, fritid",division,sf\n"Säg ""hej""",district,\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, kind: "division", code: "SF", name: "Skola, fritid", sortOrder: null },
      { line: 3, kind: "district", code: "", name: 'Säg "hej"', sortOrder: null },
    ]);
  });

  it("names each bad line and skips blank ones", () => {
    const { rows, problems } = parseOrganisationCsv("typ;kod;namn;ordning\n\nförvaltning;;X;1\nområde;;Y;-1\nområde;;Y;2\nområde;;y;3\npersonalkategori;;Z\u0007;\n");
    expect(rows.map((r) => r.name)).toEqual(["Y"]);
    expect(problems).toEqual([
      { line: 3, messageKey: "organisation.import.problems.codeMissing" },
      { line: 4, messageKey: "organisation.import.problems.sortOrder" },
      { line: 6, messageKey: "organisation.import.problems.duplicate" },
      { line: 7, messageKey: "organisation.import.problems.nameInvalid" },
    ]);
  });

  it("needs a header with the type and the name, and at least one row", () => {
    expect(parseOrganisationCsv("a;b\n1;2").problems).toEqual([{ line: 1, messageKey: "organisation.import.problems.header" }]);
    expect(parseOrganisationCsv("typ;namn\n").problems).toEqual([{ line: 1, messageKey: "organisation.import.problems.empty" }]);
  });
});
