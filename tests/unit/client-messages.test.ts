// The browser gets only the catalog namespaces its page's client components use (lib/i18n/
// client-messages.ts): the global ones from the root layout, an area's own from the area's
// layout. A namespace missing there would show "invalid"/a key instead of the text, so this
// reads the source: every client component under an area, and every schema it imports, may use
// only namespaces the area (or the global list) sends; and every area with client text has a
// layout that sends it.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { AREA_CLIENT_NAMESPACES, GLOBAL_CLIENT_NAMESPACES, clientMessages, type ClientArea } from "@/lib/i18n/client-messages";

const root = path.resolve(__dirname, "../..");
const TOP = new Set(Object.keys(MESSAGES.sv));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Namespaces (dotted paths) a schema file and the schemas it imports use as message keys. */
function schemaNamespaces(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || !existsSync(file)) return [];
  seen.add(file);
  const source = readFileSync(file, "utf8");
  const keys = [...source.matchAll(/["'`]([a-zA-Z]+)\.([a-zA-Z.]+)["'`]/g)].filter((m) => TOP.has(m[1]!)).map((m) => `${m[1]}.${m[2]}`);
  const imported = [...source.matchAll(/from\s+["'](?:@\/lib\/schemas\/|\.\/)([\w./-]+)["']/g)].map((m) =>
    path.join(root, "lib/schemas", `${m[1]!.replace(/\.ts$/, "")}.ts`),
  );
  return [...keys, ...imported.flatMap((f) => schemaNamespaces(f, seen))];
}

/** What a client component file uses: useTranslations namespaces and its schemas' keys. */
function usedBy(file: string): string[] {
  const source = readFileSync(file, "utf8");
  if (!/^\s*["']use client["']/.test(source)) return [];
  const translations = [...source.matchAll(/useTranslations\(\s*(?:["']([\w.]+)["'])?\s*\)/g)].flatMap((m) =>
    // useTranslations() without a namespace: the keys its t(…) calls name in full.
    m[1] ? [m[1]] : [...source.matchAll(/\bt\(\s*["'`]([a-zA-Z]+)\.([\w.]+)/g)].filter((k) => TOP.has(k[1]!)).map((k) => `${k[1]}.${k[2]}`),
  );
  const schemas = [...source.matchAll(/from\s+["']@\/lib\/schemas\/([\w./-]+)["']/g)].flatMap((m) =>
    schemaNamespaces(path.join(root, "lib/schemas", `${m[1]}.ts`)),
  );
  return [...translations, ...schemas];
}

const covered = (used: string, sent: readonly string[]) => sent.some((s) => used === s || used.startsWith(`${s}.`));

const areaDirs = [
  ...readdirSync(path.join(root, "app/(app)")).map((name) => ({ name, dir: path.join(root, "app/(app)", name) })),
  ...readdirSync(path.join(root, "app")).filter((n) => !n.startsWith("(")).map((name) => ({ name, dir: path.join(root, "app", name) })),
].filter((a) => statSync(a.dir).isDirectory());

describe("the catalog namespaces sent to the browser", () => {
  it("cover every namespace an area's client components and their schemas use", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { name, dir } of areaDirs) {
      const sent = [...GLOBAL_CLIENT_NAMESPACES, ...((AREA_CLIENT_NAMESPACES as Record<string, readonly string[]>)[name] ?? [])];
      for (const file of files(dir)) {
        const used = usedBy(file);
        if (used.length > 0) checked++;
        for (const ns of used) if (!covered(ns, sent)) missing.push(`${path.relative(root, file)} uses ${ns}`);
      }
    }
    expect(missing).toEqual([]);
    // The check must have read the forms: dozens of client components use the catalog.
    expect(checked).toBeGreaterThan(30);
  });

  it("are sent by a layout in every area that lists namespaces", () => {
    for (const area of Object.keys(AREA_CLIENT_NAMESPACES) as ClientArea[]) {
      const dir = areaDirs.find((a) => a.name === area)?.dir;
      expect(dir, area).toBeDefined();
      expect(readFileSync(path.join(dir!, "layout.tsx"), "utf8"), area).toContain(`area="${area}"`);
    }
  });

  it("keep the tree's shape and only what is listed", () => {
    const picked = clientMessages(MESSAGES.sv, "stod-redigering");
    expect(Object.keys(picked).sort()).toEqual([...GLOBAL_CLIENT_NAMESPACES, "public"].sort());
    expect(Object.keys(picked.public as object).sort()).toEqual(["editor", "errors", "validation"]);
    expect(Object.keys(clientMessages(MESSAGES.sv)).sort()).toEqual([...GLOBAL_CLIENT_NAMESPACES].sort());
    // Far smaller than the whole catalog, which every page used to carry.
    expect(JSON.stringify(clientMessages(MESSAGES.sv)).length).toBeLessThan(JSON.stringify(MESSAGES.sv).length / 10);
  });
});
