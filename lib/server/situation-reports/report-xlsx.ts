import "server-only";
import sv from "@/lib/i18n/messages/sv/reports.json";
import situationSv from "@/lib/i18n/messages/sv/situation.json";
import { buildWorkbook, type XlsxSheet } from "@/lib/server/documents/xlsx";
import { formatPeriodSv } from "@/lib/server/documents/pdf";
import type { Trend } from "@/lib/situation-reports/figures";
import type { ReportView } from "./get-report";

// The report's figures as a spreadsheet, for whoever sums and charts them further: one sheet
// per table, counts as numbers (an observer's suppressed ones as the text "<5"). Swedish,
// like the PDF.

const r = sv.reports;
const d = r.detail;
const s = situationSv.situation;
const c = sv.contactLog;
const trend = (t: Trend | null) => (t === null ? r.trends.hidden : r.trends[t]);

export async function renderReportXlsx(report: ReportView, generatedAt: Date): Promise<Buffer> {
  const f = report.figures;
  const preamble = [
    `${report.title} – ${formatPeriodSv(report.periodStart, report.periodEnd)} (${r.statuses[report.status]})`,
    ...(report.suppressedBelow ? [`Antal under ${report.suppressedBelow} visas som <${report.suppressedBelow}; en summa som skulle avslöja ett dolt antal visas som –.`] : []),
  ];
  if (!f) return buildWorkbook([{ name: d.figures, preamble: [...preamble, d.noFigures], columns: [], rows: [] }], { created: generatedAt });
  const count = { header: d.count, key: "count", type: "number" } as const;
  const contactRows = [
    ...f.contacts.byRequester.map((x) => ({ dimension: d.byRequester, category: c.requesters[x.key], count: x.count })),
    ...f.contacts.byChannel.map((x) => ({ dimension: d.byChannel, category: c.channels[x.key], count: x.count })),
    ...f.contacts.byReferral.map((x) => ({ dimension: d.byReferral, category: c.referrals[x.key], count: x.count })),
    ...f.contacts.byGender.map((x) => ({ dimension: d.byGender, category: c.genders[x.key], count: x.count })),
    ...f.contacts.byAgeBand.map((x) => ({ dimension: d.byAgeBand, category: c.ageBands[x.key], count: x.count })),
    ...f.contacts.byEnvironment.map((x) => ({ dimension: d.byEnvironment, category: x.key === "UNKNOWN" ? c.fields.environmentUnknown : s.environments[x.key], count: x.count })),
  ];
  const sheets: XlsxSheet[] = [
    {
      name: "Miljöer",
      preamble: [...preamble, `${d.previous}: ${f.previousPeriod.start} – ${f.previousPeriod.end}`],
      columns: [{ header: d.environment, key: "environment", width: 30 }, count, { header: d.previous, key: "previous", type: "number", width: 18 }, { header: d.trend, key: "trend" }],
      rows: [
        ...f.environments.map((e) => ({ environment: s.environments[e.environment], count: e.count, previous: e.previousCount, trend: trend(e.trend) })),
        { environment: "Totalt", count: f.total, previous: f.previousTotal, trend: trend(f.trend) },
      ],
    },
    {
      name: "Aktiviteter",
      columns: [{ header: d.environment, key: "environment", width: 30 }, { header: d.activity, key: "activity", width: 28 }, count],
      rows: f.environments.flatMap((e) => e.byActivity.map((a) => ({ environment: s.environments[e.environment], activity: s.activities[a.key], count: a.count }))),
    },
    {
      name: "Områden",
      columns: [{ header: d.environment, key: "environment", width: 30 }, { header: d.district, key: "district", width: 24 }, count],
      rows: f.environments.flatMap((e) => e.byDistrict.map((x) => ({ environment: s.environments[e.environment], district: x.district ?? s.noDistrict, count: x.count }))),
    },
    {
      name: "Källor",
      // Suppressed (an observer): every source with its count ("<5" for a zero too), no column of
      // the missing ones — which sources have no entry is a zero count.
      columns: [{ header: d.source, key: "source", width: 24 }, count, ...(f.sourcesMissing === null ? [] : [{ header: d.sourcesMissing, key: "missing", width: 30 }])],
      rows: f.sourcesMissing === null
        ? f.sourcesUsed.map((x) => ({ source: s.sources[x.key], count: x.count }))
        : [
            ...f.sourcesUsed.map((x) => ({ source: s.sources[x.key], count: x.count, missing: "" })),
            ...f.sourcesMissing.map((x) => ({ source: s.sources[x], count: 0, missing: "Saknas" })),
          ],
    },
    {
      name: "Kontakter",
      preamble: [`${d.contactsTotal}: ${f.contacts.total} (${d.previous.toLowerCase()}: ${f.contacts.previousTotal}, ${trend(f.contacts.trend).toLowerCase()})`],
      columns: [{ header: "Indelning", key: "dimension", width: 34 }, { header: "Kategori", key: "category", width: 28 }, count],
      rows: contactRows,
    },
  ];
  return buildWorkbook(sheets, { created: generatedAt });
}
