-- ───────────── Observers: follow-up status and action items per division; coverage with totals ─────────────
-- varna_dashboard_figures gains the follow-ups (division × status, with totals; overdue per
-- division) and the open/overdue network action items per division, so an observer sees them
-- as counts without any row access to those tables (decision 011). Small counts NULL for an
-- observer as before; the app adds secondary suppression (lib/aggregates/suppression.ts).
CREATE OR REPLACE FUNCTION varna_dashboard_figures(p_from date, p_to date, p_today date)
  RETURNS TABLE (section text, k1 text, k2 text, value bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    threshold bigint;
    year_start date := date_trunc('year', p_today)::date;
    year_next date := (date_trunc('year', p_today) + interval '1 year')::date;
  BEGIN
    IF NOT varna_is('{COORDINATOR,OBSERVER}') THEN
      RAISE EXCEPTION 'Åtkomst nekad: sammanställda siffror' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT (s.value #>> '{}')::bigint INTO threshold FROM "Setting" s WHERE s.key = 'aggregates.suppressionThreshold';
    threshold := coalesce(threshold, 5);
    RETURN QUERY
      SELECT f.section, f.k1, f.k2, CASE WHEN varna_is('{OBSERVER}') AND f.value < threshold THEN NULL ELSE f.value END
      FROM (
        -- Situation entries observed in the window, by environment × month.
        SELECT 'entries' AS section,
               CASE WHEN grouping(e.environment) = 1 THEN '*' ELSE e.environment::text END AS k1,
               CASE WHEN grouping(date_trunc('month', e."observedOn")) = 1 THEN '*' ELSE to_char(date_trunc('month', e."observedOn"), 'YYYY-MM') END AS k2,
               count(*)::bigint AS value
          FROM "SituationEntry" e
         WHERE e."observedOn" >= p_from AND e."observedOn" <= p_to
         GROUP BY GROUPING SETS ((e.environment, date_trunc('month', e."observedOn")), (e.environment), (date_trunc('month', e."observedOn")), ())
        UNION ALL
        -- The same entries by district ('' = the whole municipality, no district).
        SELECT 'districts',
               CASE WHEN grouping(e."districtId") = 1 THEN '*' ELSE coalesce(e."districtId"::text, '') END,
               '', count(*)::bigint
          FROM "SituationEntry" e
         WHERE e."observedOn" >= p_from AND e."observedOn" <= p_to
         GROUP BY GROUPING SETS ((e."districtId"), ())
        UNION ALL
        -- Measures by level × status.
        SELECT 'measures',
               CASE WHEN grouping(m.level) = 1 THEN '*' ELSE m.level::text END,
               CASE WHEN grouping(m.status) = 1 THEN '*' ELSE m.status::text END,
               count(*)::bigint
          FROM "Measure" m
         GROUP BY GROUPING SETS ((m.level, m.status), (m.level), (m.status), ())
        UNION ALL
        -- Training this year per division: staff to train (needs wanted by a date in the year,
        -- cancelled ones left out) and staff who attended events held in the year.
        SELECT 'trainingNeeded',
               CASE WHEN grouping(n."divisionId") = 1 THEN '*' ELSE n."divisionId"::text END, '',
               coalesce(sum(n.headcount), 0)::bigint
          FROM "TrainingNeed" n
         WHERE n."wantedBy" >= year_start AND n."wantedBy" < year_next AND n.status <> 'CANCELLED'
         GROUP BY GROUPING SETS ((n."divisionId"), ())
        UNION ALL
        SELECT 'trainingAttended',
               CASE WHEN grouping(a."divisionId") = 1 THEN '*' ELSE a."divisionId"::text END, '',
               coalesce(sum(a.attended), 0)::bigint
          FROM "TrainingAttendance" a JOIN "TrainingEvent" ev ON ev.id = a."eventId"
         WHERE ev."startsAt" >= year_start AND ev."startsAt" < year_next AND ev.status = 'HELD'
         GROUP BY GROUPING SETS ((a."divisionId"), ())
        UNION ALL
        -- Follow-ups (every cycle) by division × status, with the totals of both.
        SELECT 'followUps',
               CASE WHEN grouping(fu."divisionId") = 1 THEN '*' ELSE fu."divisionId"::text END,
               CASE WHEN grouping(fu.status) = 1 THEN '*' ELSE fu.status::text END,
               count(*)::bigint
          FROM "FollowUp" fu
         GROUP BY GROUPING SETS ((fu."divisionId", fu.status), (fu."divisionId"), (fu.status), ())
        UNION ALL
        -- Overdue follow-ups per division: not sent in (or returned), past the cycle's due date,
        -- in a cycle not closed (the rule of lib/server/follow-up/rules.ts).
        SELECT 'followUpsOverdue',
               CASE WHEN grouping(fu."divisionId") = 1 THEN '*' ELSE fu."divisionId"::text END, '',
               count(*)::bigint
          FROM "FollowUp" fu JOIN "FollowUpCycle" c ON c.id = fu."cycleId"
         WHERE fu.status IN ('NOT_STARTED', 'DRAFT', 'RETURNED') AND c."dueDate" < p_today AND c.status <> 'CLOSED'
         GROUP BY GROUPING SETS ((fu."divisionId"), ())
        UNION ALL
        -- Open network action items per division ('' = network-wide, no division), and the
        -- overdue ones among them: past the due date (lib/network/overdue.ts).
        SELECT 'actionItemsOpen',
               CASE WHEN grouping(i."divisionId") = 1 THEN '*' ELSE coalesce(i."divisionId"::text, '') END, '',
               count(*)::bigint
          FROM "ActionItem" i
         WHERE i.status IN ('OPEN', 'IN_PROGRESS')
         GROUP BY GROUPING SETS ((i."divisionId"), ())
        UNION ALL
        SELECT 'actionItemsOverdue',
               CASE WHEN grouping(i."divisionId") = 1 THEN '*' ELSE coalesce(i."divisionId"::text, '') END, '',
               count(*)::bigint
          FROM "ActionItem" i
         WHERE i.status IN ('OPEN', 'IN_PROGRESS') AND i."dueDate" < p_today
         GROUP BY GROUPING SETS ((i."divisionId"), ())
      ) f
      UNION ALL
      SELECT 'threshold', '', '', threshold;
  END
  $$;


-- varna_training_coverage returns the totals too (per division over the levels, per level over
-- the divisions, the grand total), from the same rows, so the competence plan's aggregated table
-- can apply secondary suppression: a grouped row has `level` NULL (a division's total), the
-- division NULL (a level's total) or both (the grand total). Returns the division's id as well.
DROP FUNCTION varna_training_coverage(uuid);
CREATE FUNCTION varna_training_coverage(p_plan uuid)
  RETURNS TABLE (division_id uuid, division text, sort_order integer, level text, identified bigint, trained bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    threshold bigint;
    plan_year integer;
  BEGIN
    IF NOT varna_is('{COORDINATOR,OBSERVER}') THEN
      RAISE EXCEPTION 'Åtkomst nekad: sammanställda siffror' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT (s.value #>> '{}')::bigint INTO threshold FROM "Setting" s WHERE s.key = 'aggregates.suppressionThreshold';
    threshold := coalesce(threshold, 5);
    SELECT p.year INTO plan_year FROM "CompetencePlan" p WHERE p.id = p_plan;
    IF plan_year IS NULL THEN RETURN; END IF;
    RETURN QUERY
      WITH needs AS (
        SELECT n."divisionId" AS d, n.level::text AS l, sum(n.headcount)::bigint AS v
          FROM "TrainingNeed" n
         WHERE n.status <> 'CANCELLED'
           AND (extract(year FROM n."wantedBy") = plan_year
                OR EXISTS (SELECT 1 FROM "_TrainingEventNeeds" x JOIN "TrainingEvent" e ON e.id = x."A"
                            WHERE x."B" = n.id AND e."competencePlanId" = p_plan))
         GROUP BY 1, 2
      ), trained AS (
        SELECT a."divisionId" AS d, e.level::text AS l, sum(a.attended)::bigint AS v
          FROM "TrainingAttendance" a JOIN "TrainingEvent" e ON e.id = a."eventId"
         WHERE e."competencePlanId" = p_plan AND e.status <> 'CANCELLED' AND a."group" = 'STAFF'
         GROUP BY 1, 2
      ), cells AS (
        SELECT coalesce(n.d, t.d) AS d, coalesce(n.l, t.l) AS l, coalesce(n.v, 0) AS identified, coalesce(t.v, 0) AS trained
          FROM needs n FULL JOIN trained t ON t.d = n.d AND t.l = n.l
      ), grouped AS (
        SELECT CASE WHEN grouping(c.d) = 1 THEN NULL ELSE c.d END AS d,
               CASE WHEN grouping(c.l) = 1 THEN NULL ELSE c.l END AS l,
               sum(c.identified)::bigint AS identified, sum(c.trained)::bigint AS trained
          FROM cells c
         GROUP BY GROUPING SETS ((c.d, c.l), (c.d), (c.l), ())
      )
      SELECT g.d, dv.name, dv."sortOrder", g.l,
             CASE WHEN varna_is('{OBSERVER}') AND g.identified < threshold THEN NULL ELSE g.identified END,
             CASE WHEN varna_is('{OBSERVER}') AND g.trained < threshold THEN NULL ELSE g.trained END
        FROM grouped g LEFT JOIN "Division" dv ON dv.id = g.d
       ORDER BY dv."sortOrder" NULLS LAST, dv.name NULLS LAST, g.l NULLS LAST;
  END
  $$;
