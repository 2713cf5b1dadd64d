import "server-only";
import type { ReactElement, ReactNode } from "react";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

// The one way to make a PDF in Värna: pure JavaScript (@react-pdf/renderer), no browser, no
// binary download, the built-in Helvetica (Swedish letters come out right). A document is a
// title page followed by sections; every page after the title carries the document title and
// "Sida x av y". Build the element from these components and pass it to `renderPdf`.

const styles = StyleSheet.create({
  page: { paddingTop: 56, paddingBottom: 56, paddingHorizontal: 50, fontFamily: "Helvetica", fontSize: 10, color: "#111827" },
  titlePage: { paddingTop: 180, paddingHorizontal: 60, fontFamily: "Helvetica", color: "#111827" },
  municipality: { fontSize: 12, color: "#374151", marginBottom: 18, textTransform: "uppercase", letterSpacing: 1 },
  logoText: { alignSelf: "flex-start", fontSize: 11, fontFamily: "Helvetica-Bold", color: "#1e3a5f", borderWidth: 1, borderColor: "#1e3a5f", paddingVertical: 3, paddingHorizontal: 6, marginBottom: 8 },
  title: { fontSize: 26, fontFamily: "Helvetica-Bold", marginBottom: 12 },
  subtitle: { fontSize: 14, color: "#374151", marginBottom: 36 },
  metaRow: { flexDirection: "row", marginBottom: 4, fontSize: 11 },
  metaLabel: { width: 150, color: "#4b5563" },
  metaValue: { flex: 1 },
  classification: { marginTop: 48, fontSize: 10, color: "#991b1b" },
  header: { position: "absolute", top: 24, left: 50, right: 50, fontSize: 8, color: "#6b7280", flexDirection: "row", justifyContent: "space-between" },
  footer: { position: "absolute", bottom: 24, left: 50, right: 50, fontSize: 8, color: "#6b7280", textAlign: "right" },
  section: { marginBottom: 16 },
  sectionTitle: { fontSize: 14, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  subTitle: { fontSize: 11, fontFamily: "Helvetica-Bold", marginBottom: 4, marginTop: 6 },
  // lineHeight lives here, not on the page: inherited by the page it made react-pdf 4.9 drop
  // the "Sida x av y" footer (a `render` text) without a word.
  paragraph: { marginBottom: 6, lineHeight: 1.4 },
  muted: { color: "#6b7280" },
  table: { marginVertical: 6, borderTopWidth: 1, borderColor: "#9ca3af" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#d1d5db" },
  headRow: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#9ca3af", backgroundColor: "#f3f4f6" },
  cell: { paddingVertical: 3, paddingHorizontal: 4 },
  headCell: { paddingVertical: 3, paddingHorizontal: 4, fontFamily: "Helvetica-Bold" },
});

const DATE_SV = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Stockholm" });
const DATE_TIME_SV = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" });
const NUMBER_SV = new Intl.NumberFormat("sv-SE");

/** "25 november 2026" — the date as a Swedish reader writes it, in Stockholm time. */
export function formatDateSv(date: Date): string {
  return DATE_SV.format(date);
}

/** "25 november 2026 kl. 14:05" style, in Stockholm time. */
export function formatDateTimeSv(date: Date): string {
  return DATE_TIME_SV.format(date);
}

/** "1 januari–31 januari 2026": a period from its first to its last day. */
export function formatPeriodSv(from: Date, to: Date): string {
  return `${formatDateSv(from)} – ${formatDateSv(to)}`;
}

/** A number with Swedish digit grouping (non-breaking space) — or the text as it is. */
export function formatCellSv(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return typeof value === "number" ? NUMBER_SV.format(value) : value;
}

/** Who the document is from: the municipality's name and logo text (the organisation settings,
 * read with readLetterhead). The logo text, when set, heads the title page and every page. */
export type Letterhead = { municipality: string; logoText: string };

export type PdfDocumentProps = {
  /** The document's title, on the title page and at the top of every page. */
  title: string;
  subtitle?: string;
  letterhead: Letterhead;
  /** Label/value rows on the title page: period, author, status, date of issue … */
  meta?: [label: string, value: string][];
  /** A handling note on the title page, e.g. "Arbetsmaterial – omfattas av sekretess (OSL)". */
  classification?: string;
  /** Moment of printing; shown on the title page. Injected so tests are repeatable. */
  generatedAt: Date;
  children: ReactNode;
};

/** Title page + content pages with running header and "Sida x av y". */
export function PdfDocument({ title, subtitle, letterhead, meta = [], classification, generatedAt, children }: PdfDocumentProps) {
  const { municipality, logoText } = letterhead;
  return (
    <Document title={title} author={municipality} creator="Värna" producer="Värna" language="sv">
      <Page size="A4" style={styles.titlePage}>
        {logoText ? <Text style={styles.logoText}>{logoText}</Text> : null}
        <Text style={styles.municipality}>{municipality}</Text>
        <Text style={styles.title}>{title}</Text>
        {subtitle ? <Text style={styles.subtitle}>{subtitle}</Text> : null}
        {meta.map(([label, value]) => (
          <View key={label} style={styles.metaRow}>
            <Text style={styles.metaLabel}>{label}</Text>
            <Text style={styles.metaValue}>{value}</Text>
          </View>
        ))}
        <View style={styles.metaRow}>
          <Text style={styles.metaLabel}>Utskriven</Text>
          <Text style={styles.metaValue}>{formatDateTimeSv(generatedAt)}</Text>
        </View>
        {classification ? <Text style={styles.classification}>{classification}</Text> : null}
      </Page>
      <Page size="A4" style={styles.page} wrap>
        <View style={styles.header} fixed>
          <Text>{logoText ? `${logoText} · ${municipality}` : municipality}</Text>
          <Text>{title}</Text>
        </View>
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) => `Sida ${pageNumber} av ${totalPages}`}
        />
        {children}
      </Page>
    </Document>
  );
}

