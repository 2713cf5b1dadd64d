// The production build, made only when its inputs changed: `npm start` and `npm run bench`.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../db/engine";

const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
// proxy.ts and instrumentation.ts are compiled into the build too: a change to either must rebuild.
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    const full = path.join(projectRoot, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(p, name));
    } else {
      hash.update(p).update(readFileSync(full));
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** Runs `next build` unless `.next` was built from exactly these sources. */
export function buildIfNeeded(buildEnv: Record<string, string | undefined>, step: (message: string) => void) {
  const stamp = path.join(projectRoot, ".next/varna-build-hash");
  const hash = sourceHash();
  if (existsSync(path.join(projectRoot, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    step("bygget är aktuellt.");
    return;
  }
  step("bygger appen (next build) …");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, ...buildEnv } });
  if (result.status !== 0) throw new Error("next build misslyckades");
  writeFileSync(stamp, hash);
}
