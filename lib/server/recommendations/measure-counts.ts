import "server-only";
import type { DbTx } from "@/lib/server/db";
import { readSetting } from "@/lib/server/organisation/settings";
import { suppressList, type Shown } from "@/lib/aggregates/suppression";

/**
 * How many measures answer each recommendation, for a viewer who may read no measure (the
 * observer): from varna_recommendation_measure_counts (SECURITY DEFINER; small counts, zero
 * included, NULL for an observer), so the checklist says a recommendation is answered without
 * naming by what. A list without a printed total (a measure may answer several recommendations,
 * so the counts add up to nothing else on the page): primary suppression only, "<5".
 */
export async function linkedMeasureCounts(tx: DbTx): Promise<{ threshold: number; counts: Map<string, Shown> }> {
  const rows = await tx.$queryRaw<{ recommendation_id: string; measures: bigint | null }[]>`
    SELECT recommendation_id, measures FROM varna_recommendation_measure_counts()`;
  const threshold = await readSetting(tx, "suppressionThreshold");
  const shown = suppressList(rows.map((r) => (r.measures === null ? null : Number(r.measures))), null, threshold).counts;
  return { threshold, counts: new Map(rows.map((r, i) => [r.recommendation_id, shown[i] ?? "small"])) };
}
