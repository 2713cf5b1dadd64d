"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ACTION_STATUSES } from "@/lib/network/overdue";
import { createActionItemSchema, editActionItemSchema } from "@/lib/schemas/network";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { Select } from "@/components/forms/select";
import { createActionItemAction, editActionItemAction } from "../actions";
import { StaleNotice } from "./stale-notice";

export type OwnerOption = { userId: string; name: string; divisions: { id: string; name: string }[] };

function useOwnerOptions(owners: OwnerOption[], ownerId: string | undefined) {
  const t = useTranslations("network.itemForm");
  const owner = owners.find((o) => o.userId === ownerId);
  return {
    ownerOptions: [{ value: "", label: t("chooseOwner") }, ...owners.map((o) => ({ value: o.userId, label: o.name }))],
    divisionOptions: [{ value: "", label: t("networkWide") }, ...(owner?.divisions ?? []).map((d) => ({ value: d.id, label: d.name }))],
  };
}

/** A new action item, on its own or from a meeting's decision (`meetingId`, `decisionId`). */
export function CreateActionItemForm({
  owners, meetingId = null, decisionId = null, title = "", defaultDue, legend,
}: { owners: OwnerOption[]; meetingId?: string | null; decisionId?: string | null; title?: string; defaultDue: string; legend?: string }) {
  const t = useTranslations("network.itemForm");
  const router = useRouter();
  const kit = useActionForm(createActionItemSchema, createActionItemAction, {
    defaultValues: { title, description: "", ownerId: "", divisionId: "", dueDate: defaultDue, comment: "", meetingId, decisionId },
    onSuccess: (data) => { if (data && !meetingId) router.push(`/atgarder/${data.id}`); },
  });
  const { register, watch, setValue } = kit.form;
  const { ownerOptions, divisionOptions } = useOwnerOptions(owners, watch("ownerId"));
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4"
      header={legend ? <legend className="mb-2 font-medium">{legend}</legend> : undefined}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("created")}</p>}>
      <TextField label={t("title")} error={kit.error("title")} {...register("title")} />
      <TextArea label={t("description")} rows={3} error={kit.error("description")} {...register("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("owner")} options={ownerOptions} error={kit.error("ownerId")} {...register("ownerId", {
          onChange: (e: { target: { value: string } }) => {
            // The owner's own division by default: the one they represent in the network.
            const owner = owners.find((o) => o.userId === e.target.value);
            setValue("divisionId", owner?.divisions[0]?.id ?? "");
          },
        })} />
        <Select label={t("division")} hint={t("divisionHint")} options={divisionOptions} error={kit.error("divisionId")} {...register("divisionId")} />
      </div>
      <TextField type="date" label={t("dueDate")} error={kit.error("dueDate")} {...register("dueDate")} />
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </ActionForm>
  );
}

type EditProps = {
  owners: OwnerOption[];
  item: { id: string; version: number; title: string; description: string; ownerId: string; divisionId: string | null; dueDate: string; status: (typeof ACTION_STATUSES)[number]; comment: string };
};

/** The coordinator's full edit of an item; a stale save is refused with a way to the current version. */
export function EditActionItemForm({ owners, item }: EditProps) {
  const t = useTranslations("network");
  const kit = useActionForm(editActionItemSchema, editActionItemAction, {
    values: { ...item, divisionId: item.divisionId ?? "" },
    onSuccess: (data, form) => { if (data) form.setValue("version", data.version); },
  });
  const { register, watch } = kit.form;
  const { ownerOptions, divisionOptions } = useOwnerOptions(owners, watch("ownerId"));
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4"
      header={<StaleNotice formError={kit.formError} />}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("itemForm.saved")}</p>}>
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <TextField label={t("itemForm.title")} error={kit.error("title")} {...register("title")} />
      <TextArea label={t("itemForm.description")} rows={3} error={kit.error("description")} {...register("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("itemForm.owner")} options={ownerOptions} error={kit.error("ownerId")} {...register("ownerId")} />
        <Select label={t("itemForm.division")} hint={t("itemForm.divisionHint")} options={divisionOptions} error={kit.error("divisionId")} {...register("divisionId")} />
        <TextField type="date" label={t("itemForm.dueDate")} error={kit.error("dueDate")} {...register("dueDate")} />
        <Select label={t("itemForm.status")} options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`items.statuses.${s}`) }))} error={kit.error("status")} {...register("status")} />
      </div>
      <TextArea label={t("itemForm.comment")} rows={3} error={kit.error("comment")} {...register("comment")} />
      <SubmitButton pendingLabel={t("itemForm.saving")}>{t("itemForm.save")}</SubmitButton>
    </ActionForm>
  );
}
