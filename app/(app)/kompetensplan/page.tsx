import type { Metadata } from "next";
import { Fragment } from "react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may, scopeFor } from "@/lib/access/permissions";
import { planQuerySchema } from "@/lib/schemas/training";
import { searchParamsOf } from "@/lib/route-params";
import { getPlanOverview } from "@/lib/server/training/get-plan";
import { getAggregatedCoverage, getApprovedPlan, type CoverageFigure } from "@/lib/server/training/get-approved-plan";
import type { Shown } from "@/lib/aggregates/suppression";
import { planFormOptions } from "@/lib/server/training/list-needs";
import { stockholmLocal, stockholmToday } from "@/lib/server/training/common";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import { ConfirmAction } from "@/components/training/confirm-action";
import { percent } from "@/lib/training/coverage";
import { AttendanceForm, CreatePlanForm, EventForm } from "./_components/plan-forms";
import { approvePlanAction, cancelEventAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("competencePlan.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const td = "px-3 py-2";
const num = "px-3 py-2 text-right tabular-nums";

export default async function CompetencePlanPage({ searchParams }: Props) {
  const viewer = await requireViewer("competencePlan", "list");
  const query = await searchParamsOf(planQuerySchema, searchParams);
  const year = query.ar ?? Number(stockholmToday().slice(0, 4));
  const [t, format] = await Promise.all([getTranslations("training"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Europe/Stockholm" });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" });
  const pct = (ratio: number | null) => (ratio === null ? t("coverage.none") : t("coverage.percent", { value: percent(ratio)! }));
  // An aggregated figure as the viewer may see it: "färre än 5" (small), "–" (a total hidden
  // because it would give a small one back, or its complementary figure), else the number.
  const shownFigure = (v: Shown, threshold: number | null) =>
    v === "small" ? t("coverage.suppressed", { threshold: threshold ?? 0 }) : v === "derived" ? t("coverage.none") : format.number(v);
  const coverageCells = (f: CoverageFigure, threshold: number | null) => (
    <>
      <td className={num}>{shownFigure(f.identified, threshold)}</td>
      <td className={num}>{shownFigure(f.trained, threshold)}</td>
      <td className={num}>{typeof f.identified === "number" && typeof f.trained === "number" && f.identified > 0 ? pct(f.trained / f.identified) : t("coverage.none")}</td>
    </>
  );

  const yearPicker = (
    <form method="get" className="mb-6 flex items-end gap-3" aria-label={t("plan.year")}>
      <label className="text-sm font-medium">
        {t("plan.year")}
        <input name="ar" type="number" min={2000} max={2100} defaultValue={year} className="mt-1 block w-28 rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{t("plan.showYear")}</button>
    </form>
  );

  // Observers (and anyone asking for a frozen version) read approved versions only.
  if (scopeFor(viewer.role, "competencePlan", "read") === "final" || query.version !== undefined) {
    const approved = await getApprovedPlan(viewer, year, query.version);
    const aggregated = may(viewer.role, "aggregates", "read") && scopeFor(viewer.role, "aggregates", "read") === "all" && query.version === undefined
      ? await getAggregatedCoverage(viewer, year) : null;
    return (
      <>
        <PageHeader title={t("plan.title")} description={t("plan.description")} />
        {yearPicker}
        {query.version !== undefined && scopeFor(viewer.role, "competencePlan", "read") !== "final" ? (
          <p className="mb-4"><Link className="text-brand-700 underline" href={`/kompetensplan?ar=${year}`}>{t("plan.backToPlan")}</Link></p>
        ) : null}
        {!approved ? (
          <EmptyState title={t("plan.notApprovedYet", { year })} />
        ) : (
          <section aria-labelledby="version-title" className="mb-8">
            <h2 id="version-title" className="text-xl font-semibold">{t("plan.versionTitle", { title: approved.snapshot.title, number: approved.number })}</h2>
            <p className="mb-2 text-sm text-slate-600">{t("plan.versionFrozen", { date: date(approved.approvedAt) })}</p>
            {approved.versions.length > 1 ? (
              <nav aria-label={t("plan.versions")} className="mb-4 flex flex-wrap gap-2 text-sm">
                {approved.versions.map((v) => (
                  <Link key={v.number} href={`/kompetensplan?ar=${year}&version=${v.number}`} aria-current={v.number === approved.number ? "page" : undefined} className="rounded border border-slate-300 bg-white px-2 py-1">
                    {t("plan.showVersion", { number: v.number, date: date(v.approvedAt) })}
                  </Link>
                ))}
              </nav>
            ) : null}
            {approved.snapshot.goals ? <p className="mb-4 whitespace-pre-line">{approved.snapshot.goals}</p> : null}
            <DataTable headers={[t("events.form.title"), t("events.form.level"), t("events.when"), t("events.provider"), t("events.capacity"), t("events.targetDivisions")]}>
              {approved.snapshot.events.map((e, i) => (
                <tr key={i}>
                  <td className={td}>{e.title}</td>
                  <td className={td}>{t(`levels.${e.level}`)}</td>
                  <td className={td}>{dateTime(new Date(e.startsAt))}</td>
                  <td className={td}>{e.provider}</td>
                  <td className={num}>{format.number(e.capacity)}</td>
                  <td className={td}>{e.targetDivisions.join(", ") || t("events.allDivisions")}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        )}
        {aggregated ? (
          <section aria-labelledby="aggregated-title">
            <h2 id="aggregated-title" className="mb-2 text-lg font-semibold">{t("coverage.aggregatedTitle")}</h2>
            {aggregated.threshold !== null ? (
              <p className="mb-2 text-sm text-slate-600">
                {t("coverage.suppressedNote", { threshold: aggregated.threshold })} {t("coverage.derivedNote")}
              </p>
            ) : null}
            {aggregated.rows.length === 0 ? <EmptyState title={t("coverage.empty")} /> : (
              <DataTable headers={[t("needs.columns.division"), t("needs.columns.level"), t("coverage.identified"), t("coverage.trained"), t("coverage.ratio")]}>
                {aggregated.rows.map((r) => (
                  <Fragment key={r.divisionId}>
                    {aggregated.levels.map((level, c) => (
                      <tr key={level} data-testid="aggregated-row">
                        <td className={td}>{r.division}</td>
                        <td className={td}>{t(`levels.${level}`)}</td>
                        {coverageCells(r.levels[c]!, aggregated.threshold)}
                      </tr>
                    ))}
                    <tr className="bg-slate-50 font-medium" data-testid="aggregated-total">
                      <td className={td} colSpan={2}>{t("coverage.allLevels", { division: r.division })}</td>
                      {coverageCells(r.total, aggregated.threshold)}
                    </tr>
                  </Fragment>
                ))}
                {aggregated.levels.map((level, c) => (
                  <tr key={`all-${level}`} className="bg-slate-50 font-medium" data-testid="aggregated-total">
                    <td className={td} colSpan={2}>{t("coverage.allDivisions", { level: t(`levels.${level}`).toLowerCase() })}</td>
                    {coverageCells(aggregated.levelTotals[c]!, aggregated.threshold)}
                  </tr>
                ))}
                <tr className="bg-slate-100 font-semibold" data-testid="aggregated-total">
                  <td className={td} colSpan={2}>{t("coverage.grandTotal")}</td>
                  {coverageCells(aggregated.total, aggregated.threshold)}
                </tr>
              </DataTable>
            )}
          </section>
        ) : null}
      </>
    );
  }

  // One use case (one transaction) at a time: a page must not hold two of the small pool's connections.
  const overview = await getPlanOverview(viewer, year, query.page);
  const options = await planFormOptions(viewer);
  const { plan } = overview;
  const canApprove = may(viewer.role, "competencePlan", "approve");
  const canExport = may(viewer.role, "competencePlan", "export");
  // An event form offers the needs it already answers and those on the needs list's current
  // page — never the whole year's (thousands at a large municipality's scale), and never
  // fewer than the links it holds, which saving would otherwise drop (a withdrawn need's link
  // is not offered: saving drops it, as before).
  type LinkableNeed = { id: string; division: string; staffCategory: string; level: "BASIC" | "ADVANCED"; headcount: number; wantedBy: Date; status?: string };
  const needOption = (n: LinkableNeed) => ({
    id: n.id,
    label: `${n.division} – ${n.staffCategory}, ${t(`levels.${n.level}`).toLowerCase()}, ${format.number(n.headcount)} (${date(n.wantedBy)})`,
  });
  const pageNeedOptions = overview.needs.rows.map(needOption);
  const needOptionsFor = (linked: LinkableNeed[]) => {
    const onPage = new Set(overview.needs.rows.map((n) => n.id));
    return [...linked.filter((n) => !onPage.has(n.id) && n.status !== "CANCELLED").map(needOption), ...pageNeedOptions];
  };
  const latest = plan?.versions[0];
  // Attendance is recorded from the event's day on (Stockholm), the use case refuses it before.
  const today = stockholmToday();
  const hasCome = (startsAt: Date) => stockholmLocal(startsAt).slice(0, 10) <= today;

  return (
    <>
      <PageHeader title={t("plan.title")} description={t("plan.description")} />
      {yearPicker}
      {!plan ? (
        <div className="space-y-6">
          <EmptyState title={t("plan.none", { year })} text={t("plan.noneText")} />
          {may(viewer.role, "competencePlan", "create") ? <CreatePlanForm year={year} /> : null}
        </div>
      ) : (
        <>
          <section aria-labelledby="plan-title" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="plan-title" className="text-xl font-semibold">{plan.title}</h2>
            <p className="mt-1 text-sm" data-testid="plan-status">
              {latest ? t("plan.approvedVersion", { number: latest.number, date: date(latest.approvedAt) }) : t(`plan.status${plan.status}`)}
            </p>
            {plan.changedSinceApproval ? <p className="mt-2 rounded bg-amber-50 p-2 text-sm">{t("plan.changedSinceApproval")}</p> : null}
            {plan.goals ? <p className="mt-3 whitespace-pre-line"><span className="font-medium">{t("plan.goals")}: </span>{plan.goals}</p> : null}
            {plan.versions.length ? (
              <nav aria-label={t("plan.versions")} className="mt-3 flex flex-wrap gap-2 text-sm">
                <span>{t("plan.versions")}:</span>
                {plan.versions.map((v) => (
                  <Link key={v.number} href={`/kompetensplan?ar=${year}&version=${v.number}`} className="text-brand-700 underline">
                    {t("plan.showVersion", { number: v.number, date: date(v.approvedAt) })}
                  </Link>
                ))}
              </nav>
            ) : null}
            <div className="mt-4 flex flex-wrap items-start gap-4">
              {canApprove && overview.events.length > 0 && (!latest || plan.changedSinceApproval) ? (
                <ConfirmAction
                  action={approvePlanAction}
                  input={{ planId: plan.id, version: plan.version, confirmed: true as const }}
                  label={t("plan.approve")}
                  question={t("plan.approveQuestion", { number: (latest?.number ?? 0) + 1 })}
                  confirmLabel={t("plan.approveConfirm")}
                  cancelLabel={t("dismiss")}
                  pendingLabel={t("plan.approving")}
                />
              ) : null}
              {canExport ? (
                <div className="flex gap-3 text-sm">
                  <span className="font-medium">{t("plan.exports")}:</span>
                  <a className="text-brand-700 underline" href={`/kompetensplan/export?ar=${year}&format=xlsx`} download>{t("plan.exportXlsx")}</a>
                  <a className="text-brand-700 underline" href={`/kompetensplan/export?ar=${year}&format=pdf`} download>{t("plan.exportPdf")}</a>
                </div>
              ) : null}
            </div>
          </section>

          <section aria-labelledby="events-title" className="mb-8">
            <h2 id="events-title" className="mb-2 text-lg font-semibold">{t("events.title")}</h2>
            {overview.events.length === 0 ? (
              <EmptyState title={viewer.role === "DIVISION_HEAD" ? t("events.emptyOwn") : t("events.empty")} />
            ) : (
              <ul className="space-y-4">
                {overview.events.map((e) => {
                  const existing: Record<string, { group: "STAFF" | "MANAGERS" | "ELECTED_OFFICIALS"; staffCategoryId: string; registered: number; attended: number }[]> = {};
                  for (const a of e.attendance) (existing[a.divisionId] ??= []).push({ group: a.group, staffCategoryId: a.staffCategoryId ?? "", registered: a.registered, attended: a.attended });
                  return (
                    <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="training-event">
                      <h3 className="font-semibold">{e.title}</h3>
                      <p className="text-sm text-slate-700">
                        {t(`levels.${e.level}`)} · {dateTime(e.startsAt)} · {e.provider}{e.location ? ` · ${e.location}` : ""} · {t("events.capacity")}: {format.number(e.capacity)} · <span data-testid="event-status">{t(`eventStatuses.${e.status}`)}</span>
                      </p>
                      <p className="text-sm text-slate-700">
                        {t("events.targetGroups")}: {e.targetStaffCategories.map((c) => c.name).join(", ") || t("events.allCategories")} · {t("events.targetDivisions")}: {e.targetDivisions.map((d) => d.name).join(", ") || t("events.allDivisions")}
                        {e.material ? ` · ${t("events.material")}: ${e.material}` : ""}
                      </p>
                      <h4 className="mt-3 text-sm font-medium">{t("events.linkedNeeds")}</h4>
                      {e.needs.length === 0 ? <p className="text-sm text-slate-500">{t("events.noLinkedNeeds")}</p> : (
                        <ul className="list-disc pl-5 text-sm">
                          {e.needs.map((n) => <li key={n.id}>{n.division} – {n.staffCategory}, {t(`levels.${n.level}`).toLowerCase()}, {format.number(n.headcount)}</li>)}
                        </ul>
                      )}
                      <h4 className="mt-3 text-sm font-medium">{t("events.attendance")}</h4>
                      {e.attendance.length === 0 ? <p className="text-sm text-slate-500">{t("events.noAttendance")}</p> : (
                        <DataTable headers={[t("needs.columns.division"), t("events.attendanceForm.group"), t("needs.columns.staffCategory"), t("events.attendanceForm.registered"), t("events.attendanceForm.attended")]}>
                          {e.attendance.map((a, i) => (
                            <tr key={i}>
                              <td className={td}>{a.division}</td>
                              <td className={td}>{t(`groups.${a.group}`)}</td>
                              <td className={td}>{a.staffCategory ?? ""}</td>
                              <td className={num}>{format.number(a.registered)}</td>
                              <td className={num}>{format.number(a.attended)}</td>
                            </tr>
                          ))}
                        </DataTable>
                      )}
                      {overview.canPlan && e.status !== "CANCELLED" ? (
                        <div className="mt-3 space-y-2">
                          {hasCome(e.startsAt) ? (
                            <details>
                              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("events.recordAttendance")}</summary>
                              <div className="mt-2">
                                <AttendanceForm eventId={e.id} divisions={options.attendanceDivisions} staffCategories={options.staffCategories} existing={existing} />
                              </div>
                            </details>
                          ) : (
                            <p className="text-sm text-slate-600" data-testid="attendance-later">{t("events.attendanceLater")}</p>
                          )}
                          <details>
                            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("events.edit")}</summary>
                            <div className="mt-2">
                              <EventForm
                                formId={`event-${e.id}`}
                                planId={plan.id}
                                staffCategories={options.staffCategories}
                                divisions={options.divisions}
                                needs={needOptionsFor(e.needs)}
                                initial={{
                                  id: e.id, version: e.version, title: e.title, level: e.level, startsAt: stockholmLocal(e.startsAt), provider: e.provider,
                                  location: e.location ?? "", capacity: e.capacity, material: e.material ?? "", description: e.description,
                                  targetStaffCategoryIds: e.targetStaffCategories.map((c) => c.id), targetDivisionIds: e.targetDivisions.map((d) => d.id),
                                  needIds: e.needs.map((n) => n.id),
                                }}
                              />
                            </div>
                          </details>
                          {e.status === "PLANNED" ? (
                            <ConfirmAction
                              action={cancelEventAction}
                              input={{ id: e.id, version: e.version, confirmed: true as const }}
                              label={t("events.cancel")}
                              question={t("events.cancelQuestion")}
                              confirmLabel={t("events.cancelConfirm")}
                              cancelLabel={t("dismiss")}
                              pendingLabel={t("events.cancelling")}
                              danger
                            />
                          ) : null}
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {overview.canPlan ? (
              <details className="mt-4">
                <summary className="cursor-pointer font-medium text-brand-700">{t("events.add")}</summary>
                <div className="mt-2">
                  <EventForm formId="new-event" planId={plan.id} staffCategories={options.staffCategories} divisions={options.divisions} needs={pageNeedOptions} />
                </div>
              </details>
            ) : null}
          </section>
        </>
      )}

      <section aria-labelledby="coverage-title" className="mb-8">
        <h2 id="coverage-title" className="text-lg font-semibold">{t("coverage.title")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t("coverage.description")}</p>
        {overview.coverage.rows.length === 0 ? <EmptyState title={t("coverage.empty")} /> : (
          <DataTable headers={[t("needs.columns.division"), t("needs.columns.level"), t("needs.columns.staffCategory"), t("coverage.identified"), t("coverage.trained"), t("coverage.ratio")]}>
            {overview.coverage.rows.map((r) => (
              <tr key={`${r.divisionId}-${r.level}-${r.staffCategoryId}`} data-testid="coverage-row">
                <td className={td}>{r.division}</td>
                <td className={td}>{t(`levels.${r.level}`)}</td>
                <td className={td}>{r.staffCategory}</td>
                <td className={num}>{format.number(r.identified)}</td>
                <td className={num}>{format.number(r.trained)}</td>
                <td className={num}>{pct(r.ratio)}</td>
              </tr>
            ))}
            {overview.coverage.totals.map((r) => (
              <tr key={`${r.divisionId}-${r.level}-total`} className="bg-slate-50 font-medium">
                <td className={td} colSpan={3}>{t("coverage.divisionTotal", { division: r.division, level: t(`levels.${r.level}`).toLowerCase() })}</td>
                <td className={num}>{format.number(r.identified)}</td>
                <td className={num}>{format.number(r.trained)}</td>
                <td className={num}>{pct(r.ratio)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {overview.needs.total ? (
          <>
            <h3 className="mt-6 mb-2 font-semibold">{t("coverage.needsTitle")}</h3>
            <p className="mb-2 text-sm text-slate-600" data-testid="plan-needs-count">{t("coverage.needsCount", { total: overview.needs.total })}</p>
            <DataTable headers={[t("needs.columns.division"), t("needs.columns.staffCategory"), t("needs.columns.level"), t("needs.columns.wantedBy"), t("needs.columns.headcount"), t("coverage.trained"), t("needs.columns.status")]}>
              {overview.needs.rows.map((n) => (
                <tr key={n.id} data-testid="need-coverage">
                  <td className={td}>{n.division}</td>
                  <td className={td}>{n.staffCategory}</td>
                  <td className={td}>{t(`levels.${n.level}`)}</td>
                  <td className={td}>{format.dateTime(n.wantedBy, { dateStyle: "medium", timeZone: "UTC" })}</td>
                  <td className={num}>{format.number(n.headcount)}</td>
                  <td className={num}>{format.number(n.trained)}</td>
                  <td className={td}>{n.covered ? t("coverage.covered") : t("coverage.notCovered")}</td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={overview.needs.page} pages={overview.needs.pages} query={{ ar: String(year) }} />
          </>
        ) : null}
        {overview.coverage.others.length ? (
          <>
            <h3 className="mt-6 mb-2 font-semibold">{t("coverage.others")}</h3>
            <DataTable headers={[t("needs.columns.division"), t("groups.MANAGERS"), t("groups.ELECTED_OFFICIALS")]}>
              {overview.coverage.others.map((o) => (
                <tr key={o.divisionId}>
                  <td className={td}>{o.division}</td>
                  <td className={num}>{format.number(o.managers)}</td>
                  <td className={num}>{format.number(o.electedOfficials)}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : null}
      </section>
    </>
  );
}
