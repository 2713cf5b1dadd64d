import "server-only";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DbTx } from "@/lib/server/db";

/** One anchor: the chain's head as a verification saw it. */
export type Anchor = { chainSeq: string; hash: string; at: string };

export type AnchorBreak = { chainSeq: string; reason: "missing" | "changed" };

/**
 * Anchors kept outside the database, one JSON line each. A chain re-hashed from the start
 * (a "wholesale rewrite" by someone who can write the table) is internally consistent — only
 * a record of what the chain was, kept where that person can't reach, gives it away.
 */
export function readAnchors(file: string): Anchor[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Anchor);
}

/** Every anchored event must still be there with the hash it had. */
export async function checkAnchors(tx: DbTx, anchors: Anchor[]): Promise<AnchorBreak[]> {
  if (anchors.length === 0) return [];
  const rows = await tx.$queryRaw<{ chainSeq: bigint; hash: string | null }[]>`
    SELECT "chainSeq", hash FROM "AuditEvent" WHERE "chainSeq" = ANY (${anchors.map((a) => BigInt(a.chainSeq))}::bigint[])`;
  const now = new Map(rows.map((r) => [r.chainSeq.toString(), r.hash]));
  const breaks: AnchorBreak[] = [];
  for (const anchor of anchors) {
    if (!now.has(anchor.chainSeq)) breaks.push({ chainSeq: anchor.chainSeq, reason: "missing" });
    else if (now.get(anchor.chainSeq) !== anchor.hash) breaks.push({ chainSeq: anchor.chainSeq, reason: "changed" });
  }
  return breaks;
}

/** Adds the chain's head as a new anchor, unless it is the last one already. */
export function appendAnchor(file: string, head: { chainSeq: string; hash: string }, anchors: Anchor[], now = new Date()) {
  const last = anchors.at(-1);
  if (last && last.chainSeq === head.chainSeq && last.hash === head.hash) return false;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify({ chainSeq: head.chainSeq, hash: head.hash, at: now.toISOString() })}\n`, { mode: 0o600 });
  return true;
}
