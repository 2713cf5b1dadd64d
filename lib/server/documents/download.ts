import "server-only";

// A file for the browser to save: the right type, an attachment name that survives åäö
// (RFC 6266 filename*), never cached (the contents are personal to the viewer's scope).

const TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
} as const;

export type DownloadKind = keyof typeof TYPES;

/** "Lägesbild 2026-11.pdf" → an ASCII fallback name and the UTF-8 one. */
function disposition(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.\- ]+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function downloadResponse(body: Buffer | Uint8Array | string, { filename, kind }: { filename: string; kind: DownloadKind }): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  return new Response(bytes, {
    status: 200,
    headers: {
      "Content-Type": TYPES[kind],
      "Content-Disposition": disposition(filename),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
