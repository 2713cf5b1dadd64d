import "server-only";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import { PdfDocument, PdfParagraph, PdfSection, PdfSubheading, PdfTable, formatDateSv, renderPdf } from "@/lib/server/documents/pdf";
import { buildWorkbook, type XlsxSheet } from "@/lib/server/documents/xlsx";
import { FOLLOW_UP_FIGURES, LEVEL_STATUSES, NETWORK_FIGURES, coverageOf, type Shown, type ShownEvaluationFigures } from "@/lib/evaluation/shown-figures";
import type { Evaluation } from "./evaluation";

// The yearly evaluation as the documents the coordinator hands to the municipal board: a PDF
// per section of the plan (the coordinator's text, then the figures) and a workbook of the same
// figures. Both are built from one `Evaluation` — the figures the page shows, suppressed for an
// observer by `evaluationFiguresFor` — so they agree and never print a count the page hides.
// The board reads Swedish: the texts come from the Swedish catalog.

const t = createTranslator({ locale: "sv", messages: MESSAGES.sv });
const e = (key: string, values?: Record<string, string | number>) => t(`evaluation.${key}` as never, values as never) as string;
const m = (key: string) => t(`measures.${key}` as never) as string;
const label = {
  level: (v: string) => m(`levels.${v}`),
  status: (v: string) => m(`statuses.${v}`),
  investigation: (v: string | null) => (v ? m(`investigation.${v}`) : "–"),
  recommendation: (v: string) => t(`recommendations.statuses.${v}` as never) as string,
  environment: (v: string) => t(`situation.environments.${v}` as never) as string,
};

/** A small count prints as "färre än N", a total hidden for it as "–"; a number stays a number. */
const shown = (f: ShownEvaluationFigures, value: Shown): number | string =>
  value === "small" ? e("suppressed", { threshold: f.threshold }) : value === "derived" ? "–" : value;
const coverage = (needed: Shown, attended: Shown) => {
  const share = coverageOf(needed, attended);
  return share === null ? "–" : `${Math.round(share * 100)} %`;
};

/** The figures each section of the plan reports besides its measures and recommendations. */
function sectionExtras(f: ShownEvaluationFigures, section: number) {
  switch (section) {
    case 1:
      return (
        <>
          <PdfSubheading>{e("headings.measuresByLevel")}</PdfSubheading>
          <PdfTable
            columns={[{ header: e("columns.level"), width: 2 }, ...(["planned", "ongoing", "completed", "paused", "cancelled", "total"] as const).map((c) => ({ header: e(`columns.${c}`) }))]}
            rows={f.measuresByLevel.map((r) => [label.level(r.level), ...LEVEL_COLUMNS.map((c) => shown(f, r[c]))])}
          />
        </>
      );
    case 2:
      return (
        <>
          <PdfSubheading>{e("headings.network")}</PdfSubheading>
          <PdfTable columns={[{ header: e("columns.figure"), width: 3 }, { header: e("columns.value") }]} rows={networkRows(f)} />
        </>
      );
    case 4:
      return (
        <>
          <PdfSubheading>{e("headings.training")}</PdfSubheading>
          <PdfTable
            columns={[{ header: e("columns.division"), width: 2 }, { header: e("columns.needed") }, { header: e("columns.attended") }, { header: e("columns.coverage"), align: "right" }]}
            rows={f.training.map((r) => [r.division, shown(f, r.needed), shown(f, r.attended), coverage(r.needed, r.attended)])}
          />
          <PdfParagraph>{`${e("figures.trainingEvents")}: ${shown(f, f.trainingEvents)}`}</PdfParagraph>
        </>
      );
    case 5: {
      if (f.view === "aggregates") return null;
      const special = f.sections.flatMap((s) => s.measures ?? []).filter((x) => x.isSpecial);
      return (
        <>
          <PdfSubheading>{e("headings.special")}</PdfSubheading>
          <PdfTable
            columns={[{ header: e("columns.title"), width: 3 }, { header: e("columns.division"), width: 2 }, { header: e("columns.status") }, { header: e("columns.investigation"), width: 2 }]}
            rows={special.map((x) => [x.title, x.division, label.status(x.status), label.investigation(x.investigationStatus)])}
            emptyText={e("none")}
          />
        </>
      );
    }
    case 7:
      return (
        <>
          <PdfSubheading>{e("headings.situation")}</PdfSubheading>
          <PdfTable columns={[{ header: e("columns.environment"), width: 3 }, { header: e("columns.count"), align: "right" }]} rows={f.situation.map((r) => [label.environment(r.environment), shown(f, r.count)])} />
          <PdfParagraph muted>{e("suppressionNote", { threshold: f.threshold })}</PdfParagraph>
          <PdfSubheading>{e("headings.followUps")}</PdfSubheading>
          <PdfTable columns={[{ header: e("columns.figure"), width: 3 }, { header: e("columns.value") }]} rows={followUpRows(f)} />
        </>
      );
    default:
      return null;
  }
}

