"use client";

import { useTranslations } from "next-intl";
import type { UnitKind } from "@/lib/schemas/organisation";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/forms/form-error";
import { deleteUnitAction, setUnitActiveAction } from "../actions";
import { ConfirmAction } from "./confirm-action";

type Unit = { kind: UnitKind; id: string; name: string; version: number; active: boolean; inUse: number; members: number };

/** Deactivate (asks first, says who is warned) or reactivate (no harm: it just asks nothing). */
export function ActiveToggle({ unit }: { unit: Unit }) {
  const t = useTranslations("organisation.status");
  const reactivate = useAction(setUnitActiveAction);
  if (!unit.active) {
    return (
      <div className="space-y-2">
        <FormError message={reactivate.error} />
        <button
          type="button"
          disabled={reactivate.pending}
          onClick={() => reactivate.run({ kind: unit.kind, id: unit.id, expectedVersion: unit.version, active: true })}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {t("reactivate")}
        </button>
      </div>
    );
  }
  return (
    <ConfirmAction
      action={setUnitActiveAction}
      input={{ kind: unit.kind, id: unit.id, expectedVersion: unit.version, active: false }}
      label={t("deactivate")}
      question={
        <>
          <p>{t("deactivateConfirm", { name: unit.name })}</p>
          {unit.kind === "division" && unit.members > 0 ? <p className="mt-1">{t("membersWarned", { count: unit.members })}</p> : null}
        </>
      }
      yes={t("yes")}
      cancel={t("cancel")}
      done={() => t("deactivated")}
    />
  );
}

/** Only offered when nothing points at it; the server checks again (and refuses in Swedish). */
export function DeleteUnit({ unit }: { unit: Unit }) {
  const t = useTranslations("organisation.delete");
  return (
    <ConfirmAction
      action={deleteUnitAction}
      input={{ kind: unit.kind, id: unit.id }}
      label={t("button")}
      question={<p>{t("confirm", { name: unit.name })}</p>}
      yes={t("yes")}
      cancel={t("cancel")}
      then={`/admin/organisation?typ=${unit.kind}`}
      danger
    />
  );
}
