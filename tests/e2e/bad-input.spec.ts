// Bad input never answers 500: every page under app/ (found on disk, so a new page is walked
// without anyone remembering to add it) is requested by an anonymous visitor and by every
// demo role with impossible search params and route params — over-long text, NUL bytes,
// impossible dates, numbers beyond PostgreSQL's integer, malformed ids and percent-escapes.
// Each answer is a page (200), a redirect, 403 or 404; never 5xx.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEMO_USERS, expect, signIn, test } from "./fixtures";

const APP = path.resolve("app");

/** Every page's route pattern, e.g. `/lagesbild/[id]`, from app/**\/page.tsx. */
function pagePatterns(dir = APP): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pagePatterns(full));
    else if (name === "page.tsx") {
      const route = path
        .relative(APP, dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("_"))
        .join("/");
      out.push(`/${route}`);
    }
  }
  return out.sort();
}

// Long enough to be refused by every schema, short enough for Node's 16 KB header limit (431).
const LONG = "x".repeat(1000);
const NUL = "%00";
const BEYOND_INT = "2147483648";
const HUGE = "99999999999999999999";

/** Search params every page gets: each name any page reads, with impossible values. */
const QUERIES = [
  `q=${NUL}&action=${NUL}&entityType=${NUL}&actor=${NUL}`,
  `q=${LONG}&action=${LONG}&entityType=${LONG}&actor=${LONG}`,
  `from=2024-13-45&to=2024-02-30`,
  `from=0000-01-01&to=99999-12-31`,
  `page=${BEYOND_INT}`,
  `page=${HUGE}&publicerad=${HUGE}`,
  `page=-1&publicerad=0`,
  `environment=${NUL}&status=toString&sprak=constructor&error=constructor`,
  `q=a&q=b&page=1&page=2&sprak=sv&sprak=en`,
  `q=%ZZ&action=%E0%A4%A`,
];

/** Values for each kind of dynamic segment: malformed, impossible, or naming nothing. */
const SEGMENT_VALUES: Record<string, string[]> = {
  id: ["inte-ett-id", NUL, "%ZZ", LONG.slice(0, 300), "00000000-0000-0000-0000-000000000000", "'%20OR%201=1--"],
  locale: ["xx", NUL, "%ZZ", "constructor", "__proto__"],
  number: [BEYOND_INT, HUGE, "0", "-1", "1e3", "%ZZ", "1.5"],
};

function urlsFor(pattern: string): string[] {
  const dynamic = [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
  const plain = pattern.replace(/\[locale\]/g, "sv").replace(/\[number\]/g, "1").replace(/\[id\]/g, "00000000-0000-4000-8000-000000000000");
  const urls = QUERIES.map((q) => `${plain}?${q}`);
  for (const name of dynamic) {
    for (const value of SEGMENT_VALUES[name] ?? ["%ZZ"]) {
      urls.push(pattern.replace(`[${name}]`, value).replace(/\[locale\]/g, "sv").replace(/\[number\]/g, "1").replace(/\[id\]/g, "x"));
    }
  }
  return urls;
}

const PATTERNS = pagePatterns();
const ROLES = [null, ...new Map(DEMO_USERS.map((u) => [u.role, u])).values()];

test("the walk covers every page", () => {
  expect(PATTERNS).toContain("/lagesbild/[id]");
  expect(PATTERNS).toContain("/admin/logg");
  expect(PATTERNS.length).toBeGreaterThanOrEqual(20);
});

for (const user of ROLES) {
  test(`no 500 for ${user ? user.role : "an anonymous visitor"} on any page with bad parameters`, async ({ page }) => {
    test.setTimeout(600_000);
    if (user) await signIn(page, user.email);
    const failures: string[] = [];
    let requests = 0;
    for (const pattern of PATTERNS) {
      for (const url of urlsFor(pattern)) {
        const response = await page.request.get(url, { maxRedirects: 0 });
        requests++;
        if (response.status() >= 500) failures.push(`${response.status()} ${url.slice(0, 120)}`);
      }
    }
    console.log(`${user?.role ?? "anonymous"}: ${PATTERNS.length} pages, ${requests} requests, ${failures.length} × 5xx`);
    expect(failures).toEqual([]);
  });
}

test("a malformed percent-escape in a path answers the Swedish not-found page", async ({ page }) => {
  await signIn(page, "samordnare@nykoping.example");
  const response = await page.request.get("/lagesbild/%ZZ", { maxRedirects: 0 });
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("Sidan finns inte");
});

test("an impossible audit filter falls back to no filter and reaches no database error", async ({ page }) => {
  await signIn(page, "samordnare@nykoping.example");
  const response = await page.goto(`/admin/logg?from=2024-13-45&actor=${NUL}&action=${LONG}`);
  expect(response!.status()).toBe(200);
  await expect(page.getByLabel("Från")).toHaveValue("");
  await expect(page.getByRole("table")).toBeVisible();
});
