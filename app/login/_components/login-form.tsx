"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { signInSchema, type SignInInput } from "@/lib/schemas/sign-in";
import { TextField } from "@/components/forms/text-field";
import { FormError } from "@/components/forms/form-error";
import { useMessageText } from "@/components/forms/use-action-form";

// Not the form kit: next-auth signs in through its own route (`signIn()` posts to it and the
// route sets the session cookie), not through a Server Action answering `FormState`.
export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const fieldError = useMessageText();

  async function onSubmit(values: SignInInput) {
    setFormError(null);
    try {
      const result = await signIn("credentials", { ...values, redirect: false });
      if (!result || result.error) {
        setFormError(result?.status === 429 ? t("tooManyAttempts") : t("failed"));
        return;
      }
      router.replace("/");
      router.refresh();
    } catch {
      setFormError(t("unavailable"));
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={isSubmitting} className="space-y-4">
        <FormError message={formError} />
        <TextField
          label={t("email")}
          type="email"
          autoComplete="username"
          error={fieldError(errors.email?.message)}
          {...register("email")}
        />
        <TextField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          error={fieldError(errors.password?.message)}
          {...register("password")}
        />
        <button
          type="submit"
          className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {isSubmitting ? t("submitting") : t("submit")}
        </button>
      </fieldset>
    </form>
  );
}
