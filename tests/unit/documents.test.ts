import { createElement as h } from "react";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/server/documents/csv";
import { downloadResponse } from "@/lib/server/documents/download";
import { PdfDocument, PdfParagraph, PdfSection, PdfTable, formatDateSv, renderPdf } from "@/lib/server/documents/pdf";
import { buildWorkbook } from "@/lib/server/documents/xlsx";

async function pdfPages(bytes: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: false });
  return { text: text as string[], totalPages };
}

describe("the PDF kit", () => {
  it("writes a title page, sections, a table with Swedish numbers and page numbers", { timeout: 60_000 }, async () => {
    const many = Array.from({ length: 120 }, (_, i) => [`Rad ${i + 1}`, i * 1000]);
    const bytes = await renderPdf(
      h(PdfDocument, {
        title: "Lägesbild för Nyköpings kommun",
        letterhead: { municipality: "Nyköpings kommun", logoText: "NYK VBE" },
        meta: [["Period", "1 oktober 2026 – 31 oktober 2026"]],
        generatedAt: new Date("2026-11-25T08:00:00Z"),
        children: [
          h(PdfSection, { key: "a", title: "Våldsbejakande högerextremism" }, h(PdfParagraph, null, "Närvaro och aktiviteter – åäö ÅÄÖ é.")),
          h(PdfSection, { key: "b", title: "Tabell" }, h(PdfTable, { columns: [{ header: "Namn", width: 2 }, { header: "Antal" }], rows: many })),
        ],
      }),
    );
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, totalPages } = await pdfPages(bytes);
    expect(totalPages).toBeGreaterThan(2);
    expect(text[0]).toContain("Lägesbild för Nyköpings kommun");
    expect(text[0]).toContain("25 november 2026");
    // The letterhead: the logo text and the municipality on the title page and atop every page.
    expect(text[0]).toContain("NYK VBE");
    expect(text[0]).toContain("Nyköpings kommun");
    expect(text[1]).toContain("NYK VBE · Nyköpings kommun");
    expect(text[1]).toContain("Närvaro och aktiviteter – åäö ÅÄÖ é.");
    expect(text[1]).toContain(`Sida 2 av ${totalPages}`);
    // Swedish digit grouping (a non-breaking space) in the table.
    expect(text.join(" ").replace(/\s/g, " ")).toContain("119 000");
  });

  it("formats dates the Swedish way in Stockholm time", () => {
    expect(formatDateSv(new Date("2026-12-31T23:30:00Z"))).toBe("1 januari 2027");
  });
});

describe("the spreadsheet kit", () => {
  it("keeps numbers as numbers and dates as dates under a bold header", async () => {
    const bytes = await buildWorkbook([
      {
        name: "Täckning",
        preamble: ["Täckning per förvaltning"],
        columns: [
          { header: "Förvaltning", key: "division", width: 30 },
          { header: "Utbildade", key: "trained", type: "number" },
          { header: "Datum", key: "on", type: "date" },
        ],
        rows: [{ division: "Barn- och utbildningsförvaltningen", trained: 42, on: new Date("2026-11-01T00:00:00Z") }],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Täckning")!;
    expect(ws.getCell("A1").value).toBe("Täckning per förvaltning");
    expect(ws.getRow(3).getCell(1).value).toBe("Förvaltning");
    expect(ws.getRow(3).font?.bold).toBe(true);
    expect(ws.getRow(4).getCell(2).value).toBe(42);
    expect(ws.getRow(4).getCell(3).value).toBeInstanceOf(Date);
    expect(ws.getColumn(1).width).toBe(30);
  });
});

describe("CSV and downloads", () => {
  it("writes Swedish-Excel CSV and neutralises formulas", () => {
    const csv = toCsv(
      [{ header: "Text", key: "t" }, { header: "Antal", key: "n" }],
      [{ t: "=HYPERLINK(\"http://x\")", n: 1.5 }, { t: "a;b", n: 2 }, { t: "-1+1", n: null }],
    );
    expect(csv.startsWith("\uFEFFText;Antal\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";1,5\r\n`);
    expect(csv).toContain(`"a;b";2\r\n`);
    expect(csv).toContain(`'-1+1;\r\n`);
  });

  it("names the attachment so åäö survive and never caches it", async () => {
    const res = downloadResponse("x", { filename: "Lägesbild oktober.csv", kind: "csv" });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Lagesbild oktober.csv"; filename*=UTF-8''L%C3%A4gesbild%20oktober.csv`,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).toBe("x");
  });
});
