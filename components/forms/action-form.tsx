"use client";

import { createContext, useContext, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionFormKit } from "./use-action-form";
import { FormError } from "./form-error";
import { useHydrated } from "./use-hydrated";

const Pending = createContext<boolean | null>(null);

type Props = {
  kit: ActionFormKit;
  children: ReactNode;
  className?: string;
  fieldsetClassName?: string;
  /** What stands first in the fieldset: its legend, an introduction. */
  header?: ReactNode;
  /** Shown in a polite live region after a success. */
  success?: ReactNode;
};

/** The form of `useActionForm`: no browser validation bubbles, the error summary, the success status, a fieldset disabled until hydrated and while sending. */
export function ActionForm({ kit, children, className, fieldsetClassName, header, success }: Props) {
  // Disabled until hydrated too: a value typed into the server's HTML would be replaced by the
  // form's defaults, and a submit would go nowhere.
  const hydrated = useHydrated();
  return (
    <form onSubmit={kit.onSubmit} noValidate className={className}>
      <Pending.Provider value={kit.pending}>
        <fieldset disabled={kit.pending || !hydrated} aria-busy={kit.pending || undefined} className={fieldsetClassName}>
          {header}
          <FormError message={kit.formError} />
          <div role="status" aria-live="polite">
            {kit.succeeded && success ? success : null}
          </div>
          {children}
        </fieldset>
      </Pending.Provider>
    </form>
  );
}

const primary = "rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60";

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & { pendingLabel?: ReactNode };

/**
 * Submit button of an `ActionForm`, or of a plain `<form action>` that must work without
 * JavaScript: disabled, and saying so, while the action runs.
 */
export function SubmitButton({ children, pendingLabel, className = primary, ...button }: ButtonProps) {
  const inKit = useContext(Pending);
  const { pending: inForm } = useFormStatus();
  const pending = inKit ?? inForm;
  return (
    <button type="submit" {...button} disabled={pending || button.disabled} className={className}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
