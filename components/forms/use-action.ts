"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { FormState } from "@/lib/server/action";

type Options<TData> = {
  /** After a success, before the refresh. */
  onSuccess?: (data: TData | undefined) => void;
  /** After a refusal, with the message shown as `error`. */
  onError?: (message: string | null) => void;
  /** `router.refresh()` after a success (default); off when the success navigates away. */
  refresh?: boolean;
};

/**
 * A Server Action behind a button rather than a form (publish, roll back, mark verified …):
 * the same answer (`FormState`) and the same steps as `useActionForm` without the fields.
 */
export function useAction<TInput, TData>(
  action: (previous: undefined, input: TInput) => Promise<FormState<TData>>,
  { onSuccess, onError, refresh = true }: Options<TData> = {},
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);

  function run(input: TInput) {
    setError(null);
    setSucceeded(false);
    startTransition(async () => {
      const result = await action(undefined, input);
      if (!result.ok) {
        // A button has no fields: a field error (e.g. on a chosen owner) is the error.
        const message = Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.formError ?? null;
        setError(message);
        onError?.(message);
        return;
      }
      onSuccess?.(result.data);
      // Updates after an `await` need a transition of their own (React 19): so `pending`
      // lasts, and the success shows, until the refreshed server-rendered page is there (its
      // other forms then carry the record's new version, not a stale one).
      startTransition(() => {
        setSucceeded(true);
        if (refresh) router.refresh();
      });
    });
  }

  return { run, pending, error, succeeded };
}
