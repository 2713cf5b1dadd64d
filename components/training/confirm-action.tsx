"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import type { FormState } from "@/lib/server/action";

type Props<TInput> = {
  action: (previous: undefined, input: TInput) => Promise<FormState<unknown>>;
  /** What is sent once confirmed (the action's schema asks for `confirmed: true`). */
  input: TInput;
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  danger?: boolean;
};

/** A button whose action runs only after a confirmation step (withdraw a need, approve a plan). */
export function ConfirmAction<TInput>({ action, input, label, question, confirmLabel, cancelLabel, pendingLabel, danger }: Props<TInput>) {
  const [confirming, setConfirming] = useState(false);
  const close = () => setConfirming(false);
  const { run, pending, error } = useAction(action, { onSuccess: close, onError: close });
  return (
    <div>
      <FormError message={error} />
      {confirming ? (
        <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3" role="alertdialog" aria-label={question}>
          <p className="text-sm">{question}</p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              autoFocus
              disabled={pending}
              onClick={() => run(input)}
              className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${danger ? "bg-red-700" : "bg-brand-700"}`}
            >
              {pending ? pendingLabel : confirmLabel}
            </button>
            <button type="button" disabled={pending} onClick={close} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              {cancelLabel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {label}
        </button>
      )}
    </div>
  );
}
