// Generates the Prisma client into lib/server/generated when schema.prisma changed.
// Plain JavaScript because it runs from `postinstall`, before anything else is set up.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = path.join(root, "prisma/schema.prisma");
const out = path.join(root, "lib/server/generated/prisma");
const stamp = path.join(out, ".schema-hash");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");

if (!existsSync(prismaCli)) process.exit(0); // a partial install: nothing to generate with yet

const pkg = JSON.parse(readFileSync(path.join(root, "node_modules/prisma/package.json"), "utf8"));
const hash = createHash("sha256").update(readFileSync(schema)).update(pkg.version).digest("hex");
const force = process.argv.includes("--force");
if (!force && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) process.exit(0);

// `prisma generate` downloads the native schema engine unless this points at a file; the
// client itself needs no engine (driver adapter), so any existing file will do. Only set
// for generate: with it set, `prisma migrate deploy` silently does nothing.
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, hash);
