"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { markAllNotificationsReadAction } from "../actions";

/** Labels come from the server page: the notifications catalog is not sent to the browser.
 * `doneOne`/`doneMany`: the "n marked read" text for one and for several ({count} replaced here). */
export function MarkAllReadButton({ unread, label, busyLabel, doneOne, doneMany }: { unread: number; label: string; busyLabel: string; doneOne: string; doneMany: string }) {
  const [done, setDone] = useState<number | null>(null);
  const { run, pending, error } = useAction(markAllNotificationsReadAction, { onSuccess: (count) => setDone(count ?? 0) });
  return (
    <div>
      {unread > 0 || pending ? (
      <button
        type="button"
        disabled={pending}
        onClick={() => run({})}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? busyLabel : label}
      </button>
      ) : null}
      <div role="status" aria-live="polite" className="mt-1 text-sm">
        {error ? <p className="text-red-700">{error}</p> : done !== null ? <p className="text-green-900">{(done === 1 ? doneOne : doneMany).replace("{count}", String(done))}</p> : null}
      </div>
    </div>
  );
}
