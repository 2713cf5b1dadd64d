// Summarises a V8 CPU profile (node --cpu-prof) as self time per function and per package, so a
// profile can be read in a text file: node scripts/bench/profile-summary.mjs <file.cpuprofile>
import { readFileSync } from "node:fs";

const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fns = new Map();
const pkgs = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = byId.get(id);
  const where = f.url.replace(/^file:\/\//, "").replace(/.*\/node_modules\//, "");
  const key = `${f.functionName || "(anonymous)"}  ${where.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
  const pkg = !f.url ? f.functionName || "(native)" : f.url.includes("/node_modules/") ? where.split("/").slice(0, where.startsWith("@") ? 2 : 1).join("/") : f.url.includes("/.next/") ? "app bundle (.next)" : f.url.startsWith("node:") ? "node core" : where;
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `| ${((100 * v) / total).toFixed(1)} % | ${(v / 1000).toFixed(0)} ms | \`${k.replaceAll("|", "\\|")}\` |`);
console.log(`Total sampled: ${(total / 1e6).toFixed(1)} s\n\n### Self time by package\n\n| share | time | package |\n|---:|---:|---|\n${top(pkgs, 15).join("\n")}\n\n### Self time by function (top 30)\n\n| share | time | function |\n|---:|---:|---|\n${top(fns, 30).join("\n")}`);
