import "server-only";
import { View } from "@react-pdf/renderer";
import sv from "@/lib/i18n/messages/sv/reports.json";
import situationSv from "@/lib/i18n/messages/sv/situation.json";
import {
  formatDateSv, formatPeriodSv, PdfDocument, PdfParagraph, PdfSection, PdfSubheading, PdfTable, renderPdf,
} from "@/lib/server/documents/pdf";
import type { Shown, Trend } from "@/lib/situation-reports/figures";
import type { ReportView } from "./get-report";

// The report as a document a person hands to the police or the board: title page, period,
// sections, tables, "Sida x av y", Swedish dates. Always Swedish — it is the municipality's
// document, whatever language the coordinator's interface is in.

const r = sv.reports;
const d = r.detail;
const s = situationSv.situation;
const c = sv.contactLog;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const trend = (t: Trend | null) => (t === null ? r.trends.hidden : r.trends[t]);
const count = (n: Shown) => n;

export async function renderReportPdf(report: ReportView, { generatedAt }: { generatedAt: Date }): Promise<Buffer> {
  const f = report.figures;
  return renderPdf(
    <PdfDocument
      title={report.title}
      subtitle="Sammanställd lägesbild – våldsbejakande extremism"
      letterhead={report.letterhead}
      generatedAt={generatedAt}
      meta={[
        ["Period", formatPeriodSv(report.periodStart, report.periodEnd)],
        ["Status", report.status === "FINAL" ? `${r.statuses.FINAL} ${report.finalizedAt ? formatDateSv(report.finalizedAt) : ""}`.trim() : `${r.statuses.DRAFT} – ej fastställd`],
        ["Framtagen med polisen", report.madeWithPolice ? "Ja" : "Nej"],
        ...(f ? [["Jämförelseperiod", formatPeriodSv(day(f.previousPeriod.start), day(f.previousPeriod.end))] as [string, string]] : []),
        ...(report.suppressedBelow ? [["Sekretesskydd", `Antal under ${report.suppressedBelow} visas som <${report.suppressedBelow}; en summa som skulle avslöja ett dolt antal visas som –`] as [string, string]] : []),
      ]}
      classification="Beskriver miljöer, närvaro och aktiviteter – inga personuppgifter. Kan omfattas av sekretess enligt OSL; lämnas ut endast med stöd av lag och registreras i Värna."
    >
      {f ? (
        <PdfSection title={d.figures}>
          <PdfTable
            columns={[{ header: d.environment, width: 3 }, { header: d.count, align: "right" }, { header: d.previous, align: "right" }, { header: d.trend }]}
            rows={[
              ...f.environments.map((e) => [s.environments[e.environment], count(e.count), count(e.previousCount), trend(e.trend)]),
              ["Totalt", count(f.total), count(f.previousTotal), trend(f.trend)],
              [d.contactsTotal, count(f.contacts.total), count(f.contacts.previousTotal), trend(f.contacts.trend)],
            ]}
          />
        </PdfSection>
      ) : (
        <PdfSection title={d.figures}><PdfParagraph muted>{d.noFigures}</PdfParagraph></PdfSection>
      )}

      <PdfSection title={d.sections}>
        {report.sections.map((section) => {
          const e = f?.environments.find((x) => x.environment === section.environment);
          return (
            <View key={section.environment}>
              <PdfSubheading>{s.environments[section.environment]}</PdfSubheading>
              {section.summary ? <PdfParagraph>{section.summary}</PdfParagraph> : null}
              <PdfParagraph>{`${d.presence}: ${section.presence || "–"}`}</PdfParagraph>
              <PdfParagraph>{`${d.activities}: ${section.activities || "–"}`}</PdfParagraph>
              {e ? (
                <>
                  <PdfTable
                    columns={[{ header: d.activity, width: 3 }, { header: d.count, align: "right" }]}
                    rows={e.byActivity.map((a) => [s.activities[a.key], count(a.count)])}
                  />
                  <PdfTable
                    columns={[{ header: d.district, width: 3 }, { header: d.count, align: "right" }]}
                    rows={e.byDistrict.map((x) => [x.district ?? s.noDistrict, count(x.count)])}
                    emptyText="Inga noteringar."
                  />
                </>
              ) : null}
            </View>
          );
        })}
      </PdfSection>

      <PdfSection title={d.trendsText}>
        <PdfParagraph>{report.trends}</PdfParagraph>
      </PdfSection>

      {f ? (
        <PdfSection title={d.sources}>
          {/* Suppressed (an observer): every source with its count, no list of the missing ones. */}
          <PdfSubheading>{f.sourcesMissing === null ? d.bySource : d.sourcesUsed}</PdfSubheading>
          <PdfTable
            columns={[{ header: d.source, width: 3 }, { header: d.count, align: "right" }]}
            rows={f.sourcesUsed.map((x) => [s.sources[x.key], count(x.count)])}
            emptyText={d.noneUsed}
          />
          {f.sourcesMissing === null ? null : (
            <>
              <PdfSubheading>{d.sourcesMissing}</PdfSubheading>
              <PdfParagraph>{f.sourcesMissing.length ? f.sourcesMissing.map((x) => s.sources[x]).join(", ") : d.noneMissing}</PdfParagraph>
            </>
          )}
        </PdfSection>
      ) : null}

      {f ? (
        <PdfSection title={d.contacts}>
          <PdfParagraph>{`${d.contactsTotal}: ${f.contacts.total} (${d.previous.toLowerCase()}: ${f.contacts.previousTotal})`}</PdfParagraph>
          <PdfTable columns={[{ header: d.byRequester, width: 3 }, { header: d.count, align: "right" }]} rows={f.contacts.byRequester.map((x) => [c.requesters[x.key], count(x.count)])} />
          <PdfTable columns={[{ header: d.byChannel, width: 3 }, { header: d.count, align: "right" }]} rows={f.contacts.byChannel.map((x) => [c.channels[x.key], count(x.count)])} />
          <PdfTable columns={[{ header: d.byReferral, width: 3 }, { header: d.count, align: "right" }]} rows={f.contacts.byReferral.map((x) => [c.referrals[x.key], count(x.count)])} />
          <PdfTable columns={[{ header: d.byGender, width: 3 }, { header: d.count, align: "right" }]} rows={f.contacts.byGender.map((x) => [c.genders[x.key], count(x.count)])} />
          <PdfTable columns={[{ header: d.byAgeBand, width: 3 }, { header: d.count, align: "right" }]} rows={f.contacts.byAgeBand.map((x) => [c.ageBands[x.key], count(x.count)])} />
        </PdfSection>
      ) : null}

      <PdfSection title={d.assessment}>
        <PdfParagraph>{report.assessment}</PdfParagraph>
      </PdfSection>
      <PdfSection title={d.recommendedMeasures}>
        <PdfParagraph>{report.recommendedMeasures}</PdfParagraph>
      </PdfSection>

      {report.cited ? (
        <PdfSection title={`Underlag: ${d.cited.toLowerCase()}`}>
          <PdfTable
            columns={[
              { header: d.entryColumns.observedOn, width: 1.2 }, { header: d.entryColumns.environment, width: 1.6 },
              { header: d.entryColumns.activity, width: 1.4 }, { header: d.entryColumns.source, width: 1.3 },
              { header: d.entryColumns.district, width: 1.2 }, { header: d.entryColumns.description, width: 3.5 },
            ]}
            rows={report.cited.map((e) => [
              formatDateSv(e.observedOn), s.environments[e.environment], s.activities[e.activityType], s.sources[e.source],
              e.district ?? s.noDistrict, e.description,
            ])}
            emptyText={d.citedNone}
          />
        </PdfSection>
      ) : null}
    </PdfDocument>,
  );
}
