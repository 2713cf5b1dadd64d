"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  addPartnerContactSchema, createPartnerSchema, PARTNER_CATEGORIES, PARTNER_KINDS, updatePartnerContactSchema, updatePartnerSchema,
  type UpdatePartnerContactInput, type UpdatePartnerInput,
} from "@/lib/schemas/network";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { Select } from "@/components/forms/select";
import { Checkbox } from "@/components/forms/checkbox";
import { StaleNotice } from "../../atgarder/_components/stale-notice";
import { addPartnerContactAction, createPartnerAction, updatePartnerAction, updatePartnerContactAction } from "../actions";

const ok = "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800";

function useChoices() {
  const t = useTranslations("network.partners");
  return {
    kinds: PARTNER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    categories: PARTNER_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
  };
}

export function CreatePartnerForm() {
  const t = useTranslations("network.partnerForm");
  const router = useRouter();
  const { kinds, categories } = useChoices();
  const kit = useActionForm(createPartnerSchema, createPartnerAction, {
    defaultValues: { name: "", kind: "EXTERNAL", category: "OTHER", description: "" },
    refresh: false,
    onSuccess: (data) => { if (data) router.push(`/samverkan/${data.id}`); },
  });
  const { register } = kit.form;
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4" success={<p className={ok}>{t("created")}</p>}>
      <TextField label={t("name")} error={kit.error("name")} {...register("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("kind")} options={kinds} error={kit.error("kind")} {...register("kind")} />
        <Select label={t("category")} options={categories} error={kit.error("category")} {...register("category")} />
      </div>
      <TextArea label={t("description")} rows={4} error={kit.error("description")} {...register("description")} />
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </ActionForm>
  );
}

export function EditPartnerForm({ partner }: { partner: UpdatePartnerInput }) {
  const t = useTranslations("network.partnerForm");
  const { kinds, categories } = useChoices();
  const kit = useActionForm(updatePartnerSchema, updatePartnerAction, {
    values: partner,
    onSuccess: (data, form) => { if (data) form.setValue("version", data.version); },
  });
  const { register } = kit.form;
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4" header={<StaleNotice formError={kit.formError} />}
      success={<p className={ok}>{t("saved")}</p>}>
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <TextField label={t("name")} error={kit.error("name")} {...register("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("kind")} options={kinds} error={kit.error("kind")} {...register("kind")} />
        <Select label={t("category")} options={categories} error={kit.error("category")} {...register("category")} />
      </div>
      <TextArea label={t("description")} rows={4} error={kit.error("description")} {...register("description")} />
      <Checkbox label={t("active")} {...register("active")} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

function ContactFields({ register, error }: {
  register: (name: "name" | "title" | "email" | "phone" | "lastVerifiedAt") => ReturnType<ReturnType<typeof useActionForm<UpdatePartnerContactInput, unknown>>["form"]["register"]>;
  error: (name: "name" | "title" | "email" | "phone" | "lastVerifiedAt") => string | undefined;
}) {
  const t = useTranslations("network.partnerForm");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("contactName")} autoComplete="off" error={error("name")} {...register("name")} />
      <TextField label={t("contactTitle")} autoComplete="off" error={error("title")} {...register("title")} />
      <TextField type="email" label={t("contactEmail")} autoComplete="off" error={error("email")} {...register("email")} />
      <TextField type="tel" label={t("contactPhone")} autoComplete="off" error={error("phone")} {...register("phone")} />
      <TextField type="date" label={t("lastVerifiedAt")} hint={t("lastVerifiedHint")} error={error("lastVerifiedAt")} {...register("lastVerifiedAt")} />
    </div>
  );
}

export function AddContactForm({ partnerId, today }: { partnerId: string; today: string }) {
  const t = useTranslations("network.partnerForm");
  const empty = { partnerId, name: "", title: "", email: "", phone: "", lastVerifiedAt: today };
  const kit = useActionForm(addPartnerContactSchema, addPartnerContactAction, {
    defaultValues: empty,
    onSuccess: (_data, form) => form.reset(empty),
  });
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4" success={<p className={ok}>{t("contactAdded")}</p>}>
      <input type="hidden" {...kit.form.register("partnerId")} />
      <ContactFields register={(n) => kit.form.register(n)} error={(n) => kit.error(n)} />
      <SubmitButton pendingLabel={t("saving")}>{t("addContact")}</SubmitButton>
    </ActionForm>
  );
}

export function EditContactForm({ contact }: { contact: UpdatePartnerContactInput }) {
  const t = useTranslations("network.partnerForm");
  const kit = useActionForm(updatePartnerContactSchema, updatePartnerContactAction, {
    values: contact,
    onSuccess: (data, form) => { if (data) form.setValue("version", data.version); },
  });
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4" header={<StaleNotice formError={kit.formError} />}
      success={<p className={ok}>{t("contactSaved")}</p>}>
      <input type="hidden" {...kit.form.register("id")} />
      <input type="hidden" {...kit.form.register("version")} />
      <ContactFields register={(n) => kit.form.register(n)} error={(n) => kit.error(n)} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
