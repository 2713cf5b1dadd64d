-- ───────────── The observer's situation figures from the monthly counts (decision 025) ─────────────
-- varna_dashboard_figures as in 20261125100000, but its two situation sections read
-- SituationEntryMonthCount (a few thousand rows) instead of scanning every entry in the window.
-- The window is whole months (the dashboard's twelve calendar months), so the figures are the same.
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
        -- Situation entries observed in the window, by environment × month: from the monthly
        -- counts the database keeps beside the entries (decision 025), not a scan of them.
        SELECT 'entries' AS section,
               CASE WHEN grouping(e.environment) = 1 THEN '*' ELSE e.environment::text END AS k1,
               CASE WHEN grouping(e.month) = 1 THEN '*' ELSE to_char(e.month, 'YYYY-MM') END AS k2,
               sum(e.n)::bigint AS value
          FROM "SituationEntryMonthCount" e
         WHERE e.month >= date_trunc('month', p_from)::date AND e.month <= p_to
         GROUP BY GROUPING SETS ((e.environment, e.month), (e.environment), (e.month), ())
        UNION ALL
        -- The same entries by district ('' = the whole municipality, no district).
        SELECT 'districts',
               CASE WHEN grouping(e."districtKey") = 1 THEN '*'
                    ELSE coalesce(NULLIF(e."districtKey", '00000000-0000-0000-0000-000000000000'::uuid)::text, '') END,
               '', sum(e.n)::bigint
          FROM "SituationEntryMonthCount" e
         WHERE e.month >= date_trunc('month', p_from)::date AND e.month <= p_to
         GROUP BY GROUPING SETS ((e."districtKey"), ())
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
