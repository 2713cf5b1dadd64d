-- The audit trail without a global lock (docs/decisions/024-audit-sealer.md). Events are
-- inserted freely — no lock, no hash — and a single sealer appends them to the hash chain
-- shortly after, in order, taking only events of transactions that have ended.

-- AlterTable. The column first and its default after: a volatile default in ADD COLUMN would
-- rewrite every existing row. Events chained before this migration keep txid NULL.
ALTER TABLE "AuditEvent" ADD COLUMN     "txid" xid8;
ALTER TABLE "AuditEvent" ALTER COLUMN "txid" SET DEFAULT pg_current_xact_id();

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "chainSeq" BIGINT NOT NULL,
    "hash" TEXT,
    "legacyEnd" BIGINT NOT NULL,
    "sealedAt" TIMESTAMP(3),

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- The events still to seal, for the sealer and the verifier's count (small: seconds' worth).
CREATE INDEX "AuditEvent_unsealed_idx" ON "AuditEvent"("id") WHERE "chainSeq" IS NULL;

-- The head is the sealer's: the app role can neither read nor move it.
REVOKE ALL ON TABLE "AuditChainHead" FROM varna_app;

-- The existing chain (linked by the per-insert trigger, in chainSeq order) stays as it is and
-- becomes the chain's sealed beginning: its hashes are kept, so anchors taken before this
-- migration still match and nothing written before it is re-hashed (which would also launder
-- an earlier edit). Up to legacyEnd the verifier recomputes them with varna_audit_hash.
INSERT INTO "AuditChainHead" ("id", "chainSeq", "hash", "legacyEnd")
SELECT 1, coalesce(last."chainSeq", 0), last.hash, coalesce(last."chainSeq", 0)
FROM (SELECT 1) one
LEFT JOIN LATERAL (SELECT "chainSeq", hash FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1) last ON true;

-- What a seal covers: the link to the event before, the event's place in the chain, its id,
-- its transaction and every field of its content. A version tag keeps it apart from
-- varna_audit_hash (the events chained before this migration).
CREATE FUNCTION varna_audit_seal_hash(e "AuditEvent") RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
      'seal-1',
      coalesce(e."prevHash", ''),
      coalesce(e."chainSeq"::text, ''),
      e.id::text,
      coalesce(e.txid::text, ''),
      to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
      coalesce(e."actorId"::text, ''),
      coalesce(e."actorRole"::text, ''),
      e.action,
      e."entityType",
      coalesce(e."entityId", ''),
      coalesce(e."divisionId"::text, ''),
      coalesce(e.ip, ''),
      coalesce(e."userAgent", ''),
      e.details::text), 'UTF8')), 'hex')
  $$;

-- Inserting takes no lock and computes no hash any more. The seal is the sealer's alone: an
-- insert that brings its own (a forged "sealed" event) is refused, and the transaction id is
-- always the inserting transaction's own.
DROP TRIGGER audit_chain ON "AuditEvent";
DROP FUNCTION varna_audit_chain();
CREATE FUNCTION varna_audit_unsealed() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW."chainSeq" IS NOT NULL OR NEW."prevHash" IS NOT NULL OR NEW.hash IS NOT NULL THEN
      RAISE EXCEPTION 'En logghändelse förseglas av databasen, inte av den som skriver den.'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.txid := pg_current_xact_id();
    NEW."occurredAt" := coalesce(NEW."occurredAt", now());
    RETURN NEW;
  END
  $$;
CREATE TRIGGER audit_unsealed BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION varna_audit_unsealed();

-- Still no UPDATE, DELETE or TRUNCATE, even for the owner — except the sealer's one write: an
-- unsealed event gets its place, link and hash, once, and nothing else about it changes.
CREATE OR REPLACE FUNCTION varna_audit_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('varna.audit_sealing', true) = 'on'
       AND OLD."chainSeq" IS NULL AND OLD."prevHash" IS NULL AND OLD.hash IS NULL
       AND NEW."chainSeq" IS NOT NULL AND NEW.hash IS NOT NULL
       AND to_jsonb(NEW) - '{chainSeq,prevHash,hash}'::text[] = to_jsonb(OLD) - '{chainSeq,prevHash,hash}'::text[] THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Granskningsloggen kan inte ändras eller tas bort (%).', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;

-- The sealer. Appends up to max_events unsealed events to the chain after its head, in id
-- (insertion) order, and returns how many; NULL when another sealer holds the head (it skips
-- rather than waits, so any number of app instances may call it on an interval).
--
-- Only events of transactions that have ended are taken: every transaction below the
-- snapshot's xmin has committed or rolled back, so its events are all visible now and no more
-- will come. Events of a transaction still running — which may hold a lower id than events
-- already committed — are simply sealed by a later call. The chain's integrity does not rest on
-- this (the sealer appends every unsealed event, never "up to an id"); it keeps the sealed set
-- final and the chain in id order among the transactions that ended before each call. An xid at
-- or above the snapshot's xmax cannot be this cluster's yet: such an event was restored from a
-- backup of another cluster, and its transaction has ended too.
--
-- SECURITY DEFINER, owned by the table owner: the app role, which may not UPDATE events, can
-- still seal — and a runtime role that owns nothing can too.
CREATE FUNCTION varna_audit_seal(max_events integer DEFAULT 5000) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    head "AuditChainHead";
    snap pg_snapshot;
    e "AuditEvent";
    place bigint;
    prev text;
    ids bigint[] := '{}';
    places bigint[] := '{}';
    prevs text[] := '{}';
    hashes text[] := '{}';
  BEGIN
    SELECT * INTO head FROM "AuditChainHead" WHERE id = 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    snap := pg_current_snapshot();
    place := head."chainSeq";
    prev := head.hash;
    FOR e IN
      SELECT * FROM "AuditEvent" a
      WHERE a."chainSeq" IS NULL AND a."prevHash" IS NULL AND a.hash IS NULL
        AND (a.txid < pg_snapshot_xmin(snap) OR a.txid >= pg_snapshot_xmax(snap))
      ORDER BY a.id
      LIMIT greatest(max_events, 1)
    LOOP
      place := place + 1;
      e."chainSeq" := place;
      e."prevHash" := prev;
      prev := varna_audit_seal_hash(e);
      ids := array_append(ids, e.id);
      places := array_append(places, place);
      prevs := array_append(prevs, e."prevHash");
      hashes := array_append(hashes, prev);
    END LOOP;
    IF place = head."chainSeq" THEN
      RETURN 0;
    END IF;
    PERFORM set_config('varna.audit_sealing', 'on', true);
    UPDATE "AuditEvent" a SET "chainSeq" = s.place, "prevHash" = s.prev, hash = s.hash
      FROM unnest(ids, places, prevs, hashes) AS s(id, place, prev, hash)
      WHERE a.id = s.id;
    PERFORM set_config('varna.audit_sealing', 'off', true);
    UPDATE "AuditChainHead" SET "chainSeq" = place, hash = prev, "sealedAt" = now() WHERE id = 1;
    RETURN place - head."chainSeq";
  END
  $$;
