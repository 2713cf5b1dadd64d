// `npm start` on a fresh clone: install what is missing, then hand over to scripts/start.ts.
// Plain JavaScript because nothing else is installed yet when it runs.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const installed = path.join(root, "node_modules/.package-lock.json");
const lock = path.join(root, "package-lock.json");

const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
if (stale) {
  console.log("Värna: installerar beroenden (npm install) …");
  // `npm install` rather than `npm ci`: ci refuses this lockfile because the registry's
  // metadata lists optional platform packages the lockfile cannot hold (see docs/decisions).
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The Prisma client must exist before start.ts is loaded: it imports it.
const generated = spawnSync(process.execPath, [path.join(root, "scripts/generate.mjs")], { cwd: root, stdio: "inherit" });
if (generated.status !== 0) process.exit(generated.status ?? 1);

const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const child = spawn(
  process.execPath,
  [tsx, "--conditions=react-server", path.join(root, "scripts/start.ts"), ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
