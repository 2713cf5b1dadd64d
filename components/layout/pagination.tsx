import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = {
  page: number;
  pages: number;
  /** The current query, so filters survive paging. */
  query: Record<string, string | undefined>;
};

function href(query: Props["query"], page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value && key !== "page") params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "?";
}

/** Previous/next links under every list page: plain links, so paging works without JavaScript. */
export async function Pagination({ page, pages, query }: Props) {
  if (pages <= 1) return null;
  const t = await getTranslations("pagination");
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100";
  return (
    <nav aria-label={t("nav")} className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? <Link className={linkClass} href={href(query, page - 1)} rel="prev">{t("previous")}</Link> : null}
      <span aria-current="page">{t("pageOf", { page, pages })}</span>
      {page < pages ? <Link className={linkClass} href={href(query, page + 1)} rel="next">{t("next")}</Link> : null}
    </nav>
  );
}
