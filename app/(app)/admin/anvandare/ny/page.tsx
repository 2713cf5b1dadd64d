import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listDivisionOptions } from "@/lib/server/users/list-division-options";
import { grantableRoles, requestableRoles } from "@/lib/access/user-admin";
import { PageHeader } from "@/components/layout/page-header";
import { CreateUserForm } from "../_components/create-user-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("createTitle") };
}

export default async function Page() {
  const viewer = await requireViewer("user", "create");
  const divisions = await listDivisionOptions(viewer);
  const t = await getTranslations("users");
  return (
    <>
      <Link href="/admin/anvandare" className="text-sm underline">{t("back")}</Link>
      <PageHeader title={t("createTitle")} description={t("createIntro")} />
      <CreateUserForm
        divisions={divisions}
        roles={requestableRoles(viewer.role)}
        // An administrator may ask for a content role; a coordinator decides (decision 010).
        requestOnly={requestableRoles(viewer.role).filter((role) => !grantableRoles(viewer.role).includes(role))}
      />
    </>
  );
}
