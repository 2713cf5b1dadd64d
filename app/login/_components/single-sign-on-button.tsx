"use client";

import { signIn } from "next-auth/react";

export function SingleSignOnButton({ providerId, label }: { providerId: string; label: string }) {
  return (
    <button
      type="button"
      onClick={() => signIn(providerId, { callbackUrl: "/" })}
      className="w-full rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
    >
      {label}
    </button>
  );
}
