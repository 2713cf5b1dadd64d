// Starts the app for the browser tests on a fresh embedded database (demo data, first run).
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.resolve(root, process.env.VARNA_DATA_DIR ?? ".data/e2e");
if (!dataDir.startsWith(path.join(root, ".data"))) throw new Error(`refusing to wipe ${dataDir}`);
rmSync(dataDir, { recursive: true, force: true });
delete process.env.DATABASE_URL;
await import("../../scripts/bootstrap.mjs");
