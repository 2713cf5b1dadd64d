"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { assignOwnerAction } from "../actions";

type Props = {
  contactId: string;
  contactName: string;
  expectedVersion: number;
  ownerId: string | null;
  owners: { id: string; name: string }[];
};

export function OwnerSelect({ contactId, contactName, expectedVersion, ownerId, owners }: Props) {
  const t = useTranslations("public.editor.contacts");
  const router = useRouter();
  const id = useId();
  const [selected, setSelected] = useState(ownerId ?? "");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="sr-only">{t("ownerFor", { name: contactName })}</label>
      <select
        id={id}
        value={selected}
        onChange={(e) => setSelected(e.target.value)}
        className="block w-full max-w-56 rounded-md border border-slate-300 px-2 py-1"
      >
        {ownerId ? null : <option value="">{t("noOwner")}</option>}
        {owners.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
      {selected && selected !== ownerId ? (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await assignOwnerAction(undefined, { contactId, ownerId: selected, expectedVersion });
              if (!result.ok) {
                setMessage({ error: true, text: result.fieldErrors?.ownerId?.[0] ?? result.formError ?? "" });
                return;
              }
              setMessage({ error: false, text: t("ownerChanged") });
              router.refresh();
            })
          }
          className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {t("changeOwner")}
        </button>
      ) : null}
      <div role="status" aria-live="polite" className="text-sm">
        {message ? <p className={message.error ? "text-red-700" : "text-green-900"}>{message.text}</p> : null}
      </div>
    </div>
  );
}
