"use client";

import { useAction } from "@/components/forms/use-action";
import { markNotificationReadAction } from "../actions";

/** Labels come from the server page: the notifications catalog is not sent to the browser. */
export function MarkReadButton({ id, title, label, busyLabel }: { id: string; title: string; label: string; busyLabel: string }) {
  const { run, pending, error } = useAction(markNotificationReadAction);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() => run({ id })}
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? busyLabel : label}
        <span className="sr-only">{`: ${title}`}</span>
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {error ? <p className="text-red-700">{error}</p> : null}
      </div>
    </div>
  );
}
