import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { may } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";

/** The organisation pages' own links: the lists, settings, merge (coordinator), import. */
export async function OrganisationNav({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations("organisation.links");
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  return (
    <nav aria-label={t("settings")} className="mb-6 flex flex-wrap gap-2">
      <Link className={link} href="/admin/organisation/installningar">{t("settings")}</Link>
      {may(viewer.role, "organisation", "merge") ? <Link className={link} href="/admin/organisation/sammanslagning">{t("merge")}</Link> : null}
      {may(viewer.role, "organisation", "create") ? <Link className={link} href="/admin/organisation/import">{t("import")}</Link> : null}
    </nav>
  );
}
