import Link from "next/link";

type Props = {
  page: number;
  pages: number;
  /** The current query, so filters survive paging. */
  query: Record<string, string | undefined>;
  labels: { nav: string; previous: string; next: string; pageOf: string };
};

function href(query: Props["query"], page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value && key !== "page") params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "?";
}

/** Previous/next links: plain links, so paging works without JavaScript. */
export function Pagination({ page, pages, query, labels }: Props) {
  if (pages <= 1) return null;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100";
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? <Link className={linkClass} href={href(query, page - 1)} rel="prev">{labels.previous}</Link> : null}
      <span aria-current="page">{labels.pageOf}</span>
      {page < pages ? <Link className={linkClass} href={href(query, page + 1)} rel="next">{labels.next}</Link> : null}
    </nav>
  );
}
