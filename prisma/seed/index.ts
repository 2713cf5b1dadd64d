import { createPrismaClient } from "@/lib/server/db";
import { seedOrganisation } from "./organisation";
import { seedPublicContent } from "./public-content";
import { seedDemo } from "./demo";

export { DEMO_PASSWORD, DEMO_USERS } from "./demo";

/**
 * Seeds reference data (and, with `demo`, demo data) in one transaction. Idempotent: it only
 * creates what is missing, so running it again changes nothing.
 */
export async function seed(url: string, { demo }: { demo: boolean }): Promise<{ seeded: boolean }> {
  const client = createPrismaClient(url, { max: 1, statementTimeoutMs: 120_000 });
  try {
    const before = await client.division.count();
    await client.$transaction(
      async (tx) => {
        await seedOrganisation(tx);
        await seedPublicContent(tx);
        if (demo) await seedDemo(tx);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    return { seeded: before === 0 };
  } finally {
    await client.$disconnect();
  }
}

/** True when the database has never been seeded (no divisions). */
export async function needsSeed(url: string): Promise<boolean> {
  const client = createPrismaClient(url, { max: 1 });
  try {
    return (await client.division.count()) === 0;
  } finally {
    await client.$disconnect();
  }
}
