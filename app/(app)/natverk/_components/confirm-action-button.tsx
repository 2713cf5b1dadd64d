"use client";

import { useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import type { FormState } from "@/lib/server/action";

type Props<TInput> = {
  action: (previous: undefined, input: TInput) => Promise<FormState<unknown>>;
  /** The input, without the confirmation (added when the user confirms). */
  input: Omit<TInput, "confirmed">;
  label: string;
  question: string;
  yes: string;
  no: string;
  done?: string;
  /** Extra field asked with the question (e.g. why a meeting is cancelled). */
  reasonLabel?: string;
  tone?: "danger" | "plain";
};

/** A destructive step behind a confirmation in the page itself; the confirm button takes the focus. */
export function ConfirmActionButton<TInput>({ action, input, label, question, yes, no, done, reasonLabel, tone = "danger" }: Props<TInput>) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [finished, setFinished] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const { run, pending, error } = useAction(action, { onSuccess: () => { setConfirming(false); setFinished(true); } });
  const trigger = tone === "danger"
    ? "rounded-md border border-red-700 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
    : "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div role="status" aria-live="polite">{finished && done ? <p className="text-sm text-green-900">{done}</p> : null}</div>
      {confirming ? (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          <p>{question}</p>
          {reasonLabel ? (
            <label className="mt-2 block font-medium">
              {reasonLabel}
              <input ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5" />
            </label>
          ) : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <button ref={confirmRef} type="button" disabled={pending}
              onClick={() => run({ ...input, ...(reasonLabel ? { reason } : {}), confirmed: true } as TInput)}
              className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60">
              {yes}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">{no}</button>
          </div>
        </div>
      ) : finished ? null : (
        <button type="button" className={trigger} onClick={() => {
          setConfirming(true);
          setTimeout(() => (reasonLabel ? reasonRef.current : confirmRef.current)?.focus(), 0);
        }}>
          {label}
        </button>
      )}
    </div>
  );
}
