import { describe, expect, it } from "vitest";
import sv from "@/lib/i18n/messages/sv.json";
import en from "@/lib/i18n/messages/en.json";
import { NAV_ITEMS } from "@/lib/access/navigation";
import { ROLES } from "@/lib/access/permissions";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message catalogs", () => {
  it("have the same keys in Swedish and English", () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });

  it("have no empty texts", () => {
    const empty = (obj: object) => keys(obj).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj) === "");
    expect(empty(sv)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it("name every navigation item and every role", () => {
    const all = new Set(keys(sv));
    for (const item of NAV_ITEMS) expect(all).toContain(`nav.${item.label}`);
    for (const role of ROLES) expect(all).toContain(`roles.${role}`);
  });
});
