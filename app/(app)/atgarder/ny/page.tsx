import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getRoster } from "@/lib/server/network/roster";
import { dateOnly, stockholmToday } from "@/lib/network/stockholm-time";
import { PageHeader } from "@/components/layout/page-header";
import { CreateActionItemForm } from "../_components/action-item-form";
import { ownerOptions } from "../_components/owners";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("network"))("items.new") };
}

export default async function NewActionItemPage() {
  const viewer = await requireViewer("actionItem", "create");
  const [t, roster] = await Promise.all([getTranslations("network"), getRoster(viewer)]);
  const defaultDue = dateOnly(new Date(stockholmToday(new Date()).getTime() + 30 * 86_400_000));
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/atgarder" className="text-brand-700 underline">{t("items.back")}</Link></p>
      <PageHeader title={t("items.new")} />
      <CreateActionItemForm owners={ownerOptions(roster.members)} defaultDue={defaultDue} />
    </>
  );
}
