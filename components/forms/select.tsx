"use client";

import { forwardRef, type SelectHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: string;
  hint?: string;
  options: { value: string; label: string }[];
};

/** A labelled select whose error is announced and tied to it with aria-describedby. */
export const Select = forwardRef<HTMLSelectElement, Props>(function Select(
  { label, error, hint, className, options, ...select },
  ref,
) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select
          ref={ref}
          {...control}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-700"
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
});
