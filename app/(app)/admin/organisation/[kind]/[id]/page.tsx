import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getUnit } from "@/lib/server/organisation/get-unit";
import { orNotFound } from "@/lib/server/not-found";
import { routeParams } from "@/lib/route-params";
import { unitParams } from "@/lib/schemas/organisation";
import { may } from "@/lib/access/permissions";
import { PageHeader } from "@/components/layout/page-header";
import { EditUnitForm } from "../../_components/unit-form";
import { ActiveToggle, DeleteUnit } from "../../_components/unit-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("organisation.title") };
}

export default async function Page({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const viewer = await requireViewer("organisation", "read");
  const { kind, id } = await routeParams(unitParams, params);
  const unit = await orNotFound(getUnit(viewer, { kind, id }));
  const t = await getTranslations("organisation");
  const usage = Object.entries(unit.usage);
  const label = (key: string) => {
    const table = key.split(".")[0]!;
    return t.has(`usage.tables.${table}` as never) ? t(`usage.tables.${table}` as never) : key;
  };

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/organisation?typ=${kind}`} className="text-brand-800 underline">{t("links.back")}</Link>
      </p>
      <PageHeader title={t("edit.title", { name: unit.name })} description={t(`kinds.${kind}`)} />
      {!unit.active ? <p className="mb-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">{t("status.inactiveNote")}</p> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        {may(viewer.role, "organisation", "update") ? (
          <EditUnitForm
            kind={kind}
            id={unit.id}
            version={unit.version}
            values={{ name: unit.name, code: unit.code ?? "", sortOrder: unit.sortOrder, isCoordinating: unit.isCoordinating, description: unit.description ?? "" }}
          />
        ) : null}
        <section aria-labelledby="usage" className="space-y-4">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="usage" className="font-semibold">{t("usage.title")}</h2>
            {usage.length === 0 ? (
              <p className="mt-1 text-sm">{t("usage.none")}</p>
            ) : (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {usage.map(([key, count]) => <li key={key}>{label(key)}: {count}</li>)}
              </ul>
            )}
          </div>
          {may(viewer.role, "organisation", "update") ? <ActiveToggle unit={{ ...unit, kind }} /> : null}
          {may(viewer.role, "organisation", "delete") ? (
            unit.inUse === 0 ? <DeleteUnit unit={{ ...unit, kind }} /> : <p className="text-sm text-slate-600">{t("delete.inUseNote")}</p>
          ) : null}
          {kind === "division" && may(viewer.role, "organisation", "merge") ? (
            <Link href={`/admin/organisation/sammanslagning?fran=${unit.id}`} className="inline-block text-sm text-brand-800 underline">{t("links.merge")}</Link>
          ) : null}
        </section>
      </div>
    </>
  );
}
