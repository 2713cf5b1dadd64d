// The owner's connection, for what a test sets up and checks behind the app's back: the app
// itself (db()) connects as varna_runtime and sees nothing outside withViewer / asSystem
// (docs/decisions/023-runtime-role.md). DATABASE_OWNER_URL is set per test file by db.ts.
import { createPrismaClient, type Db } from "@/lib/server/db";

const holder = globalThis as unknown as { varnaOwnerDb?: Db };

export function ownerDb(): Db {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error("DATABASE_OWNER_URL saknas (tests/setup/db.ts sätter den)");
  holder.varnaOwnerDb ??= createPrismaClient(url);
  return holder.varnaOwnerDb;
}

export async function disconnectOwnerDb() {
  await holder.varnaOwnerDb?.$disconnect();
  delete holder.varnaOwnerDb;
}
