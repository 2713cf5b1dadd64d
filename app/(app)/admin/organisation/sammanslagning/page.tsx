import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listMergeChoices } from "@/lib/server/organisation/list-merge-choices";
import { previewMerge, type MergeLine } from "@/lib/server/organisation/merge-divisions";
import { orNotFound } from "@/lib/server/not-found";
import { searchParamsOf } from "@/lib/route-params";
import { mergeQuerySchema } from "@/lib/schemas/organisation";
import { DataTable } from "@/components/layout/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { MergeConfirm } from "../_components/merge-confirm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation.merge"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Choose the division that ends and the one that stays (a plain GET form: works without
 * JavaScript), read the preview of what moves per record type, then confirm.
 */
export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("organisation", "merge");
  const query = await searchParamsOf(mergeQuerySchema, searchParams);
  const choices = await listMergeChoices(viewer);
  const t = await getTranslations("organisation");
  const pair = query.fran && query.till && query.fran !== query.till ? { sourceId: query.fran, targetId: query.till } : null;
  const plan = pair ? await orNotFound(previewMerge(viewer, pair)) : null;
  const label = (table: string) => (t.has(`usage.tables.${table}` as never) ? t(`usage.tables.${table}` as never) : table);
  const duplicateNote = (l: MergeLine) => {
    const target = plan?.target.name ?? "";
    if (l.onDuplicate === "keepSurviving") return t("merge.keepSurviving", { target });
    if (l.onDuplicate === "refuse") return t("merge.refuse");
    return l.table === "FollowUp"
      ? t("merge.foldFollowUp", { target, lines: l.folded?.lines ?? 0, reopened: l.folded?.reopened ?? 0 })
      : l.table === "TrainingAttendance" ? t("merge.foldAttendance", { target }) : t("merge.fold", { target });
  };
  const select = (name: "fran" | "till", text: string, value?: string) => (
    <div>
      <label htmlFor={`merge-${name}`} className="block text-sm font-medium text-slate-800">{text}</label>
      <select id={`merge-${name}`} name={name} defaultValue={value ?? ""} required className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2">
        <option value="">{t("merge.choose")}</option>
        {choices.map((d) => (
          <option key={d.id} value={d.id}>{d.name} ({d.code}){d.active ? "" : ` ${t("merge.inactive")}`}</option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/organisation" className="text-brand-800 underline">{t("links.back")}</Link></p>
      <PageHeader title={t("merge.title")} description={t("merge.description")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        {select("fran", t("merge.source"), query.fran)}
        {select("till", t("merge.target"), query.till)}
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">{t("merge.preview")}</button>
      </form>
      {query.fran && query.fran === query.till ? <p role="alert" className="text-red-800">{t("validation.sameDivision")}</p> : null}
      {plan && pair ? (
        <section aria-labelledby="merge-preview" className="space-y-4">
          <h2 id="merge-preview" className="text-lg font-semibold">{t("merge.previewTitle", { source: plan.source.name, target: plan.target.name })}</h2>
          {plan.lines.some((l) => l.rows > 0) ? (
            <DataTable headers={[t("merge.recordType"), t("merge.rows"), t("merge.duplicates", { target: plan.target.name })]}>
              {plan.lines.filter((l) => l.rows > 0).map((l) => (
                <tr key={`${l.table}.${l.column}`} className={l.duplicates > 0 && l.onDuplicate === "refuse" ? "bg-red-50" : undefined}>
                  <td className="px-3 py-2">{label(l.table)}</td>
                  <td className="px-3 py-2">{l.rows}</td>
                  <td className="px-3 py-2">
                    {l.duplicates > 0 ? `${l.duplicates} – ${duplicateNote(l)}` : "0"}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p>{t("merge.nothing", { source: plan.source.name })}</p>
          )}
          <p>{t("merge.totalLine", { count: plan.total })}</p>
          {plan.conflicts.length > 0 ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">{t("merge.conflicts")}</p>
          ) : !plan.target.active ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">{t("errors.mergeIntoInactive")}</p>
          ) : (
            <MergeConfirm sourceId={pair.sourceId} targetId={pair.targetId} source={plan.source.name} target={plan.target.name} />
          )}
        </section>
      ) : null}
    </>
  );
}
