import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getViewer } from "@/lib/server/auth/viewer";
import { searchParamsOf } from "@/lib/route-params";
import { signInErrorSchema } from "@/lib/schemas/params";
import { singleSignOn } from "@/lib/server/auth/options";
import { localSignInPolicy } from "@/lib/server/auth/local-sign-in";
import { env } from "@/lib/env";
import { FormError } from "@/components/forms/form-error";
import { LoginForm } from "./_components/login-form";
import { SingleSignOnButton } from "./_components/single-sign-on-button";

// next-auth sends refused sign-ins here with `?error=<code>`; only known codes get their own text.
const ERROR_TEXT = {
  SsoNoAccount: "ssoNoAccount",
  SsoNoEmail: "ssoNoEmail",
  TooManyAttempts: "tooManyAttempts",
  OAuthCallback: "ssoFailed",
  OAuthSignin: "ssoFailed",
  Callback: "ssoFailed",
  AccessDenied: "ssoNoAccount",
} as const satisfies Record<NonNullable<z.output<typeof signInErrorSchema>["error"]>, string>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getViewer()) redirect("/");
  const t = await getTranslations();
  const { error } = await searchParamsOf(signInErrorSchema, searchParams);
  const errorKey = error ? ERROR_TEXT[error] : null;
  const sso = singleSignOn();
  // Local sign-in switched off entirely (decision 010): no password form to try.
  const localForm = localSignInPolicy(env()).mode !== "off";
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-3xl font-semibold tracking-tight text-brand-800">{t("app.name")}</p>
        <p className="mb-8 text-center text-sm text-slate-600">{t("app.tagline")}</p>
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="login-title">
          <h1 id="login-title" className="text-xl font-semibold">{t("auth.title")}</h1>
          <p className="mt-1 mb-4 text-sm text-slate-600">{t("auth.intro")}</p>
          <FormError message={errorKey ? t(`auth.${errorKey}`) : null} />
          {sso ? (
            <>
              <SingleSignOnButton providerId={sso.id} label={t("auth.ssoButton", { name: sso.name })} />
              {localForm ? <p className="my-4 text-center text-sm text-slate-500">{t("auth.or")}</p> : null}
            </>
          ) : null}
          {localForm ? <LoginForm /> : null}
        </section>
      </div>
    </main>
  );
}
