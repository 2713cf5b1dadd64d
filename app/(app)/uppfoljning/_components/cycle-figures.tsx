import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/access/viewer";
import { may } from "@/lib/access/permissions";
import { getFollowUpFigures } from "@/lib/server/follow-up/follow-up-figures";
import { CYCLE_FIGURES } from "@/lib/aggregates/follow-up-figures";
import type { Shown } from "@/lib/aggregates/suppression";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";

/**
 * /uppfoljning for a reader of figures only (the observer): counts per cycle, small ones "<5"
 * and totals that would give one back "–" (decision 021) — no single follow-up, no division.
 */
export async function CycleFigures({ viewer }: { viewer: Viewer }) {
  const [t, format, result] = await Promise.all([getTranslations("followUp"), getFormatter(), getFollowUpFigures(viewer)]);
  const { threshold } = result;
  const text = (v: Shown) => (v === "small" ? `<${threshold}` : v === "derived" ? "–" : format.number(v));
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeader title={t("title")} description={t("figuresOnly.description")} />
      {may(viewer.role, "evaluation", "read") ? (
        <p className="-mt-4 mb-6 text-sm"><Link href="/uppfoljning/arsutvardering" className="text-brand-700 underline">{t("evaluationLink")}</Link></p>
      ) : null}
      <section aria-labelledby="cycle-figures" className="space-y-3">
        <h2 id="cycle-figures" className="text-lg font-semibold">{t("figuresOnly.title")}</h2>
        {result.view === "aggregates" ? <p className="text-sm text-slate-700">{t("figuresOnly.note", { threshold })}</p> : null}
        {result.cycles.length === 0 ? <EmptyState title={t("figuresOnly.empty")} /> : (
          <div data-testid="follow-up-cycle-figures">
            <DataTable headers={(["cycle", "dueDate", ...CYCLE_FIGURES] as const).map((c) => t(`figuresOnly.columns.${c}`))}>
              {result.cycles.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {c.title}{c.closed ? <span className="ml-2 text-xs font-normal text-slate-600">({t("figuresOnly.closed")})</span> : null}
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">{date(c.dueDate)}</td>
                  {CYCLE_FIGURES.map((k) => (
                    <td key={k} className="px-3 py-2 tabular-nums" data-figure={k}>{text(c.figures[k])}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </section>
    </>
  );
}
