import { getTranslations } from "next-intl/server";
import type { Shown, SuppressedFigures, Trend } from "@/lib/situation-reports/figures";
import { DataTable } from "@/components/layout/data-table";

/** A two-column table of counts under a heading. */
function CountTable({ title, rows }: { title: string; rows: [string, Shown][] }) {
  return (
    <div>
      <h4 className="mb-1 text-sm font-medium text-slate-700">{title}</h4>
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">{label}</th>
              <td className="py-1 text-right tabular-nums">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The report's computed figures: per environment, sources used and missing, contacts. */
export async function FiguresView({ figures }: { figures: SuppressedFigures }) {
  const [t, ts, tc] = await Promise.all([getTranslations("reports"), getTranslations("situation"), getTranslations("contactLog")]);
  const trend = (x: Trend | null) => t(`trends.${x ?? "hidden"}`);
  const rows = <K extends string>(list: { key: K; count: Shown }[], label: (k: K) => string): [string, Shown][] => list.map((c) => [label(c.key), c.count]);
  const f = figures;
  return (
    <section aria-labelledby="figures" className="space-y-6">
      <h2 id="figures" className="text-lg font-semibold">{t("detail.figures")}</h2>
      <DataTable headers={[t("detail.environment"), t("detail.count"), t("detail.previous"), t("detail.trend")]}>
        {f.environments.map((e) => (
          <tr key={e.environment}>
            <td className="px-3 py-2">{ts(`environments.${e.environment}`)}</td>
            <td className="px-3 py-2 tabular-nums">{e.count}</td>
            <td className="px-3 py-2 tabular-nums">{e.previousCount}</td>
            <td className="px-3 py-2">{trend(e.trend)}</td>
          </tr>
        ))}
        <tr className="font-medium">
          <td className="px-3 py-2">{t("detail.total")}</td>
          <td className="px-3 py-2 tabular-nums">{f.total}</td>
          <td className="px-3 py-2 tabular-nums">{f.previousTotal}</td>
          <td className="px-3 py-2">{trend(f.trend)}</td>
        </tr>
      </DataTable>
      <div className="grid gap-6 md:grid-cols-2">
        {f.environments.filter((e) => e.count !== 0).map((e) => (
          <div key={e.environment} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-medium">{ts(`environments.${e.environment}`)}</h3>
            <CountTable title={t("detail.activity")} rows={rows(e.byActivity.filter((a) => a.count !== 0), (k) => ts(`activities.${k}`))} />
            <CountTable title={t("detail.district")} rows={e.byDistrict.map((d) => [d.district ?? ts("noDistrict"), d.count])} />
          </div>
        ))}
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-medium">{t("detail.sources")}</h3>
          {f.sourcesMissing === null ? (
            // Suppressed (an observer): every source with its count, no list of the missing ones.
            <CountTable title={t("detail.bySource")} rows={rows(f.sourcesUsed, (k) => ts(`sources.${k}`))} />
          ) : (
            <>
              {f.sourcesUsed.length ? <CountTable title={t("detail.sourcesUsed")} rows={rows(f.sourcesUsed, (k) => ts(`sources.${k}`))} /> : <p className="text-sm">{t("detail.noneUsed")}</p>}
              <h4 className="mt-3 mb-1 text-sm font-medium text-slate-700">{t("detail.sourcesMissing")}</h4>
              <p className="text-sm">{f.sourcesMissing.length ? f.sourcesMissing.map((k) => ts(`sources.${k}`)).join(", ") : t("detail.noneMissing")}</p>
            </>
          )}
        </div>
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-medium">{t("detail.contacts")}</h3>
          <p className="text-sm">{t("detail.contactsTotal")}: <strong>{f.contacts.total}</strong> ({t("detail.previous")}: {f.contacts.previousTotal}, {trend(f.contacts.trend)})</p>
          <CountTable title={t("detail.byRequester")} rows={rows(f.contacts.byRequester, (k) => tc(`requesters.${k}`))} />
          <CountTable title={t("detail.byChannel")} rows={rows(f.contacts.byChannel, (k) => tc(`channels.${k}`))} />
          <CountTable title={t("detail.byReferral")} rows={rows(f.contacts.byReferral, (k) => tc(`referrals.${k}`))} />
          <CountTable title={t("detail.byGender")} rows={rows(f.contacts.byGender, (k) => tc(`genders.${k}`))} />
          <CountTable title={t("detail.byAgeBand")} rows={rows(f.contacts.byAgeBand, (k) => tc(`ageBands.${k}`))} />
        </div>
      </div>
    </section>
  );
}
