"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
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
  const id = useId();
  const [selected, setSelected] = useState(ownerId ?? "");
  const { run, pending, error, succeeded } = useAction(assignOwnerAction);

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
          onClick={() => run({ contactId, ownerId: selected, expectedVersion })}
          className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {t("changeOwner")}
        </button>
      ) : null}
      <div role="status" aria-live="polite" className="text-sm">
        {error ? <p className="text-red-700">{error}</p> : succeeded ? <p className="text-green-900">{t("ownerChanged")}</p> : null}
      </div>
    </div>
  );
}