const LEVEL_COLUMNS = [...LEVEL_STATUSES, "total"] as const;

function networkRows(f: ShownEvaluationFigures): [string, number | string][] {
  return NETWORK_FIGURES.map((key) => [e(`figures.${key}`), shown(f, f.network[key])]);
}

function followUpRows(f: ShownEvaluationFigures): [string, number | string][] {
  return FOLLOW_UP_FIGURES.map((key) => [e(`figures.${key}`), shown(f, f.followUps[key])]);
}

/** Below every table of counts an observer reads: what "färre än N" and "–" stand for. */
function SuppressionNotes({ f }: { f: ShownEvaluationFigures }) {
  return f.view === "aggregates" ? <PdfParagraph muted>{`${e("suppressionNote", { threshold: f.threshold })} ${e("derivedNote")}`}</PdfParagraph> : null;
}

export async function evaluationPdf(evaluation: Evaluation, { generatedAt }: { generatedAt: Date }): Promise<Buffer> {
  const f = evaluation.figures;
  const anyParaphrase = f.sections.some((s) => s.recommendations.some((r) => r.isParaphrase));
  return renderPdf(
    <PdfDocument
      title={e("documentTitle", { year: evaluation.year })}
      subtitle={e("subtitle")}
      letterhead={evaluation.letterhead}
      meta={[
        [e("year"), String(evaluation.year)],
        [t("measures.columns.status" as never) as string, evaluation.status === "ISSUED" && evaluation.issuedAt ? e("issuedAt", { date: formatDateSv(evaluation.issuedAt) }) : e("status.DRAFT")],
      ]}
      generatedAt={generatedAt}
    >
      {f.sections.map((s) => (
        <PdfSection key={s.number} title={`${s.number}. ${s.title}`}>
          <PdfSubheading>{e("headings.coordinatorText")}</PdfSubheading>
          <PdfParagraph>{evaluation.texts[String(s.number)] || ""}</PdfParagraph>
          <PdfSubheading>{e("headings.measures")}</PdfSubheading>
          {s.measures === null ? <PdfParagraph muted>{e("countsOnly")}</PdfParagraph> : (
            <PdfTable
              columns={[{ header: e("columns.title"), width: 3 }, { header: e("columns.division"), width: 2 }, { header: e("columns.level") }, { header: e("columns.status") }]}
              rows={s.measures.map((x) => [x.title, x.division, label.level(x.level), label.status(x.status)])}
              emptyText={e("none")}
            />
          )}
          {s.recommendations.length > 0 ? (
            <>
              <PdfSubheading>{e("headings.recommendations")}</PdfSubheading>
              <PdfTable
                columns={[{ header: e("columns.number"), align: "left" }, { header: e("columns.recommendation"), width: 5 }, { header: e("columns.status"), width: 2 }]}
                rows={s.recommendations.map((r) => [String(r.number), `${r.title}${r.isParaphrase ? " *" : ""}`, label.recommendation(r.status)])}
              />
            </>
          ) : null}
          {sectionExtras(f, s.number)}
        </PdfSection>
      ))}
      <SuppressionNotes f={f} />
      {anyParaphrase ? <PdfParagraph muted>{e("paraphraseNote")}</PdfParagraph> : null}
    </PdfDocument>,
  );
}