export function PdfSection({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <View style={styles.section}>
      <Text style={styles.sectionTitle} minPresenceAhead={40}>{title}</Text>
      {children}
    </View>
  );
}

export function PdfSubheading({ children }: { children: ReactNode }) {
  return <Text style={styles.subTitle} minPresenceAhead={30}>{children}</Text>;
}

/** A paragraph; an empty text prints as a muted dash so a blank field is visibly blank. */
export function PdfParagraph({ children, muted }: { children: ReactNode; muted?: boolean }) {
  const empty = children === null || children === undefined || children === "";
  return <Text style={muted || empty ? [styles.paragraph, styles.muted] : styles.paragraph}>{empty ? "–" : children}</Text>;
}

export type PdfColumn = { header: string; /** relative width, default 1 */ width?: number; align?: "left" | "right" };

/** A table; numbers are formatted the Swedish way and right-aligned by default. */
export function PdfTable({ columns, rows, emptyText = "Inga uppgifter." }: {
  columns: PdfColumn[];
  rows: (string | number | null | undefined)[][];
  emptyText?: string;
}) {
  const cellStyle = (i: number, head: boolean, value?: unknown) => {
    const col: PdfColumn = columns[i] ?? { header: "" };
    const right = col.align ? col.align === "right" : typeof value === "number";
    return [head ? styles.headCell : styles.cell, { flex: col.width ?? 1, textAlign: right ? ("right" as const) : ("left" as const) }];
  };
  return (
    <View style={styles.table}>
      <View style={styles.headRow} fixed={false}>
        {columns.map((c, i) => (
          <Text key={c.header + i} style={cellStyle(i, true, c.align === "right" ? 0 : "")}>{c.header}</Text>
        ))}
      </View>
      {rows.length === 0 ? (
        <Text style={[styles.cell, styles.muted]}>{emptyText}</Text>
      ) : (
        rows.map((row, r) => (
          <View key={r} style={styles.row} wrap={false}>
            {row.map((value, i) => (
              <Text key={i} style={cellStyle(i, false, value)}>{formatCellSv(value)}</Text>
            ))}
          </View>
        ))
      )}
    </View>
  );
}

/** Renders a `<PdfDocument>` to the bytes of a PDF file. */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  // renderToBuffer's type wants a <Document> element; PdfDocument renders one.
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
