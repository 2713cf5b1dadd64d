import { describe, expect, it } from "vitest";
import { guardedText, personalDataKind, type PersonalDataKind } from "@/lib/validation/personal-data";

// The guard's table: what must be refused (and as what), and the look-alikes that must pass.
// Personal identity numbers are Skatteverket's published test numbers (19121212-1212,
// 811218-9876, 198112189876 …); co-ordination numbers have day + 60 (701063-2391).
const REFUSED: [text: string, kind: PersonalDataKind][] = [
  ["Ungdomen 19121212-1212 syntes vid torget", "personalIdentityNumber"],
  ["pnr 191212121212", "personalIdentityNumber"],
  ["121212-1212", "personalIdentityNumber"],
  ["1212121212 nämndes", "personalIdentityNumber"],
  ["född 121212+1212 (över hundra år)", "personalIdentityNumber"],
  ["811218-9876", "personalIdentityNumber"],
  ["198112189876", "personalIdentityNumber"],
  ["19811218-9876", "personalIdentityNumber"],
  ["20121212-1212", "personalIdentityNumber"],
  ["201701102384", "personalIdentityNumber"],
  ["640823-3234 i slutet.", "personalIdentityNumber"],
  ["(121212 1212)", "personalIdentityNumber"],
  ["Samordningsnummer 701063-2391", "coordinationNumber"],
  ["197010632391", "coordinationNumber"],
  ["7010632391", "coordinationNumber"],
  ["640883-3231", "coordinationNumber"],
  ["Kontakt: anna.svensson@example.se", "email"],
  ["skriv till förälder+oro@kommun.nykoping.se!", "email"],
  ["ÅSA@exempel.com", "email"],
  ["Ring 070-123 45 67", "phone"],
  ["0701234567", "phone"],
  ["+46 70 123 45 67", "phone"],
  ["+46701234567", "phone"],
  ["0046 70 123 45 67", "phone"],
  ["073-1234567", "phone"],
  ["08-123 456 78", "phone"],
  ["0155-24 50 00", "phone"],
  ["013-12 34 56", "phone"],
  ["tel. 0155/24 50 00", "phone"],
  ["(08) 123 45 67", "phone"],
];

const ACCEPTED: string[] = [
  "Organisationsnummer 212000-0142 (Nyköpings kommun)",
  "5560360793",
  "Mötet hölls 2026-11-25 i Stadshuset",
  "25-11-2026",
  "25.11.2026",
  "Sedan 2019 och under 2025",
  "Postnummer 611 83 Nyköping",
  "Bidraget var 1 250 000 kr",
  "19121212-1213 (fel kontrollsiffra)",
  "811218-9875",
  "197010632392",
  "Klockan 08.30–09.00",
  "12 personer, 3 grupper, 45 minuter",
  "Ärende 2026/1234",
  "0155 är riktnummer",
  "ring 112 vid fara",
  "Flygblad med budskap från vit makt-miljön",
  "",
];

describe("the personal-data guard", () => {
  it.each(REFUSED)("refuses %j as %s", (text, kind) => {
    expect(personalDataKind(text)).toBe(kind);
  });

  it.each(ACCEPTED)("lets %j pass", (text) => {
    expect(personalDataKind(text)).toBeNull();
  });

  it("holds at least 30 cases of each side of the table together", () => {
    expect(REFUSED.length + ACCEPTED.length).toBeGreaterThanOrEqual(30);
  });

  it("refuses through the shared schema with a Swedish message key and never the value", () => {
    const schema = guardedText({ max: 2000, required: true });
    const result = schema.safeParse("Kontakt 19121212-1212");
    expect(result.success).toBe(false);
    const issues = result.error!.issues;
    expect(issues.map((i) => i.message)).toEqual(["validation.personalData.personalIdentityNumber"]);
    expect(JSON.stringify(issues)).not.toContain("1212");
  });

  it("keeps required, trimming and length rules", () => {
    const schema = guardedText({ max: 10, required: true });
    expect(schema.safeParse("   ").error?.issues[0]?.message).toBe("required");
    expect(schema.safeParse("x".repeat(11)).error?.issues[0]?.message).toBe("tooLong");
    expect(schema.parse("  ok  ")).toBe("ok");
    expect(guardedText({ max: 10 }).parse("")).toBe("");
  });
});
