// Whether a start may seed the demo accounts (whose password is in the repository).
// docs/decisions/010-grants-passwords-and-sso.md: never on a real database.

export type DemoSeedContext = {
  /** DATABASE_URL as configured: set means a PostgreSQL server, i.e. a real installation. */
  databaseUrl?: string;
  nodeEnv?: string;
  varnaEnv: "development" | "production";
  /** VARNA_DEMO_DATA, when set. */
  demoData?: boolean;
};

/**
 * Demo data only when asked for: `npm start` on a laptop (embedded database, no NODE_ENV)
 * asks by default; a start with DATABASE_URL set or NODE_ENV=production never gets demo
 * accounts, whatever VARNA_DEMO_DATA says.
 */
export function demoSeedWanted({ databaseUrl, nodeEnv, varnaEnv, demoData }: DemoSeedContext): boolean {
  if (databaseUrl) return false;
  if (nodeEnv === "production") return false;
  if (demoData !== undefined) return demoData;
  return varnaEnv === "development";
}
