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
import { grantableRoles, mayDeactivateAccount, mayManageAccount } from "@/lib/access/user-admin";
import { getPendingGrant } from "@/lib/server/users/grant-requests";
import { PageHeader } from "@/components/layout/page-header";
import { EditUserForm } from "../_components/edit-user-form";
import { ActivationForm } from "../_components/activation-form";
import { GrantDecisionForm } from "../_components/grant-decision-form";
import { PasswordLinkForm } from "../_components/password-link-form";

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
  const tRoles = await getTranslations("roles");
  const roles = grantableRoles(viewer.role);
  const pending = await getPendingGrant(viewer, user.id);
  const self = user.id === viewer.id;
  const manage = mayManageAccount(viewer.role, user.role);
  const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
  const mayToggle = user.active ? mayDeactivateAccount(viewer.role, user.role) : manage && !pending;
  return (
    <>
      <Link href="/admin/anvandare" className="text-sm underline">{t("back")}</Link>
      <PageHeader title={t("editTitle", { name: user.name })} description={t("editIntro")} />
      {pending ? (
        <section aria-labelledby="grant-title" className="mb-8 max-w-xl rounded-lg border border-amber-300 bg-amber-50 p-6" data-testid="pending-grant">
          <h2 id="grant-title" className="text-lg font-semibold">{t("grant.title")}</h2>
          <p className="mt-1 text-sm">
            {t("grant.text", {
              requester: pending.requestedBy ?? "–",
              role: tRoles(pending.role),
              divisions: pending.divisionIds.map((id) => divisionName.get(id) ?? id).join(", ") || "–",
            })}
          </p>
          {viewer.role === "COORDINATOR" && !self ? (
            <GrantDecisionForm request={{ id: pending.id, version: pending.version }} />
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("grant.waiting")}</p>
          )}
        </section>
      ) : null}
      {manage ? (
        <EditUserForm
          user={{ id: user.id, version: user.version, name: user.name, email: user.email, role: user.role, divisionIds: user.divisionIds }}
          divisions={divisions}
          // The account's own role is shown even to someone who may not grant it.
          roles={roles.includes(user.role) ? roles : [user.role, ...roles]}
        />
      ) : (
        <p className="max-w-xl text-sm" data-testid="coordinator-only">{t("contentRoleNote")}</p>
      )}
      {self ? (
        <p className="mt-10 text-sm text-slate-600">{t("activation.self")}</p>
      ) : (
        <ActivationForm key={`a${user.version}`} canToggle={mayToggle} user={{ id: user.id, name: user.name, version: user.version, active: user.active }} />
      )}
      {manage && !self && user.active ? <PasswordLinkForm userId={user.id} /> : null}
    </>
  );
}
