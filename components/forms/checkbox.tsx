"use client";

import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode };

/** A checkbox inside its label, so the whole text is the click target. */
export const Checkbox = forwardRef<HTMLInputElement, Props>(function Checkbox({ label, className, ...input }, ref) {
  return (
    <label className={className ?? "flex items-center gap-2 text-sm"}>
      <input ref={ref} type="checkbox" {...input} />
      {label}
    </label>
  );
});

type GroupProps = { legend: string; hint?: string; error?: string; className?: string; children: ReactNode };

/** Checkboxes answering one question: a fieldset whose legend, hint and error are read with each box. */
export function CheckboxGroup({ legend, hint, error, className, children }: GroupProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy || undefined} className={className}>
      <legend className="block text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      {children}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
