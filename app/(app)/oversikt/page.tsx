import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { scopeFor } from "@/lib/access/permissions";
import { getDashboard, ENVIRONMENTS, FOLLOW_UP_STATUSES, LEVELS, MEASURE_STATUSES } from "@/lib/server/dashboard/get-dashboard";
import { stockholmToday } from "@/lib/network/stockholm-time";
import type { Shown } from "@/lib/aggregates/suppression";
import { PageHeader } from "@/components/layout/page-header";
import { StatCard } from "@/components/layout/stat-card";
import { BarChart } from "@/components/charts/bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { DashboardTable } from "@/components/charts/dashboard-table";
import { MyActionItems } from "../atgarder/_components/my-action-items";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

const query = (path: string, params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
};

const link = "text-brand-700 underline underline-offset-2 hover:text-brand-900 focus-visible:outline-2";

/** The start page: every role's dashboard (issue 13), charts as server-rendered SVG. */
export default async function OverviewPage() {
  const viewer = await requireViewer("aggregates", "read");
  const today = stockholmToday(new Date());
  const [t, tOverview, tSituation, tMeasures, tFollowUp, tReports, format, d] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("overview"),
    getTranslations("situation"),
    getTranslations("measures"),
    getTranslations("followUp"),
    getTranslations("reports"),
    getFormatter(),
    getDashboard(viewer, today),
  ]);
  const scope = scopeFor(viewer.role, "aggregates", "read") === "all"
    ? tOverview("scopeAll")
    : tOverview("scopeOwn", { count: viewer.divisionIds.length });
  const threshold = d.threshold ?? 0;
  const text = (v: Shown) => (v === "small" ? `<${threshold}` : v === "derived" ? "–" : format.number(v));
  const num = (v: Shown) => (typeof v === "number" ? v : null);
  const full = d.view === "full";
  const date = (x: Date) => format.dateTime(x, { dateStyle: "medium", timeZone: "UTC" });
  const monthLabel = (key: string) => format.dateTime(new Date(`${key}-01T00:00:00Z`), { month: "short", timeZone: "UTC" });
  const monthLong = (key: string) => format.dateTime(new Date(`${key}-01T00:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });
  const { from, to } = d.window;
  /** A figure as a link to the list behind it (for a viewer who may read that list). */
  const figure = (v: Shown, href: string | null, label?: string) =>
    href && typeof v === "number" ? (
      <Link href={href} className={link} aria-label={label ? `${label}: ${text(v)}` : undefined} data-figure={v}>{text(v)}</Link>
    ) : (
      <span data-figure={typeof v === "number" ? v : undefined}>{text(v)}</span>
    );
  // The lists behind the figures, for a viewer who may read them (never an observer's).
  const entriesHref = (params: Record<string, string | undefined>) => (full ? query("/lagesbild", params) : null);
  const followUpsHref = (params: Record<string, string | undefined>) => (full ? query("/uppfoljning", params) : null);
  const itemsHref = (params: Record<string, string | undefined>) => (full ? query("/atgarder", params) : null);
  const positive = (v: Shown) => typeof v === "number" && v > 0;
  /** Attended as a share of the need, in per cent; null unless both are shown and there is a need. */
  const coverage = (needed: Shown, attended: Shown) =>
    typeof needed === "number" && typeof attended === "number" && needed > 0 ? Math.round((100 * attended) / needed) : null;

  const overdueItems = d.actionItems?.overdue ?? null;
  const overdueFollowUps = d.followUps?.totals.overdue ?? null;

  return (
    <>
      <PageHeader title={tOverview("greeting", { name: viewer.name })} description={scope} />
      {d.view === "aggregates" ? (
        <p className="-mt-4 mb-6 text-sm text-slate-700">{t("countsOnly")} {t("suppressionNote", { threshold })}</p>
      ) : null}

      <section aria-labelledby="figures-title" className="mb-10">
        <h2 id="figures-title" className="sr-only">{t("figuresTitle")}</h2>
        <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {d.entries ? (
            <StatCard label={t("entriesInWindow")} value={text(d.entries.total)} href={entriesHref({ from, to }) ?? undefined} />
          ) : null}
          {d.awaitingReview !== null ? (
            <StatCard label={t("awaitingReview")} value={format.number(d.awaitingReview)} href="/lagesbild?status=SUBMITTED"
              tone={d.awaitingReview > 0 ? "warning" : "neutral"} />
          ) : null}
          {overdueItems !== null ? (
            <StatCard label={t("overdueActionItems")} value={text(overdueItems)} href={itemsHref({ overdue: "1" }) ?? undefined}
              tone={positive(overdueItems) ? "warning" : "neutral"} />
          ) : null}
          {overdueFollowUps !== null ? (
            <StatCard label={t("overdueFollowUps")} value={text(overdueFollowUps)} href={followUpsHref({ overdue: "ja" }) ?? undefined}
              tone={positive(overdueFollowUps) ? "warning" : "neutral"} />
          ) : null}
        </dl>
      </section>

      {d.entries ? (
        <DashboardTable
          id="situation" title={t("situationTitle")} caption={t("tableCaption", { title: t("situationTitle") })}
          chartPlacement="above"
          chart={
            <StackedBarChart
              id="chart-entries"
              title={t("situationChart", { from: monthLong(d.window.months[0]!.key), to: monthLong(d.window.months[11]!.key) })}
              description={t("situationChartDesc", { total: text(d.entries.total) })}
              series={ENVIRONMENTS.map((e) => tSituation(`environments.${e}`))}
              columns={d.window.months.map((m, c) => ({
                label: monthLabel(m.key),
                parts: ENVIRONMENTS.map((_, r) => num(d.entries!.cells[r]![c]!)),
                totalText: text(d.entries!.columnTotals[c]!),
              }))}
            />
          }
          columns={[
            { key: "environment", header: t("environment") },
            ...d.window.months.map((m) => ({ key: m.key, header: <abbr title={monthLong(m.key)} className="no-underline">{monthLabel(m.key)}</abbr>, numeric: true })),
            { key: "total", header: t("total"), numeric: true, strong: true },
          ]}
          rows={ENVIRONMENTS.map((env, r) => ({
            key: env,
            header: tSituation(`environments.${env}`),
            cells: [
              ...d.window.months.map((m, c) =>
                figure(d.entries!.cells[r]![c]!, entriesHref({ environment: env, from: m.from, to: m.to }), `${tSituation(`environments.${env}`)}, ${monthLong(m.key)}`)),
              figure(d.entries!.rowTotals[r]!, entriesHref({ environment: env, from, to }), tSituation(`environments.${env}`)),
            ],
          }))}
          totals={{
            key: "total",
            header: t("total"),
            cells: [
              ...d.window.months.map((m, c) => figure(d.entries!.columnTotals[c]!, entriesHref({ from: m.from, to: m.to }), monthLong(m.key))),
              figure(d.entries.total, entriesHref({ from, to }), t("total")),
            ],
          }}
        />
      ) : null}

      {d.districts ? (
        <DashboardTable
          id="district" title={t("districtTitle")} caption={t("tableCaption", { title: t("districtTitle") })}
          empty={d.districts.rows.length === 0 ? { text: t("empty") } : null}
          chart={
            <BarChart id="chart-districts" title={t("districtTitle")} description={t("districtChartDesc")} colour={2}
              bars={d.districts.rows.map((r) => ({ label: r.name ?? t("wholeMunicipality"), value: num(r.count), text: text(r.count) }))} />
          }
          columns={[{ key: "district", header: t("district") }, { key: "count", header: t("count"), numeric: true }]}
          rows={d.districts.rows.map((r) => ({
            key: r.id ?? "none",
            header: r.name ?? t("wholeMunicipality"),
            cells: [figure(r.count, r.id ? entriesHref({ district: r.id, from, to }) : null, r.name ?? undefined)],
          }))}
          totals={{ key: "total", header: t("total"), cells: [text(d.districts.total)] }}
        />
      ) : null}

      {d.latestReport !== null || d.view === "aggregates" || viewer.role === "COORDINATOR" ? (
        <section aria-labelledby="report-title" className="dashboard-section mb-10">
          <h2 id="report-title" className="mb-3 text-lg font-semibold">{t("reportTitle")}</h2>
          {d.latestReport ? (
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-medium"><Link href={`/lagesbild/rapporter/${d.latestReport.id}`} className={link}>{d.latestReport.title}</Link></p>
              <p className="text-sm text-slate-700">
                {t("reportPeriod", { from: date(d.latestReport.periodStart), to: date(d.latestReport.periodEnd) })} · {tReports(`statuses.${d.latestReport.status}`)}
              </p>
              {d.latestReport.shares !== null ? (
                <p className="mt-1 text-sm text-slate-700">
                  {t("reportShared", { count: d.latestReport.shares, recipient: d.latestReport.lastRecipient ?? "", date: d.latestReport.lastSharedOn ? date(d.latestReport.lastSharedOn) : "" })}
                </p>
              ) : null}
            </div>
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("reportNone")}</p>
          )}
        </section>
      ) : null}

      {d.training ? (
        <DashboardTable
          id="training" title={t("trainingTitle")} caption={t("tableCaption", { title: t("trainingTitle") })}
          empty={d.training.rows.length === 0 ? { text: t("empty") } : null}
          chart={
            <BarChart id="chart-training" colour={1}
              title={t("trainingChart", { year: today.getUTCFullYear() })} description={t("trainingChartDesc")}
              bars={d.training.rows.map((r) => {
                const share = coverage(r.needed, r.attended);
                return { label: r.name, value: share, text: share === null ? "–" : `${share} %` };
              })} />
          }
          columns={[
            { key: "division", header: t("division") },
            { key: "needed", header: t("needed"), numeric: true },
            { key: "attended", header: t("attended"), numeric: true },
            { key: "coverage", header: t("coverage"), numeric: true },
          ]}
          rows={d.training.rows.map((r) => {
            const share = coverage(r.needed, r.attended);
            return {
              key: r.id,
              header: full ? <Link href={query("/utbildning", { division: r.id })} className={link}>{r.name}</Link> : r.name,
              cells: [text(r.needed), text(r.attended), share === null ? "–" : `${share} %`],
            };
          })}
          totals={{ key: "total", header: t("total"), cells: [text(d.training.needed), text(d.training.attended), ""] }}
        />
      ) : null}

      {d.followUps ? (
        <DashboardTable
          id="follow-up" title={t("followUpTitle")}
          empty={d.followUps.rows.length === 0 ? { text: t("empty") } : null}
          columns={[
            { key: "division", header: t("division") },
            { key: "overdue", header: t("overdue"), numeric: true },
            ...FOLLOW_UP_STATUSES.map((s) => ({ key: s, header: tFollowUp(`statuses.${s}`), numeric: true })),
            { key: "total", header: t("total"), numeric: true, strong: true },
          ]}
          rows={d.followUps.rows.map((r) => ({
            key: r.id,
            header: r.name,
            cells: [
              { content: figure(r.overdue, followUpsHref({ division: r.id, overdue: "ja" }), `${r.name}, ${t("overdue")}`), warning: positive(r.overdue) },
              ...FOLLOW_UP_STATUSES.map((s) => figure(r.byStatus[s], followUpsHref({ division: r.id, status: s }), `${r.name}, ${tFollowUp(`statuses.${s}`)}`)),
              figure(r.total, followUpsHref({ division: r.id }), `${r.name}, ${t("total")}`),
            ],
          }))}
          totals={{
            key: "total",
            header: t("total"),
            cells: [
              figure(d.followUps.totals.overdue, followUpsHref({ overdue: "ja" }), `${t("total")}, ${t("overdue")}`),
              ...FOLLOW_UP_STATUSES.map((s) => figure(d.followUps!.totals.byStatus[s], followUpsHref({ status: s }), `${t("total")}, ${tFollowUp(`statuses.${s}`)}`)),
              figure(d.followUps.totals.total, followUpsHref({}), t("total")),
            ],
          }}
        />
      ) : null}

      {d.actionItems ? (
        <DashboardTable
          id="action-items" title={t("actionItemsTitle")}
          empty={d.actionItems.rows.length === 0 ? { text: t("empty") } : null}
          columns={[
            { key: "division", header: t("division") },
            { key: "overdue", header: t("overdue"), numeric: true },
            { key: "open", header: t("open"), numeric: true },
          ]}
          rows={d.actionItems.rows.map((r) => {
            const name = r.name ?? t("networkWide");
            return {
              key: r.id ?? "network",
              header: name,
              cells: [
                { content: figure(r.overdue, r.id ? itemsHref({ overdue: "1", division: r.id }) : null, `${name}, ${t("overdue")}`), warning: positive(r.overdue) },
                figure(r.open, r.id ? itemsHref({ status: "active", division: r.id }) : null, `${name}, ${t("open")}`),
              ],
            };
          })}
          totals={{
            key: "total",
            header: t("total"),
            cells: [
              figure(d.actionItems.overdue, itemsHref({ overdue: "1" }), `${t("total")}, ${t("overdue")}`),
              figure(d.actionItems.open, itemsHref({ status: "active" }), `${t("total")}, ${t("open")}`),
            ],
          }}
        />
      ) : null}

      {d.measures ? (
        <DashboardTable
          id="measures" title={t("measuresTitle")}
          chart={
            <BarChart id="chart-measures" title={t("measuresChart")} description={t("measuresChartDesc")} colour={3}
              bars={LEVELS.map((l, r) => ({ label: tMeasures(`levels.${l}`), value: num(d.measures!.rowTotals[r]!), text: text(d.measures!.rowTotals[r]!) }))} />
          }
          columns={[
            { key: "level", header: t("level") },
            ...MEASURE_STATUSES.map((s) => ({ key: s, header: tMeasures(`statuses.${s}`), numeric: true })),
            { key: "total", header: t("total"), numeric: true, strong: true },
          ]}
          rows={LEVELS.map((l, r) => ({
            key: l,
            header: tMeasures(`levels.${l}`),
            cells: [
              ...MEASURE_STATUSES.map((s, c) =>
                figure(d.measures!.cells[r]![c]!, full ? query("/insatser", { level: l, status: s }) : null, `${tMeasures(`levels.${l}`)}, ${tMeasures(`statuses.${s}`)}`)),
              figure(d.measures!.rowTotals[r]!, full ? query("/insatser", { level: l }) : null, tMeasures(`levels.${l}`)),
            ],
          }))}
          totals={{
            key: "total",
            header: t("total"),
            cells: [
              ...MEASURE_STATUSES.map((s, c) => figure(d.measures!.columnTotals[c]!, full ? query("/insatser", { status: s }) : null, tMeasures(`statuses.${s}`))),
              figure(d.measures.total, full ? "/insatser" : null, t("total")),
            ],
          }}
        />
      ) : null}

      <MyActionItems viewer={viewer} />
    </>
  );
}
