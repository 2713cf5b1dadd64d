import { describe, expect, it } from "vitest";
import { isSafeHref, parseInline, parseMarkup, telHref, unsafeLinks } from "@/lib/markup/restricted";
import { needsReview } from "@/lib/markup/freshness";
import { draftSchema } from "@/lib/schemas/public-content";

describe("restricted markup", () => {
  it("reads paragraphs, lists, bold and links", () => {
    expect(parseMarkup("Första stycket\nfortsätter.\n\n- ett\n- **två**\n\nSe [polisen](https://polisen.se).")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "Första stycket fortsätter." }] },
      {
        type: "list",
        items: [[{ type: "text", text: "ett" }], [{ type: "strong", children: [{ type: "text", text: "två" }] }]],
      },
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Se " },
          { type: "link", href: "https://polisen.se", text: "polisen" },
          { type: "text", text: "." },
        ],
      },
    ]);
  });

  it("keeps HTML as text: nothing in it becomes an element or an attribute", () => {
    const blocks = parseMarkup('<script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(blocks).toEqual([
      { type: "paragraph", children: [{ type: "text", text: '<script>alert(1)</script> <img src=x onerror="alert(1)">' }] },
    ]);
  });

  it("shows links to unsafe targets as plain text", () => {
    expect(parseInline("[klicka](javascript:alert(1))")[0]).toMatchObject({ type: "text" });
    expect(parseInline("[bild](data:text/html;base64,PHNjcmlwdD4=)")[0]).toMatchObject({ type: "text" });
    expect(isSafeHref("tel:114 14")).toBe(true);
    expect(isSafeHref("mailto:kontakt@kommun.example")).toBe(true);
    expect(isSafeHref("#kontakt-police")).toBe(true);
    expect(isSafeHref("//evil.example")).toBe(false);
    expect(unsafeLinks("[a](javascript:x) [b](https://ok.example)")).toEqual(["javascript:x"]);
  });

  it("turns a phone number as people write it into a tel: link", () => {
    expect(telHref("020-100 200")).toBe("tel:020100200");
    expect(telHref("114 14")).toBe("tel:11414");
    expect(telHref("+46 155-24 80 00")).toBe("tel:+46155248000");
  });
});

describe("contact freshness", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  it("flags a contact never verified", () => expect(needsReview(null, 6, now)).toBe(true));
  it("flags a contact verified longer ago than the interval", () => {
    expect(needsReview(new Date("2026-05-23T12:00:00Z"), 6, now)).toBe(true);
    expect(needsReview(new Date("2026-06-01T12:00:00Z"), 6, now)).toBe(false);
    expect(needsReview(new Date("2026-06-01T12:00:00Z"), 3, now)).toBe(true);
  });
});

describe("the draft schema", () => {
  const valid = {
    locale: "sv",
    draftId: "",
    expectedVersion: 0,
    title: "Stöd till anhöriga",
    intro: "",
    sections: [{ key: "what", heading: "Vad?", body: "Text." }],
    contacts: [{ key: "police", name: "Polisen", phone: "114 14", hours: "", url: "https://polisen.se", description: "" }],
    guide: [{ situation: "Brott planeras", contactKey: "police", urgent: false }],
  };

  it("accepts a complete draft", () => expect(draftSchema.safeParse(valid).success).toBe(true));

  it("names the field and the catalog message of each problem", () => {
    const result = draftSchema.safeParse({
      ...valid,
      contacts: [{ ...valid.contacts[0], phone: "ring mig", url: "javascript:alert(1)" }],
      guide: [{ situation: "x", contactKey: "saknas", urgent: false }],
      sections: [{ key: "what", heading: "", body: "[x](javascript:alert(1))" }],
    });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({
      "contacts.0.phone": "public.validation.phone",
      "contacts.0.url": "public.validation.url",
      "guide.0.contactKey": "public.validation.unknownContact",
      "sections.0.heading": "required",
      "sections.0.body": "public.validation.unsafeLink",
    });
  });
});
