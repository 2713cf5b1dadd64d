// The one PGlite session shared by every connection of the embedded database, handed out whole
// batches at a time.
//
// PGlite is a single PostgreSQL session; @electric-sql/pglite-socket (0.2.17) lets many
// connections share it through a queue that serialises single protocol *messages* and keeps a
// connection's turn only while an SQL transaction is open. An extended-protocol batch (Parse,
// Bind, Describe, Execute … Sync) is not a transaction, so two connections' batches interleave:
// B's Parse replaces the unnamed statement between A's Parse and A's Execute, and A gets B's rows
// (seen in the e2e runs as `prisma.user.findUnique()` answered with a UserSession row).
// Upstream: electric-sql/pglite issue #1046 (open), pull request #977 (open). A failed message also
// left the library's queue marked busy for ever (issue #1046, defect B).
//
// This queue keeps a connection's turn from its first extended-protocol message until its Sync
// (or its simple Query) has been answered, and for as long as it has a transaction open; a
// failure releases the queue. It is installed in place of the library's queue, with the same
// interface (the socket handlers call enqueue / clearQueueForHandler / clearTransactionIfNeeded).
import type { PGlite } from "@electric-sql/pglite";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

/** Work of the database's host itself (maintenance), run as the owner between transactions. */
type Job = { run: (db: PGlite) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
/** Parse, Bind, Describe, Execute, Close, Flush: state kept until the next Sync. */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

const PARSE = 0x50; // 'P'
/** A startup message has no type byte: length, then protocol version 3.0. */
const PROTOCOL_3 = 196608;

export const RUNTIME_ROLE = "varna_runtime";

/**
 * Who a connection is (docs/decisions/023-runtime-role.md). PGlite has one session whose
 * authenticated user is always its bootstrap superuser (its `username` option is only a
 * `SET ROLE`, undone by `RESET ROLE`), so the gateway is where the runtime role is made:
 * the session runs `SET SESSION AUTHORIZATION varna_runtime` for runtime connections, and
 * every way back to the authenticated user is refused before it reaches PGlite — the SQL
 * forms here, set_config, DO blocks and temporary functions by privileges
 * (embedded-db.ts, `hardenRuntimeRole`).
 *   - `runtime-only` (npm start, once migrated and seeded): every connection is the runtime
 *     role, whatever user it names;
 *   - `by-user` (tests' in-memory databases): a connection naming `postgres` is the owner,
 *     any other the runtime role — tests make their data as owner and run the app as runtime.
 */
export type SessionUsers = "owner-only" | "runtime-only" | "by-user";

/** SQL a runtime connection may not send: it would hand the session back to the superuser. */
export function escapesRuntimeRole(sql: string): boolean {
  const plain = sql
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/--[^\n]*/g, " ")
    .replace(/"/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
  return /session[ _]?authorization|discard all|\bu&|set_config|\bdo\b\s*(\$|')/.test(plain);
}

function startupUser(message: Uint8Array): string | null {
  if (message.length < 8) return null;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  if (view.getInt32(4) !== PROTOCOL_3) return null;
  const parts = new TextDecoder().decode(message.subarray(8)).split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === "user") return parts[i + 1]!;
  return null;
}

/** The SQL text of a simple Query or a Parse message. */
function sqlOf(message: Uint8Array): string | null {
  const kind = message[0];
  if (kind === QUERY) return new TextDecoder().decode(message.subarray(5)).replace(/\0[\s\S]*$/, "");
  if (kind === PARSE) {
    const body = new TextDecoder().decode(message.subarray(5));
    const nameEnd = body.indexOf("\0");
    return body.slice(nameEnd + 1).replace(/\0[\s\S]*$/, "");
  }
  return null;
}

export class SessionQueue {
  private readonly queue: Item[] = [];
  private readonly jobs: Job[] = [];
  private processing = false;
  /** The connection whose batch or transaction holds the session; others wait. */
  private owner: number | null = null;
  /** Connections that are the owner (by-user mode); every other one is the runtime role. */
  private readonly owners = new Set<number>();
  /** Whether the session currently runs as the runtime role. */
  private sessionIsRuntime = false;

  constructor(
    private readonly db: PGlite,
    private users: SessionUsers = "owner-only",
  ) {}

  /** From now on every connection is the runtime role (after migrations and seed). */
  async runtimeOnly(): Promise<void> {
    this.users = "runtime-only";
    this.owners.clear();
    await this.db.exec(`SET SESSION AUTHORIZATION ${RUNTIME_ROLE}`);
    this.sessionIsRuntime = true;
  }

  private isRuntime(handlerId: number): boolean {
    if (this.users === "owner-only") return false;
    if (this.users === "runtime-only") return true;
    return !this.owners.has(handlerId);
  }

  /** Gives the session the identity of the connection whose turn it is (never mid-transaction). */
  private async becomeFor(handlerId: number): Promise<void> {
    if (this.users !== "by-user") return;
    const runtime = this.isRuntime(handlerId);
    if (runtime === this.sessionIsRuntime) return;
    await this.db.exec(runtime ? `SET SESSION AUTHORIZATION ${RUNTIME_ROLE}` : "SET SESSION AUTHORIZATION postgres");
    this.sessionIsRuntime = runtime;
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  /**
   * Runs `run` on the database as its owner as soon as the session is between transactions —
   * never inside a connection's transaction or extended-protocol batch — and ahead of the
   * connections' next statements, which wait meanwhile. For the host's maintenance (VACUUM,
   * ANALYZE: the embedded engine has no autovacuum, decision 026). The session's identity is
   * restored afterwards, whatever `run` does.
   */
  runAsOwner<T>(run: (db: PGlite) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ run, resolve: resolve as (value: unknown) => void, reject });
      void this.process();
    });
  }

  private async runJob(job: Job): Promise<void> {
    const wasRuntime = this.sessionIsRuntime;
    try {
      if (wasRuntime) await this.db.exec("SET SESSION AUTHORIZATION postgres");
      this.sessionIsRuntime = false;
      job.resolve(await job.run(this.db));
    } catch (error) {
      job.reject(error);
    } finally {
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => {});
      if (wasRuntime) {
        await this.db.exec(`SET SESSION AUTHORIZATION ${RUNTIME_ROLE}`);
        this.sessionIsRuntime = true;
      }
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.owners.delete(handlerId);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.handlerId === handlerId) this.queue.splice(i, 1)[0]!.reject(new Error("Handler disconnected"));
    }
  }

  /** A connection went away: roll back what it left open and give the session to the others. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.process();
  }

  private next(): Item | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    // The owner's next message has not arrived yet: wait for it (enqueue starts us again).
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        if (this.owner === null && !this.db.isInTransaction() && this.jobs.length > 0) {
          await this.runJob(this.jobs.shift()!);
          continue;
        }
        const item = this.next();
        if (!item) break;
        let bytes = 0;
        const kind = item.message[0]!;
        if (kind === 0 && this.users === "by-user") {
          const user = startupUser(item.message);
          if (user === "postgres") this.owners.add(item.handlerId);
        }
        if (this.isRuntime(item.handlerId)) {
          const sql = sqlOf(item.message);
          if (sql !== null && escapesRuntimeRole(sql)) {
            // Refused before PGlite sees it: the connection is closed (the socket handler
            // detaches on the rejection and rolls back what it left open).
            this.owner = this.db.isInTransaction() ? item.handlerId : null;
            item.reject(new Error("varna_runtime: SESSION AUTHORIZATION, set_config, DISCARD ALL and DO are refused"));
            continue;
          }
        }
        if (this.owner === null && !this.db.isInTransaction()) await this.becomeFor(item.handlerId);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(error);
          continue;
        }
        if (this.db.isInTransaction()) this.owner = item.handlerId;
        else if (EXTENDED.has(kind)) this.owner = item.handlerId;
        else if (kind === SYNC || kind === QUERY || kind === TERMINATE) this.owner = null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}

/** Puts the session queue into a socket server before it takes its first connection. */
export function installSessionQueue(server: object, db: PGlite, users: SessionUsers = "owner-only"): SessionQueue {
  const target = server as { queryQueue?: unknown };
  if (!("queryQueue" in target)) throw new Error("pglite-socket changed: PGLiteSocketServer has no queryQueue to replace");
  const queue = new SessionQueue(db, users);
  target.queryQueue = queue;
  return queue;
}
