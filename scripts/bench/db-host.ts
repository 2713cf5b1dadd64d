// The bench's embedded database in a process of its own: opens (or creates) the PGlite folder
// given as the argument, serves it on its private socket, prints `URL <url>` and runs until
// it is sent SIGTERM. A separate process, so PGlite does not share the load generator's thread.
import { startEmbeddedDb } from "../lib/embedded-db";

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: db-host.ts <data dir>");
  const db = await startEmbeddedDb(dir);
  console.log(`URL ${db.url}`);
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
