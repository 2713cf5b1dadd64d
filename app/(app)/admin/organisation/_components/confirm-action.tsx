"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import type { FormState } from "@/lib/server/action";

type Props<TInput, TData> = {
  action: (previous: undefined, input: TInput) => Promise<FormState<TData>>;
  input: TInput;
  /** The button that asks first. */
  label: string;
  /** What the confirmation says, and its two buttons. */
  question: React.ReactNode;
  yes: string;
  cancel: string;
  /** Said after a success (live region). */
  done?: (data: TData | undefined) => string;
  /** Where to go after a success (e.g. the list, once a row is deleted). */
  then?: string;
  danger?: boolean;
};

/**
 * A destructive or far-reaching action (deactivate, delete, merge) behind a confirmation in
 * the page itself: the first button asks, the focus moves to "yes", Escape-free plain buttons.
 */
export function ConfirmAction<TInput, TData>({ action, input, label, question, yes, cancel, done, then, danger }: Props<TInput, TData>) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const { run, pending, error } = useAction(action, {
    onSuccess: (data) => {
      setConfirming(false);
      setMessage(done ? done(data) : null);
      if (then) router.push(then);
    },
    refresh: !then,
  });
  const tone = danger ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-800";

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div role="status" aria-live="polite">{message ? <p className="text-sm text-green-900">{message}</p> : null}</div>
      {confirming ? (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          <div>{question}</div>
          <div className="mt-2 flex flex-wrap gap-2">
            <button ref={yesRef} type="button" onClick={() => run(input)} disabled={pending} className={`rounded-md px-3 py-1.5 font-medium text-white disabled:opacity-60 ${tone}`}>
              {yes}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={pending} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">
              {cancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setMessage(null);
            setConfirming(true);
            setTimeout(() => yesRef.current?.focus(), 0);
          }}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        >
          {label}
        </button>
      )}
    </div>
  );
}
