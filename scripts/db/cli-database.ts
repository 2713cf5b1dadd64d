import path from "node:path";
import { ownerDatabaseUrl, parseEnv } from "@/lib/env";
import { runningEmbeddedDb, startEmbeddedDb, type EmbeddedDb } from "../lib/embedded-db";
import { projectRoot } from "./engine";

/**
 * Runs a command-line task on the configured database, as the owner (migrations, seed,
 * audit:verify) or as the app's runtime role (the reminder sweep, beside running instances):
 * on a server DATABASE_OWNER_URL (default DATABASE_URL) or DATABASE_URL; else the embedded one
 * a running `npm start` serves — as the runtime role only, so owner tasks wait until Värna is
 * stopped — else the embedded one in the data folder, opened just for the task (as the owner).
 */
export async function withDatabase<T>(run: (url: string) => Promise<T>, { as = "owner" }: { as?: "owner" | "runtime" } = {}): Promise<T> {
  const env = parseEnv();
  if (env.DATABASE_URL) return run(as === "owner" ? ownerDatabaseUrl(env)! : env.DATABASE_URL);
  const dataDir = path.resolve(projectRoot, env.VARNA_DATA_DIR);
  const running = runningEmbeddedDb(dataDir);
  if (running) {
    if (as === "owner") {
      throw new Error(
        "Den inbyggda databasen används av en Värna som körs (npm start), och den ansluter bara appens roll (varna_runtime). " +
          "Stoppa Värna och kör kommandot igen.",
      );
    }
    return run(running);
  }
  let embedded: EmbeddedDb | undefined;
  try {
    embedded = await startEmbeddedDb(dataDir);
    return await run(embedded.ownerUrl);
  } finally {
    await embedded?.stop();
  }
}
