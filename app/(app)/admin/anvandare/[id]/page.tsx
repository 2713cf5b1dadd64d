import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { getUser } from "@/lib/server/users/get-user";
import { listDivisionOptions } from "@/lib/server/users/list-division-options";
import { NotFoundError } from "@/lib/server/errors";
import { grantableRoles } from "@/lib/access/user-admin";
import { PageHeader } from "@/components/layout/page-header";
import { EditUserForm } from "../_components/edit-user-form";
import { ActivationForm } from "../_components/activation-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("users.title") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("user", "read");
  const { id } = await routeParams(idParams, params);
  const user = await getUser(viewer, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const divisions = await listDivisionOptions(viewer);
  const t = await getTranslations("users");
  const roles = grantableRoles(viewer.role);
  return (
    <>
      <Link href="/admin/anvandare" className="text-sm underline">{t("back")}</Link>
      <PageHeader title={t("editTitle", { name: user.name })} description={t("editIntro")} />
      <EditUserForm
        user={{ id: user.id, version: user.version, name: user.name, email: user.email, role: user.role, divisionIds: user.divisionIds }}
        divisions={divisions}
        // A coordinator's account shows its role even to someone who may not grant it.
        roles={roles.includes(user.role) ? roles : [user.role, ...roles]}
      />
      {user.id === viewer.id ? (
        <p className="mt-10 text-sm text-slate-600">{t("activation.self")}</p>
      ) : (
        <ActivationForm key={`a${user.version}`} user={{ id: user.id, name: user.name, version: user.version, active: user.active }} />
      )}
    </>
  );
}
