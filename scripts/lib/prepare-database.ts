// The database steps of `npm start`: migrations, then (first start only) the seed — with demo
// data only when the start is a laptop's (prisma/seed/policy.ts).
import type { Env } from "@/lib/env";
import { applyMigrations } from "../db/engine";
import { needsSeed, seed } from "@/prisma/seed/index";
import { demoSeedWanted } from "@/prisma/seed/policy";

export type Prepared = { applied: string[]; seeded: boolean; demo: boolean };

export async function prepareDatabase(url: string, env: Env, nodeEnv = process.env.NODE_ENV, log: (m: string) => void = () => {}): Promise<Prepared> {
  const applied = await applyMigrations(url);
  log(applied.length ? `tillämpade ${applied.length} migrering(ar).` : "databasschemat är aktuellt.");
  const demo = demoSeedWanted({ databaseUrl: env.DATABASE_URL, nodeEnv, varnaEnv: env.VARNA_ENV, demoData: env.VARNA_DEMO_DATA });
  if (!(await needsSeed(url))) return { applied, seeded: false, demo: false };
  log("första start: lägger in grunddata" + (demo ? " och demodata …" : " …"));
  await seed(url, { demo });
  return { applied, seeded: true, demo };
}
