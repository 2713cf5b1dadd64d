// Finds — or brings — the Chromium the browser tests run in, so `npm test` works on a fresh
// machine with no manual step. Plain JavaScript: playwright.config.ts runs it as a child
// process (the npm-package fallback is asynchronous and Playwright's config is not).
//
//   1. CHROMIUM_PATH, when set and the file exists;
//   2. Debian's /usr/bin/chromium;
//   3. as root with apt-get: install Debian's `chromium` (~20 s);
//   4. the Chromium shipped inside the npm package @sparticuz/chromium (67 MB, installed on
//      demand into node_modules/.cache, never into the project's dependencies);
//   5. otherwise a message saying what to install.
//
// VARNA_SYSTEM_CHROMIUM=0 hides steps 2 and 3 (used to prove the fallback works here, on a
// machine that has Debian's Chromium).
//
//   node scripts/e2e/browser.mjs --json    prints {source, executablePath, args, env}
//   node scripts/e2e/browser.mjs --check   also launches it and opens a page
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
export const NPM_CHROMIUM = "@sparticuz/chromium@153.0.0";
const NPM_PREFIX = path.join(root, "node_modules/.cache/varna-e2e-browser");

/** Flags for a desktop Chromium in a container: no sandbox (root), no GPU, nothing phoning home. */
export const SYSTEM_ARGS = [
  "--no-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const say = (message) => process.stderr.write(`e2e-webbläsare: ${message}\n`);

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function installDebianChromium() {
  say("ingen Chromium hittades; installerar Debians paket `chromium` (apt-get update && apt-get install -y chromium, ca 20 s) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"], env });
  if (update.status !== 0) return false;
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: ["ignore", "ignore", "inherit"], env });
  return install.status === 0 && existsSync(SYSTEM_CHROMIUM);
}

async function npmPackageChromium() {
  const pkg = path.join(NPM_PREFIX, "node_modules/@sparticuz/chromium");
  if (!existsSync(path.join(pkg, "package.json"))) {
    say(`installerar ${NPM_CHROMIUM} (67 MB, en Chromium i ett npm-paket) i ${path.relative(root, NPM_PREFIX)} …`);
    mkdirSync(NPM_PREFIX, { recursive: true });
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(
      npm,
      ["install", "--prefix", NPM_PREFIX, "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", NPM_CHROMIUM],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (result.status !== 0 || !existsSync(path.join(pkg, "package.json"))) return null;
  }
  const { default: chromium, inflate, setupLambdaEnvironment } = await import(pathToFileURL(path.join(pkg, "build/index.js")).href);
  const executablePath = await chromium.executablePath();
  // The package's own libraries (NSS and friends), which a machine without a desktop
  // browser usually lacks; the package only unpacks them on Amazon Linux by itself.
  const libs = path.join(tmpdir(), "al2023", "lib");
  if (!existsSync(libs)) await inflate(path.join(pkg, "bin/al2023.tar.br"));
  setupLambdaEnvironment(libs);
  const env = {};
  for (const key of ["LD_LIBRARY_PATH", "FONTCONFIG_PATH", "HOME"]) if (process.env[key]) env[key] = process.env[key];
  // Not the package's own flags: they are made for a serverless function (one process, web
  // security off), which breaks a second browser context and the CSP the tests check.
  return { source: "npm", executablePath, args: SYSTEM_ARGS, env };
}

/** The browser to launch: where it is, how to start it, and where it came from. */
export async function resolveBrowser() {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) {
    if (existsSync(wanted)) return { source: "CHROMIUM_PATH", executablePath: wanted, args: SYSTEM_ARGS, env: {} };
    say(`CHROMIUM_PATH=${wanted} finns inte; letar vidare.`);
  }
  const systemAllowed = process.env.VARNA_SYSTEM_CHROMIUM !== "0";
  if (systemAllowed && existsSync(SYSTEM_CHROMIUM)) {
    return { source: "system", executablePath: SYSTEM_CHROMIUM, args: SYSTEM_ARGS, env: {} };
  }
  if (systemAllowed && process.getuid?.() === 0 && onPath("apt-get") && installDebianChromium()) {
    return { source: "apt", executablePath: SYSTEM_CHROMIUM, args: SYSTEM_ARGS, env: {} };
  }
  const packaged = await npmPackageChromium().catch((error) => {
    say(`${NPM_CHROMIUM} gick inte att använda: ${error instanceof Error ? error.message : error}`);
    return null;
  });
  if (packaged) return packaged;
  throw new Error(
    [
      "Ingen Chromium för webbläsartesterna. Installera en av dem och kör igen:",
      "  apt-get install chromium          (Debian/Ubuntu, som root)",
      `  npm install --prefix ${path.relative(root, NPM_PREFIX)} ${NPM_CHROMIUM}`,
      "  eller peka CHROMIUM_PATH på en befintlig Chromium/Chrome.",
      "No Chromium for the browser tests. Install Debian's `chromium` (as root), let npm fetch",
      `${NPM_CHROMIUM}, or point CHROMIUM_PATH at an existing Chromium or Chrome.`,
    ].join("\n"),
  );
}

/** Launches the resolved browser through Playwright and opens a page: proof it works. */
async function check(browser) {
  const { chromium } = await import("@playwright/test");
  const instance = await chromium.launch({ executablePath: browser.executablePath, args: browser.args, env: { ...process.env, ...browser.env } });
  try {
    // Two contexts one after the other, as the test runner opens them (a serverless build
    // launched with its own one-process flags fails the second).
    for (let i = 0; i < 2; i++) {
      const context = await instance.newContext();
      const page = await context.newPage();
      await page.setContent("<title>Värna</title><p id=ok>öppnad</p>");
      const text = await page.locator("#ok").textContent();
      if ((await page.title()) !== "Värna" || text !== "öppnad") throw new Error("sidan visades inte");
      await context.close();
    }
    say(`${browser.source}: ${browser.executablePath} (${instance.version()}) öppnade en sida.`);
  } finally {
    await instance.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const browser = await resolveBrowser();
    if (process.argv.includes("--check")) await check(browser);
    if (process.argv.includes("--json")) process.stdout.write(JSON.stringify(browser));
    else if (!process.argv.includes("--check")) say(`${browser.source}: ${browser.executablePath}`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
