import path from "node:path";
import { parseEnv } from "@/lib/env";
import { runningEmbeddedDb, startEmbeddedDb, type EmbeddedDb } from "../lib/embedded-db";
import { projectRoot } from "./engine";

/**
 * Runs a command-line task on the configured database: DATABASE_URL, else the embedded one
 * a running `npm start` serves, else the embedded one in the data folder, opened just for it.
 */
export async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const env = parseEnv();
  if (env.DATABASE_URL) return run(env.DATABASE_URL);
  const dataDir = path.resolve(projectRoot, env.VARNA_DATA_DIR);
  const running = runningEmbeddedDb(dataDir);
  if (running) return run(running);
  let embedded: EmbeddedDb | undefined;
  try {
    embedded = await startEmbeddedDb(dataDir);
    return await run(embedded.url);
  } finally {
    await embedded?.stop();
  }
}
