import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { passwordTokenUsable } from "@/lib/server/auth/passwords";
import { routeParams } from "@/lib/route-params";
import { tokenParams } from "@/lib/schemas/params";
import { SetPasswordForm } from "./_components/set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("password"))("setTitle") };
}

/** Where a one-time set-password link lands. The token is checked again when the form is sent. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await routeParams(tokenParams, params);
  const t = await getTranslations();
  const usable = await passwordTokenUsable(token);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <p className="mb-8 text-center text-3xl font-semibold tracking-tight text-brand-800">{t("app.name")}</p>
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="set-password-title">
          <h1 id="set-password-title" className="text-xl font-semibold">{t("password.setTitle")}</h1>
          {usable ? (
            <>
              <p className="mt-1 mb-4 text-sm text-slate-600">{t("password.setIntro")}</p>
              <SetPasswordForm token={token} />
            </>
          ) : (
            <>
              <p className="mt-2 text-sm" data-testid="link-invalid">{t("users.errors.linkInvalid")}</p>
              <Link href="/login" className="mt-4 inline-block underline">{t("password.toLogin")}</Link>
            </>
          )}
        </section>
      </div>
    </main>
  );
}
