// The large municipality of `npm run bench`, seeded in bulk: the reference and demo data through
// the ordinary seed, then every volume table by `INSERT … SELECT generate_series(…)` in batches,
// so 100,000 situation entries take seconds, not the minutes row-by-row Prisma would.
// Values are spread deterministically (modulo arithmetic), so two runs seed the same shape.
import { performance } from "node:perf_hooks";
import pg from "pg";

export type Volumes = {
  divisions: number;
  users: number;
  situationEntries: number;
  trainingNeeds: number;
  measures: number;
  followUps: number;
  followUpItemsPerFollowUp: number;
  actionItems: number;
  auditEvents: number;
};

/** The large municipality; `scale` shrinks every volume but the divisions (quick mode). */
export function volumes(scale: number): Volumes {
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  return {
    divisions: 32,
    users: n(1_000),
    situationEntries: n(100_000),
    trainingNeeds: n(20_000),
    measures: n(5_000),
    followUps: n(10_000),
    followUpItemsPerFollowUp: 3,
    actionItems: n(2_000),
    auditEvents: n(200_000),
  };
}

const BATCH = 20_000;

function progress(label: string, done: number, total: number, started: number) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\r  ${label.padEnd(28)} ${String(done).padStart(7)} / ${total}  (${seconds} s)   `);
  if (done >= total) process.stdout.write("\n");
}

/** Runs `sql` (with $1 = first, $2 = last index of the batch) over 1..total in batches. */
async function batched(client: pg.Client, label: string, total: number, sql: string, batch = BATCH) {
  const started = performance.now();
  for (let first = 1; first <= total; first += batch) {
    const last = Math.min(total, first + batch - 1);
    await client.query(sql, [first, last]);
    progress(label, last, total, started);
  }
}

// Arrays of ids, read once per statement: `ids[1 + i % n]` picks deterministically.
const DIVISIONS = `(SELECT array_agg(id ORDER BY "sortOrder", code) FROM "Division")`;
const DISTRICTS = `(SELECT array_agg(id ORDER BY name) FROM "District")`;
const STAFF = `(SELECT array_agg(id ORDER BY name) FROM "StaffCategory")`;
const BENCH_USERS = (role: string) => `(SELECT array_agg(id ORDER BY email) FROM "User" WHERE role = '${role}')`;

/** Whether this database already holds the bench data at these volumes (a re-run skips the seed). */
export async function isSeeded(client: pg.Client, v: Volumes): Promise<boolean> {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "SituationEntry"`).catch(() => ({ rows: [{ n: -1 }] }));
  return rows[0].n >= v.situationEntries;
}

