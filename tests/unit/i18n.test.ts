import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { NAV_ITEMS } from "@/lib/access/navigation";
import { ROLES } from "@/lib/access/permissions";

const { sv, en } = MESSAGES;

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function valueAt(obj: object, key: string): unknown {
  return key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj);
}

describe("message catalogs", () => {
  it("have the same keys in Swedish and English", () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });

  it("have no empty texts", () => {
    expect(keys(sv).filter((k) => valueAt(sv, k) === "")).toEqual([]);
    expect(keys(en).filter((k) => valueAt(en, k) === "")).toEqual([]);
  });

  it("name every navigation item and every role", () => {
    const all = new Set(keys(sv));
    for (const item of NAV_ITEMS) expect(all).toContain(`nav.${item.label}`);
    for (const role of ROLES) expect(all).toContain(`roles.${role}`);
  });
});
