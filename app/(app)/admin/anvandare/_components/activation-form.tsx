"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import { setUserActiveAction } from "../actions";

/** Deactivate / reactivate, with a confirmation step before anything is sent. */
export function ActivationForm({ user, canToggle = true }: { user: { id: string; name: string; version: number; active: boolean }; canToggle?: boolean }) {
  const t = useTranslations("users.activation");
  const [confirming, setConfirming] = useState(false);
  // The confirmation closes with the answer, whatever it is: an error shows above the button.
  const close = () => setConfirming(false);
  const { run, pending, error: formError } = useAction(setUserActiveAction, { onSuccess: close, onError: close });
  const confirm = () => run({ id: user.id, version: user.version, active: !user.active, confirmed: true });

  return (
    <section aria-labelledby="activation-title" className="mt-10 max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="activation-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm" data-testid="account-status">{user.active ? t("isActive") : t("isInactive")}</p>
      <FormError message={formError} />
      {confirming ? (
        <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text" className="text-sm">
            {user.active ? t("confirmDeactivate", { name: user.name }) : t("confirmReactivate", { name: user.name })}
          </p>
          <div className="mt-3 flex gap-2">
            <button type="button" disabled={pending} onClick={confirm} className="rounded-md bg-red-700 px-4 py-2 font-medium text-white disabled:opacity-60">
              {t("confirm")}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-4 py-2">
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : !canToggle ? null : (
        <button type="button" onClick={() => setConfirming(true)} className="mt-4 rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
          {user.active ? t("deactivate") : t("reactivate")}
        </button>
      )}
    </section>
  );
}
