import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/server/auth/viewer";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (await getViewer()) redirect("/");
  const t = await getTranslations();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-3xl font-semibold tracking-tight text-brand-800">{t("app.name")}</p>
        <p className="mb-8 text-center text-sm text-slate-600">{t("app.tagline")}</p>
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="login-title">
          <h1 id="login-title" className="text-xl font-semibold">{t("auth.title")}</h1>
          <p className="mt-1 mb-4 text-sm text-slate-600">{t("auth.intro")}</p>
          <LoginForm />
        </section>
      </div>
    </main>
  );
}
