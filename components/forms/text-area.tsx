"use client";

import { forwardRef, type TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: string };

/** A labelled textarea whose error is announced and tied to it with aria-describedby. */
export const TextArea = forwardRef<HTMLTextAreaElement, Props>(function TextArea(
  { label, error, hint, className, rows = 5, ...input },
  ref,
) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <textarea
          ref={ref}
          {...control}
          rows={rows}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm aria-invalid:border-red-700"
          {...input}
        />
      )}
    </FieldFrame>
  );
});