export async function seedLarge(url: string, v: Volumes) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = `now() AT TIME ZONE 'UTC'`;
    const started = performance.now();
    await client.query(`SET statement_timeout = 0`);

    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Division"`);
    const missing = v.divisions - rows[0].n;
    if (missing > 0) {
      await client.query(
        `INSERT INTO "Division" (id, code, name, description, "sortOrder", "updatedAt")
         SELECT gen_random_uuid(), 'B' || lpad(i::text, 2, '0'), 'Förvaltning ' || i, 'Bänkdata', 100 + i, ${now}
         FROM generate_series(1, $1::int) i`,
        [missing],
      );
    }
    progress("divisions", v.divisions, v.divisions, started);

    // Users: a few coordinators and admins, a division head per division and more, observers,
    // the rest network members; everyone but coordinators and admins in one division.
    const roleOf = `CASE WHEN i <= 3 THEN 'COORDINATOR' WHEN i <= 8 THEN 'ADMIN' WHEN i <= 8 + 2 * ${v.divisions} THEN 'DIVISION_HEAD'
                         WHEN i % 10 = 0 THEN 'OBSERVER' ELSE 'NETWORK_MEMBER' END::"Role"`;
    await batched(
      client,
      "users",
      v.users,
      `INSERT INTO "User" (id, email, name, role, "updatedAt")
       SELECT gen_random_uuid(), 'bench' || lpad(i::text, 5, '0') || '@bench.example', 'Bänkanvändare ' || i, ${roleOf}, ${now}
       FROM generate_series($1::int, $2::int) i`,
    );
    await client.query(
      `INSERT INTO "DivisionMembership" (id, "userId", "divisionId")
       SELECT gen_random_uuid(), u.id, (${DIVISIONS})[1 + (row_number() OVER (ORDER BY u.email))::int % ${v.divisions}]
       FROM "User" u WHERE u.email LIKE '%@bench.example' AND u.role IN ('DIVISION_HEAD', 'NETWORK_MEMBER', 'OBSERVER')
       ON CONFLICT DO NOTHING`,
    );

    const environments = `(ARRAY['RIGHT_WING','LEFT_WING','ISLAMIST','OTHER_UNCLEAR'])[1 + i % 4]::"ExtremistEnvironment"`;
    const activities = `(ARRAY['PROPAGANDA','RECRUITMENT','GATHERING','THREAT','VIOLENCE','ONLINE','TRAVEL_TO_CONFLICT_ZONE','OTHER'])[1 + (i / 3) % 8]::"ActivityType"`;
    const sources = `(ARRAY['POLICE','SCHOOL','SOCIAL_SERVICES','LEISURE','CIVIL_SOCIETY','OPEN_SOURCES'])[1 + (i / 7) % 6]::"InformationSource"`;
    const reliability = `(ARRAY['CONFIRMED','PROBABLE','POSSIBLE','UNCONFIRMED'])[1 + (i / 5) % 4]::"Reliability"`;
    // 70 % reviewed, 15 % submitted, 10 % drafts, 5 % archived; observed over three years.
    const status = `(CASE WHEN i % 20 < 14 THEN 'REVIEWED' WHEN i % 20 < 17 THEN 'SUBMITTED' WHEN i % 20 < 19 THEN 'DRAFT' ELSE 'ARCHIVED' END)`;
    await batched(
      client,
      "situation entries",
      v.situationEntries,
      `WITH d AS (SELECT ${DIVISIONS} AS ids), t AS (SELECT ${DISTRICTS} AS ids), u AS (SELECT ${BENCH_USERS("NETWORK_MEMBER")} AS ids),
            r AS (SELECT ${BENCH_USERS("COORDINATOR")} AS ids)
       INSERT INTO "SituationEntry" (id, "divisionId", "districtId", "observedOn", environment, "activityType", source, reliability,
         "genderPerspective", description, status, "createdById", "submittedAt", "reviewedAt", "reviewedById", "archivedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), d.ids[1 + i % cardinality(d.ids)], t.ids[1 + (i / 11) % cardinality(t.ids)],
         (current_date - (i % 1095)), ${environments}, ${activities}, ${sources}, ${reliability},
         'Främst unga män, enstaka kvinnor i nätverket (' || i || ').',
         'Observation ' || i || ': klistermärken och affischer vid busshållplats, samtal om rekrytering i sociala medier och vid fritidsgård.',
         ${status}::"SituationEntryStatus", u.ids[1 + i % cardinality(u.ids)],
         CASE WHEN ${status} <> 'DRAFT' THEN (current_date - (i % 1095))::timestamp + interval '1 day' END,
         CASE WHEN ${status} IN ('REVIEWED','ARCHIVED') THEN (current_date - (i % 1095))::timestamp + interval '3 days' END,
         CASE WHEN ${status} IN ('REVIEWED','ARCHIVED') THEN r.ids[1] END,
         CASE WHEN ${status} = 'ARCHIVED' THEN (current_date - (i % 1095))::timestamp + interval '30 days' END,
         (current_date - (i % 1095))::timestamp, ${now}
       FROM generate_series($1::int, $2::int) i, d, t, u, r`,
      10_000,
    );

    await batched(
      client,
      "training needs",
      v.trainingNeeds,
      `WITH d AS (SELECT ${DIVISIONS} AS ids), s AS (SELECT ${STAFF} AS ids), u AS (SELECT ${BENCH_USERS("DIVISION_HEAD")} AS ids)
       INSERT INTO "TrainingNeed" (id, "divisionId", "staffCategoryId", level, headcount, priority, "wantedBy", status, comment, "createdById", "updatedAt")
       SELECT gen_random_uuid(), d.ids[1 + i % cardinality(d.ids)], s.ids[1 + (i / 3) % cardinality(s.ids)],
         (ARRAY['BASIC','ADVANCED'])[1 + i % 2]::"TrainingLevel", 1 + i % 40, (ARRAY['LOW','MEDIUM','HIGH'])[1 + i % 3]::"Priority",
         current_date + ((i % 730) - 365), (ARRAY['REGISTERED','PLANNED','MET','CANCELLED'])[1 + (i / 2) % 4]::"TrainingNeedStatus",
         'Behov ' || i, u.ids[1 + i % cardinality(u.ids)], ${now}
       FROM generate_series($1::int, $2::int) i, d, s, u`,
    );

    await batched(
      client,
      "measures",
      v.measures,
      `WITH d AS (SELECT ${DIVISIONS} AS ids), p AS (SELECT array_agg(id ORDER BY number) AS ids FROM "PlanSection"),
            u AS (SELECT ${BENCH_USERS("DIVISION_HEAD")} AS ids)
       INSERT INTO "Measure" (id, "ownerDivisionId", "planSectionId", "responsibleUserId", title, description, level, "targetGroup", status,
         "startDate", "nextReviewDate", "updatedAt")
       SELECT gen_random_uuid(), d.ids[1 + i % cardinality(d.ids)], p.ids[1 + i % cardinality(p.ids)], u.ids[1 + i % cardinality(u.ids)],
         'Insats ' || i, 'Förebyggande arbete ' || i, (ARRAY['GENERAL','SPECIFIC','INDIVIDUAL'])[1 + i % 3]::"PreventionLevel",
         'Unga 13–25 år', (ARRAY['PLANNED','ONGOING','COMPLETED','PAUSED','CANCELLED'])[1 + (i / 2) % 5]::"MeasureStatus",
         current_date - (i % 900), current_date + ((i % 400) - 100), ${now}
       FROM generate_series($1::int, $2::int) i, d, p, u`,
    );

    await batched(
      client,
      "action items",
      v.actionItems,
      `WITH d AS (SELECT ${DIVISIONS} AS ids), u AS (SELECT ${BENCH_USERS("NETWORK_MEMBER")} AS ids)
       INSERT INTO "ActionItem" (id, "divisionId", title, "ownerId", "dueDate", status, "updatedAt")
       SELECT gen_random_uuid(), CASE WHEN i % 5 = 0 THEN NULL ELSE d.ids[1 + i % cardinality(d.ids)] END, 'Åtgärd ' || i,
         u.ids[1 + i % cardinality(u.ids)], current_date + ((i % 300) - 150),
         (ARRAY['OPEN','IN_PROGRESS','DONE','CANCELLED'])[1 + i % 4]::"ActionItemStatus", ${now}
       FROM generate_series($1::int, $2::int) i, d, u`,
    );

    // Follow-ups: one per division and cycle, so the cycles number followUps / divisions.
    const cycles = Math.ceil(v.followUps / v.divisions);
    await client.query(
      `INSERT INTO "FollowUpCycle" (id, title, year, "periodStart", "periodEnd", "dueDate", status, "updatedAt")
       SELECT gen_random_uuid(), 'Bänkuppföljning ' || c, 2024 + c % 3, make_date(2024 + c % 3, 1, 1), make_date(2024 + c % 3, 6, 30),
         make_date(2024 + c % 3, 8, 31), (CASE WHEN c = 1 THEN 'OPEN' ELSE 'CLOSED' END)::"FollowUpCycleStatus", ${now}
       FROM generate_series(1, $1::int) c`,
      [cycles],
    );
    await client.query(
      `INSERT INTO "FollowUp" (id, "cycleId", "divisionId", status, assessment, comment, "updatedAt")
       SELECT gen_random_uuid(), c.id, d.id, (ARRAY['NOT_STARTED','DRAFT','SUBMITTED','RETURNED','REVIEWED'])[1 + (row_number() OVER ())::int % 5]::"FollowUpStatus",
         (ARRAY['ON_TRACK','AT_RISK','OFF_TRACK'])[1 + (row_number() OVER ())::int % 3]::"Assessment", 'Lägesrapport', ${now}
       FROM (SELECT id FROM "FollowUpCycle" WHERE title LIKE 'Bänkuppföljning %' ORDER BY title LIMIT $1::int) c
       CROSS JOIN (SELECT id FROM "Division" ORDER BY "sortOrder", code LIMIT $2::int) d
       LIMIT $3::int`,
      [cycles, v.divisions, v.followUps],
    );
    progress("follow-ups", v.followUps, v.followUps, started);
    // Items: a measure, a training need and an action item of the follow-up's division.
    await client.query(
      `WITH f AS (SELECT id, "divisionId", row_number() OVER (ORDER BY id) AS n FROM "FollowUp"),
            m AS (SELECT "ownerDivisionId" AS div, array_agg(id) AS ids FROM "Measure" GROUP BY 1),
            t AS (SELECT "divisionId" AS div, array_agg(id) AS ids FROM "TrainingNeed" GROUP BY 1),
            a AS (SELECT "divisionId" AS div, array_agg(id) AS ids FROM "ActionItem" WHERE "divisionId" IS NOT NULL GROUP BY 1)
       INSERT INTO "FollowUpItem" (id, "followUpId", "measureId", "trainingNeedId", "actionItemId", "reportedStatus", assessment, comment, "updatedAt")
       SELECT gen_random_uuid(), f.id,
         CASE WHEN k = 1 THEN m.ids[1 + f.n % cardinality(m.ids)] END,
         CASE WHEN k = 2 THEN t.ids[1 + f.n % cardinality(t.ids)] END,
         CASE WHEN k = 3 THEN a.ids[1 + f.n % cardinality(a.ids)] END,
         NULL, (ARRAY['ON_TRACK','AT_RISK','OFF_TRACK'])[1 + (f.n + k)::int % 3]::"Assessment", 'Rad ' || k, ${now}
       FROM f JOIN m ON m.div = f."divisionId" JOIN t ON t.div = f."divisionId" LEFT JOIN a ON a.div = f."divisionId",
         generate_series(1, $1::int) k
       WHERE k <> 3 OR a.ids IS NOT NULL`,
      [v.followUpItemsPerFollowUp],
    );
    progress("follow-up items", 1, 1, started);

    // The audit trail as the app writes it (unsealed), then sealed into the chain by the
    // database's own sealer, batch by batch — so audit:verify holds on the result.
    await batched(
      client,
      "audit events",
      v.auditEvents,
      `WITH u AS (SELECT array_agg(id ORDER BY email) AS ids, array_agg(role ORDER BY email) AS roles FROM "User" WHERE email LIKE '%@bench.example')
       INSERT INTO "AuditEvent" ("occurredAt", "actorId", "actorRole", action, "entityType", "entityId", details)
       SELECT ${now} - ((${v.auditEvents} - i) * interval '7 minutes'), u.ids[1 + i % cardinality(u.ids)], u.roles[1 + i % cardinality(u.roles)],
         (ARRAY['situationEntry.list','situationEntry.read','measure.update','trainingNeed.create','followUp.submit'])[1 + i % 5],
         'Bench', gen_random_uuid()::text, '{}'::jsonb
       FROM generate_series($1::int, $2::int) i, u`,
      10_000,
    );
    {
      const started = performance.now();
      let sealed = 0;
      for (;;) {
        const { rows } = await client.query<{ n: number | null }>(`SELECT varna_audit_seal(10000) AS n`);
        sealed += rows[0]?.n ?? 0;
        progress("audit events sealed", Math.min(sealed, v.auditEvents), v.auditEvents, started);
        if (rows[0]?.n === 0) break;
      }
    }

    process.stdout.write("  ANALYZE …");
    await client.query(`ANALYZE`);
    console.log(` klart på ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}
