import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listRecommendations } from "@/lib/server/recommendations/list-recommendations";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import type { Shown } from "@/lib/aggregates/suppression";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recommendations"))("title") };
}

export default async function RecommendationsPage() {
  const viewer = await requireViewer("recommendation", "list");
  const [t, tm, format, { rows, countsOnlyThreshold: threshold }] = await Promise.all([getTranslations("recommendations"), getTranslations("measures"), getFormatter(), listRecommendations(viewer)]);
  const paraphrased = rows.some((r) => r.isParaphrase);
  // An observer reads no measure: how many answer each recommendation, small counts hidden.
  const linked = (v: Shown) =>
    typeof v === "number" ? t("measuresLinked", { count: v }) : t("measuresLinkedSuppressed", { threshold: format.number(threshold ?? 0) });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {paraphrased ? <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("paraphraseNote")}</p> : null}
      {threshold !== null ? <p className="mb-4 text-sm text-slate-700">{t("countsOnly", { threshold })}</p> : null}
      {rows.length === 0 ? <EmptyState title={t("empty")} /> : (
        <DataTable headers={(["number", "title", "status", "evidence", "measures"] as const).map((c) => t(`columns.${c}`))}>
          {rows.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="px-3 py-2">{r.number}</td>
              <td className="px-3 py-2">
                <Link href={`/rekommendationer/${r.id}`} className="font-medium text-brand-700 underline" aria-label={t("open", { number: r.number })}>{r.title}</Link>
                <span className={`ml-2 rounded px-2 py-0.5 text-xs font-semibold ${r.isParaphrase ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}>
                  {r.isParaphrase ? t("paraphrase") : t("official")}
                </span>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`statuses.${r.status}`)}</td>
              <td className="max-w-md px-3 py-2 text-slate-700">{r.evidence || t("noEvidence")}</td>
              <td className="px-3 py-2">
                {r.linkedMeasures !== null ? <span data-testid="linked-measures">{linked(r.linkedMeasures)}</span> : r.measures.length === 0 ? <span className="text-slate-600">{t("measuresCount", { count: 0 })}</span> : (
                  <ul className="space-y-1">
                    {r.measures.map((m) => (
                      <li key={m.id}><Link href={`/insatser/${m.id}`} className="text-brand-700 underline">{m.title}</Link> <span className="text-slate-600">({m.division}, {tm(`statuses.${m.status}`)})</span></li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
