// The browser tests' own reads and writes behind the app's back (sessions for loginAs, a
// notification marked read, a record made for a test). The running app's embedded database
// serves only the runtime role (docs/decisions/023-runtime-role.md), which reads nothing on its
// own, so each statement runs in a transaction as varna_system — as the app's system work does.
import pg from "pg";

type Queryable = { query: pg.Pool["query"] | pg.Client["query"] };

/** One statement as varna_system on `client` (a connected pg.Client, or a PoolClient). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as pg's own default: rows as the test reads them
export async function systemQuery<T extends pg.QueryResultRow = any>(
  client: Queryable,
  text: string,
  params: unknown[] = [],
): Promise<pg.QueryResult<T>> {
  const q = client.query.bind(client) as (text: string, params?: unknown[]) => Promise<pg.QueryResult<T>>;
  await q("BEGIN");
  try {
    await q("SET LOCAL ROLE varna_system");
    const result = await q(text, params);
    await q("COMMIT");
    return result;
  } catch (error) {
    await q("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** A pool whose `query` runs each statement as varna_system (see above). */
export class SystemPool extends pg.Pool {
  // @ts-expect-error -- narrower than pg's overloads: text and parameters, a promise back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  override async query<T extends pg.QueryResultRow = any>(text: string, params: unknown[] = []): Promise<pg.QueryResult<T>> {
    const client = await this.connect();
    try {
      return await systemQuery<T>(client, text, params);
    } finally {
      client.release();
    }
  }
}
