"use client";

import { forwardRef, type InputHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField(
  { label, error, hint, className, ...input },
  ref,
) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <input
          ref={ref}
          {...control}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm aria-invalid:border-red-700"
          {...input}
        />
      )}
    </FieldFrame>
  );
});
