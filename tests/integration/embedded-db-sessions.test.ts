// The embedded database serves many connections from one PGlite session
// (scripts/lib/pglite-session-queue.ts): each connection's extended-protocol batch and each
// transaction must have the session to itself, or one connection reads another's rows.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDb } from "@/scripts/lib/embedded-db";

let stop: () => Promise<void>;
let socketDir: string;
let pool: pg.Pool;
let dataDir: string;

beforeAll(async () => {
  // On disk, as `npm start` serves it: its writes yield to the event loop mid-message, which is
  // when another connection's message used to slip in (an in-memory one rarely yields).
  dataDir = mkdtempSync(path.join(os.tmpdir(), "varna-sessions-"));
  const embedded = await startEmbeddedDb(dataDir);
  stop = embedded.stop;
  socketDir = embedded.socketDir;
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (1, 0)");
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await stop?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// A bare wire-protocol client, so the test decides when each message is sent.
function message(type: string, ...parts: Buffer[]) {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const cstr = (text: string) => Buffer.from(`${text}\0`, "utf8");
const int16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
const int32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const parse = (sql: string) => message("P", cstr(""), cstr(sql), int16(0));
const bindExecuteSync = () => Buffer.concat([message("B", cstr(""), cstr(""), int16(0), int16(0), int16(0)), message("E", cstr(""), int32(0)), message("S")]);

async function rawClient() {
  const socket = net.connect(path.join(socketDir, ".s.PGSQL.5432"));
  let received = Buffer.alloc(0);
  socket.on("data", (chunk) => { received = Buffer.concat([received, chunk]); });
  const startup = Buffer.concat([int32(196608), cstr("user"), cstr("postgres"), cstr("database"), cstr("postgres"), Buffer.from([0])]);
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  socket.write(Buffer.concat([int32(startup.length + 4), startup]));
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  };
  await until(() => received.includes(Buffer.from("Z\0\0\0\x05", "latin1")));
  received = Buffer.alloc(0);
  /** The text values of the DataRows received so far. */
  const dataRows = () => {
    const values: string[] = [];
    for (let at = 0; at + 5 <= received.length; ) {
      const type = String.fromCharCode(received[at]!);
      const length = received.readInt32BE(at + 1);
      if (type === "D") {
        const size = received.readInt32BE(at + 7);
        values.push(received.subarray(at + 11, at + 11 + size).toString("utf8"));
      }
      at += 1 + length;
    }
    return values;
  };
  return { socket, send: (b: Buffer) => socket.write(b), until, dataRows, end: () => socket.end() };
}

describe("the embedded database's shared session", () => {
  it("does not let another connection's Parse replace a batch's statement before its Execute", async () => {
    const a = await rawClient();
    const b = await rawClient();
    a.send(parse("SELECT 'from a' AS a"));
    await new Promise((r) => setTimeout(r, 100));
    b.send(parse("SELECT 'from b' AS b"));
    await new Promise((r) => setTimeout(r, 100));
    a.send(bindExecuteSync());
    await a.until(() => a.dataRows().length > 0);
    b.send(bindExecuteSync());
    await b.until(() => b.dataRows().length > 0);
    expect(a.dataRows()).toEqual(["from a"]);
    expect(b.dataRows()).toEqual(["from b"]);
    a.end();
    b.end();
  }, 60_000);

  it("answers each of many concurrent parameterised queries of different shapes with its own rows", async () => {
    // Two statement shapes, so a Bind against the other connection's unnamed statement either
    // fails or returns the other shape: both are caught below.
    const results = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        if (i % 2 === 0) {
          const { rows } = await pool.query("SELECT $1::int AS number, 'even' AS kind", [i]);
          return rows[0]?.kind === "even" && rows[0]?.number === i;
        }
        const { rows } = await pool.query("SELECT $1::text AS label, $2::int AS twice FROM generate_series(1, 2)", [`n${i}`, i * 2]);
        return rows.length === 2 && rows.every((r) => r.label === `n${i}` && r.twice === i * 2);
      }),
    );
    expect(results.filter((ok) => !ok)).toEqual([]);
  }, 60_000);

  it("keeps a transaction to its connection: concurrent increments add up", async () => {
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query("SELECT n FROM counter WHERE id = $1", [1]);
          await client.query("UPDATE counter SET n = $1 WHERE id = $2", [rows[0].n + 1, 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query("SELECT n FROM counter WHERE id = 1");
    expect(rows[0].n).toBe(40);
  }, 60_000);

  it("goes on serving after a statement fails and after a connection leaves mid-transaction", async () => {
    await expect(pool.query("SELECT * FROM no_such_table WHERE id = $1", [1])).rejects.toThrow(/no_such_table/);
    const leaving = new pg.Client({ connectionString: (pool.options as { connectionString: string }).connectionString });
    await leaving.connect();
    await leaving.query("BEGIN");
    await leaving.query("UPDATE counter SET n = -1 WHERE id = 1");
    await leaving.end(); // gone without COMMIT: rolled back
    const { rows } = await pool.query("SELECT n FROM counter WHERE id = $1", [1]);
    expect(rows[0].n).toBe(40);
  }, 60_000);
});
