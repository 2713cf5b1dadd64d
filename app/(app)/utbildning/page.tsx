import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may, scopeFor } from "@/lib/access/permissions";
import { listNeeds, needFormOptions } from "@/lib/server/training/list-needs";
import { NEED_STATUSES, needFilterSchema, TRAINING_LEVELS } from "@/lib/schemas/training";
import { searchParamsOf } from "@/lib/route-params";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import { ConfirmAction } from "@/components/training/confirm-action";
import { NeedForm } from "./_components/need-form";
import { cancelNeedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("training.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrainingNeedsPage({ searchParams }: Props) {
  const viewer = await requireViewer("trainingNeed", "list");
  const filter = await searchParamsOf(needFilterSchema, searchParams);
  const [t, format] = await Promise.all([getTranslations("training"), getFormatter()]);
  // One use case (one transaction) at a time: a page must not hold two of the small pool's connections.
  const result = await listNeeds(viewer, filter);
  const options = await needFormOptions(viewer);
  const all = scopeFor(viewer.role, "trainingNeed", "list") === "all";
  const canLog = may(viewer.role, "trainingNeed", "create") && options.divisions.length > 0 && options.staffCategories.length > 0;
  const canCancel = may(viewer.role, "trainingNeed", "update");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  const num = (n: number) => format.number(n);

  return (
    <>
      <PageHeader title={t("needs.title")} description={`${t("needs.description")} ${all ? t("needs.scopeAll") : t("needs.scopeOwn")}`} />
      {canLog ? (
        <div className="mb-8">
          <NeedForm divisions={options.divisions} staffCategories={options.staffCategories} />
        </div>
      ) : null}

      <form method="get" aria-label={t("needs.filters")} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        {options.divisions.length > 1 ? (
          <label className="text-sm font-medium">
            {t("needs.columns.division")}
            <select name="division" defaultValue={filter.division ?? ""} className={select}>
              <option value="">{t("needs.allDivisions")}</option>
              {options.divisions.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        ) : null}
        <label className="text-sm font-medium">
          {t("needs.columns.staffCategory")}
          <select name="kategori" defaultValue={filter.kategori ?? ""} className={select}>
            <option value="">{t("needs.allCategories")}</option>
            {options.staffCategories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("needs.columns.level")}
          <select name="level" defaultValue={filter.level ?? ""} className={select}>
            <option value="">{t("needs.allLevels")}</option>
            {TRAINING_LEVELS.map((l) => <option key={l} value={l}>{t(`levels.${l}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("needs.columns.status")}
          <select name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">{t("needs.activeStatuses")}</option>
            {NEED_STATUSES.map((s) => <option key={s} value={s}>{t(`needStatuses.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("needs.apply")}</button>
        <span className="ml-auto text-sm text-slate-600" data-testid="needs-count">{t("needs.count", { total: result.total, headcount: num(result.totalHeadcount) })}</span>
      </form>

      <section aria-labelledby="grouped-title" className="mb-8">
        <h2 id="grouped-title" className="mb-2 text-lg font-semibold">{t("needs.grouped")}</h2>
        {result.groups.length === 0 ? (
          <EmptyState title={result.total === 0 && !filter.division && !filter.kategori && !filter.level && !filter.status ? t("needs.empty") : t("needs.groupedEmpty")} text={t("needs.emptyText")} />
        ) : (
          <DataTable headers={[t("needs.columns.division"), t("needs.columns.staffCategory"), t("needs.columns.level"), t("needs.columns.needs"), t("needs.columns.headcount")]}>
            {result.groups.map((g) => (
              <tr key={`${g.divisionId}-${g.staffCategory}-${g.level}`} data-testid="need-group">
                <td className="px-3 py-2">{g.division}</td>
                <td className="px-3 py-2">{g.staffCategory}</td>
                <td className="px-3 py-2">{t(`levels.${g.level}`)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(g.needs)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(g.headcount)}</td>
              </tr>
            ))}
            <tr className="font-semibold">
              <td className="px-3 py-2" colSpan={3}>{t("needs.total")}</td>
              <td className="px-3 py-2 text-right tabular-nums">{num(result.total)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{num(result.totalHeadcount)}</td>
            </tr>
          </DataTable>
        )}
      </section>

      {result.rows.length > 0 ? (
        <section aria-labelledby="list-title">
          <h2 id="list-title" className="mb-2 text-lg font-semibold">{t("needs.list")}</h2>
          <DataTable
            headers={[
              t("needs.columns.division"), t("needs.columns.staffCategory"), t("needs.columns.level"), t("needs.columns.headcount"),
              t("needs.columns.priority"), t("needs.columns.wantedBy"), t("needs.columns.material"), t("needs.columns.events"),
              t("needs.columns.status"), ...(canCancel ? [t("needs.columns.actions")] : []),
            ]}
          >
            {result.rows.map((row) => (
              <tr key={row.id} data-testid="need-row">
                <td className="px-3 py-2">{row.division}</td>
                <td className="px-3 py-2">{row.staffCategory}</td>
                <td className="px-3 py-2">{t(`levels.${row.level}`)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(row.headcount)}</td>
                <td className="px-3 py-2">{t(`priorities.${row.priority}`)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{date(row.wantedBy)}</td>
                <td className="px-3 py-2">{row.material ?? ""}{row.comment ? <p className="text-xs text-slate-600">{row.comment}</p> : null}</td>
                <td className="px-3 py-2">{row.events.length ? row.events.join(", ") : <span className="text-slate-500">{t("needs.noEvents")}</span>}</td>
                <td className="px-3 py-2">{t(`needStatuses.${row.status}`)}</td>
                {canCancel ? (
                  <td className="px-3 py-2">
                    {row.status !== "CANCELLED" ? (
                      <ConfirmAction
                        action={cancelNeedAction}
                        input={{ id: row.id, version: row.version, confirmed: true as const }}
                        label={t("needs.cancel")}
                        question={t("needs.cancelQuestion")}
                        confirmLabel={t("needs.cancelConfirm")}
                        cancelLabel={t("dismiss")}
                        pendingLabel={t("needs.cancelling")}
                        danger
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pages={result.pages} query={{ division: filter.division, kategori: filter.kategori, level: filter.level, status: filter.status }} />
        </section>
      ) : null}
    </>
  );
}
