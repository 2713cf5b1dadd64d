-- Observers: follow-ups and the measures answering a recommendation as counts only.
-- Decision 021 gives observers follow-ups "without any row of FollowUp"; the policy of
-- 20261124233919_database_walls_and_audit_chain still let them read every approved follow-up
-- (and, through follow_up_item_select, its lines), so /uppfoljning listed them one by one, per
-- division, with unsuppressed counts. Now an observer reads no FollowUp and no FollowUpItem row
-- (the item policy reads FollowUp under the caller's own policy, so it follows); their figures
-- come from varna_follow_up_figures, suppressed like varna_dashboard_figures.

DROP POLICY follow_up_select ON "FollowUp";
CREATE POLICY follow_up_select ON "FollowUp" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId"));

-- Per follow-up cycle: how many follow-ups (one per division asked), how many approved and not
-- yet, and the approved ones by overall assessment (unassessed: approved without one, a part of
-- `reviewed` the page does not print). Every cycle gets every figure, zeros included, so an
-- observer cannot tell "none" from "few"; every value below the threshold is NULL for an
-- observer (the app adds secondary suppression, lib/aggregates/suppression.ts). The cycle's
-- title, year, due date and whether it is closed are the coordinator's own words, not a
-- division's. Runs as the owner, so it checks the caller.
CREATE FUNCTION varna_follow_up_figures()
  RETURNS TABLE (cycle_id uuid, title text, year integer, due_date date, closed boolean, figure text, value bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    threshold bigint;
  BEGIN
    IF NOT varna_is('{COORDINATOR,OBSERVER}') THEN
      RAISE EXCEPTION 'Åtkomst nekad: sammanställda siffror' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT (s.value #>> '{}')::bigint INTO threshold FROM "Setting" s WHERE s.key = 'aggregates.suppressionThreshold';
    threshold := coalesce(threshold, 5);
    RETURN QUERY
      WITH counts AS (
        SELECT c.id AS cid,
               count(fu.id)::bigint AS "followUps",
               count(fu.id) FILTER (WHERE fu.status = 'REVIEWED')::bigint AS reviewed,
               count(fu.id) FILTER (WHERE fu.status <> 'REVIEWED')::bigint AS "notReviewed",
               count(fu.id) FILTER (WHERE fu.status = 'REVIEWED' AND fu.assessment = 'ON_TRACK')::bigint AS "onTrack",
               count(fu.id) FILTER (WHERE fu.status = 'REVIEWED' AND fu.assessment = 'AT_RISK')::bigint AS "atRisk",
               count(fu.id) FILTER (WHERE fu.status = 'REVIEWED' AND fu.assessment = 'OFF_TRACK')::bigint AS "offTrack",
               count(fu.id) FILTER (WHERE fu.status = 'REVIEWED' AND fu.assessment IS NULL)::bigint AS unassessed
          FROM "FollowUpCycle" c LEFT JOIN "FollowUp" fu ON fu."cycleId" = c.id
         GROUP BY c.id
      )
      SELECT c.id, c.title, c.year, c."dueDate", c.status = 'CLOSED', f.figure,
             CASE WHEN varna_is('{OBSERVER}') AND f.value < threshold THEN NULL ELSE f.value END
        FROM counts n JOIN "FollowUpCycle" c ON c.id = n.cid
        CROSS JOIN LATERAL (VALUES
          ('followUps', n."followUps"), ('reviewed', n.reviewed), ('notReviewed', n."notReviewed"),
          ('onTrack', n."onTrack"), ('atRisk', n."atRisk"), ('offTrack', n."offTrack"), ('unassessed', n.unassessed)
        ) AS f(figure, value)
      UNION ALL
      SELECT NULL::uuid, '', 0, NULL::date, false, 'threshold', threshold;
  END
  $$;

-- How many measures answer each recommendation (the links of RecommendationMeasure), for those
-- who may read no measure: observers see that a recommendation is answered, never by what.
-- Every recommendation gets a count, zeros included; below the threshold NULL for an observer.
CREATE FUNCTION varna_recommendation_measure_counts()
  RETURNS TABLE (recommendation_id uuid, measures bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    threshold bigint;
  BEGIN
    IF NOT varna_is('{COORDINATOR,OBSERVER}') THEN
      RAISE EXCEPTION 'Åtkomst nekad: sammanställda siffror' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT (s.value #>> '{}')::bigint INTO threshold FROM "Setting" s WHERE s.key = 'aggregates.suppressionThreshold';
    threshold := coalesce(threshold, 5);
    RETURN QUERY
      SELECT r.id, CASE WHEN varna_is('{OBSERVER}') AND count(l."measureId") < threshold THEN NULL ELSE count(l."measureId")::bigint END
        FROM "Recommendation" r LEFT JOIN "RecommendationMeasure" l ON l."recommendationId" = r.id
       GROUP BY r.id;
  END
  $$;
