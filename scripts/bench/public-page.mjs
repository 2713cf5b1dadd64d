// npm run bench:public [-- --url http://localhost:3221] [--port 3230]
// Plain JavaScript on purpose: Lighthouse sends functions to the page as source text, and a
// TypeScript loader (tsx) rewrites them with helpers the page does not have ("__name").
// Lighthouse scores of the public support page (/stod, /en/stod) in Debian's Chromium, as a
// phone (Lighthouse's default: emulated mid-range phone, simulated slow 4G) and as a desktop.
// Reuses the app at --url (or BENCH_URL) when it answers; otherwise starts one as `npm start`
// does, on a fresh embedded database in .data/bench, and stops it afterwards.
// Prints the scores, writes docs/benchmarks/public-page.md, and fails below 95.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const PATHS = ["/stod", "/en/stod"];
const THRESHOLD = 95;
// Lighthouse's own advice for its run-to-run variance: several runs, the median counts.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function argument(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function healthy(base) {
  try {
    return (await fetch(new URL("/api/health", base), { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

async function startApp(port) {
  const dataDir = path.join(root, ".data/bench");
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`Startar appen på port ${port} (ny databas i .data/bench) …`);
  const child = spawn(process.execPath, [path.join(root, "scripts/bootstrap.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), VARNA_DATA_DIR: ".data/bench", DATABASE_URL: "" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const base = `http://localhost:${port}`;
  // The app's own process group: stopping it takes its embedded database with it.
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  const deadline = Date.now() + 10 * 60_000;
  while (!(await healthy(base))) {
    if (child.exitCode !== null) throw new Error(`Appen avslutades (kod ${child.exitCode}) innan den svarade.`);
    if (Date.now() > deadline) {
      stop();
      throw new Error("Appen svarade inte inom 10 minuter.");
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { base, stop };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

async function measure(base) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
  const rows = [];
  try {
    for (const p of PATHS) {
      for (const formFactor of ["phone", "desktop"]) {
        const url = new URL(p, base).toString();
        // A first visit warms the server's data cache, as a real page is warm after the first visitor.
        await fetch(url);
        const runs = [];
        for (let run = 0; run < RUNS; run++) {
          const result = await lighthouse(
            url,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES },
            formFactor === "desktop" ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse gav inget resultat för ${url}`);
          runs.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)])));
        }
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r[c]))]));
        rows.push({ path: p, formFactor, scores, runs });
        console.log(
          `${p.padEnd(9)} ${formFactor.padEnd(6)} ${CATEGORIES.map((c) => `${c} ${scores[c]} (${runs.map((r) => r[c]).join("/")})`).join("  ")}`,
        );
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

function gitCommit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "okänd";
  }
}

function report(rows, base) {
  const lighthouseVersion = JSON.parse(readFileSync(path.join(root, "node_modules/lighthouse/package.json"), "utf8")).version;
  let chromium = "okänd";
  try {
    chromium = execFileSync(chromePath, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    /* not fatal for the report */
  }
  const lines = [
    "# Lighthouse: the public support page",
    "",
    "Written by `npm run bench:public` (scripts/bench/public-page.mjs); do not edit by hand.",
    "",
    `- measured: ${new Date().toISOString()} at commit ${gitCommit()}, against ${base} (\`next start\`, embedded PostgreSQL)`,
    `- Lighthouse ${lighthouseVersion}, ${chromium}, flags --headless --no-sandbox --disable-gpu`,
    "- phone: Lighthouse's default (emulated phone, simulated slow 4G, 4× CPU slowdown); desktop: its desktop preset",
    `- ${RUNS} runs per page and form factor; the table shows the median, the runs in brackets`,
    `- machine load while measuring (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.cpus().length} CPUs (shared)`,
    `- threshold: ${THRESHOLD} in every category`,
    "",
    "| page | form factor | performance | accessibility | best practices | SEO |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.path} | ${r.formFactor} | ${CATEGORIES.map((c) => `${r.scores[c]} (${r.runs.map((x) => x[c]).join("/")})`).join(" | ")} |`),
    "",
  ];
  return lines.join("\n");
}

async function main() {
  const requested = argument("url") ?? process.env.BENCH_URL;
  let app;
  let base;
  if (requested && (await healthy(requested))) {
    base = requested;
    console.log(`Använder appen som redan kör på ${base}.`);
  } else {
    if (requested) console.log(`${requested} svarar inte – startar en egen app.`);
    app = await startApp(Number(argument("port") ?? process.env.BENCH_PORT ?? 3230));
    base = app.base;
  }
  try {
    const rows = await measure(base);
    const file = path.join(root, "docs/benchmarks/public-page.md");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, report(rows, base));
    console.log(`\nResultatet är skrivet till ${path.relative(root, file)}.`);
    const low = rows.flatMap((r) => CATEGORIES.filter((c) => r.scores[c] < THRESHOLD).map((c) => `${r.path} ${r.formFactor} ${c} ${r.scores[c]}`));
    if (low.length) {
      console.error(`Under ${THRESHOLD}: ${low.join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    app?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