export async function evaluationWorkbook(evaluation: Evaluation): Promise<Buffer> {
  const f = evaluation.figures;
  const title = e("documentTitle", { year: evaluation.year });
  const c = (key: string) => e(`columns.${key}`);
  const allMeasures = f.sections.flatMap((s) => (s.measures ?? []).map((x) => ({ ...x, section: s.number })));
  const counts = f.view === "aggregates";
  // An observer's sheets of counts say what the suppressed cells stand for; they get no sheet of measures by name.
  const note = counts ? [`${e("suppressionNote", { threshold: f.threshold })} ${e("derivedNote")}`] : [];
  return buildWorkbook([
    {
      name: e("sheets.sections"), preamble: [title],
      columns: [{ header: c("section"), key: "section", type: "number" }, { header: c("title"), key: "title", width: 40 }, { header: c("text"), key: "text", width: 80 }],
      rows: f.sections.map((s) => ({ section: s.number, title: s.title, text: evaluation.texts[String(s.number)] ?? "" })),
    },
    ...(counts ? [] : [{
      name: e("sheets.measures"), preamble: [title],
      columns: [
        { header: c("section"), key: "section", type: "number" }, { header: c("title"), key: "title", width: 40 }, { header: c("division"), key: "division", width: 24 },
        { header: c("level"), key: "level" }, { header: c("status"), key: "status" }, { header: c("investigation"), key: "investigation", width: 24 },
      ],
      rows: allMeasures.map((x) => ({ section: x.section, title: x.title, division: x.division, level: label.level(x.level), status: label.status(x.status), investigation: x.isSpecial ? label.investigation(x.investigationStatus) : "" })),
    } satisfies XlsxSheet<{ section: number; title: string; division: string; level: string; status: string; investigation: string }>]),
    {
      name: e("sheets.levels"), preamble: [title, ...note],
      columns: [
        { header: c("level"), key: "level", width: 18 }, ...(["planned", "ongoing", "completed", "paused", "cancelled", "total"] as const).map((k) => ({ header: c(k), key: k, type: "number" as const })),
      ],
      rows: f.measuresByLevel.map((r) => ({ level: label.level(r.level), ...Object.fromEntries(LEVEL_COLUMNS.map((c) => [c, shown(f, r[c])])) })),
    },
    {
      name: e("sheets.followUps"), preamble: [title, ...note],
      columns: [{ header: c("figure"), key: "figure", width: 40 }, { header: c("value"), key: "value", type: "number" }],
      rows: followUpRows(f).map(([figure, value]) => ({ figure, value })),
    },
    {
      name: e("sheets.training"), preamble: [title, `${e("figures.trainingEvents")}: ${shown(f, f.trainingEvents)}`, ...note],
      columns: [{ header: c("division"), key: "division", width: 28 }, { header: c("needed"), key: "needed", type: "number" }, { header: c("attended"), key: "attended", type: "number" }, { header: c("coverage"), key: "coverage", type: "number", numberFormat: "0%" }],
      rows: f.training.map((r) => ({ division: r.division, needed: shown(f, r.needed), attended: shown(f, r.attended), coverage: coverageOf(r.needed, r.attended) })),
    },
    {
      name: e("sheets.situation"), preamble: [title, counts ? note[0]! : e("suppressionNote", { threshold: f.threshold })],
      columns: [{ header: c("environment"), key: "environment", width: 32 }, { header: c("count"), key: "count", type: "number" }],
      rows: f.situation.map((r) => ({ environment: label.environment(r.environment), count: shown(f, r.count) })),
    },
    {
      name: e("sheets.network"), preamble: [title, ...note],
      columns: [{ header: c("figure"), key: "figure", width: 40 }, { header: c("value"), key: "value", type: "number" }],
      rows: networkRows(f).map(([figure, value]) => ({ figure, value })),
    },
  ]);
}
