"use client";

import { useFieldArray } from "react-hook-form";
import { useTranslations } from "next-intl";
import { ATTENDEE_GROUPS, attendanceSchema, createPlanSchema, eventSchema, TRAINING_LEVELS } from "@/lib/schemas/training";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { Select } from "@/components/forms/select";
import { Checkbox, CheckboxGroup } from "@/components/forms/checkbox";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createEventAction, createPlanAction, recordAttendanceAction, updateEventAction } from "../actions";

type Option = { id: string; name: string };

export function CreatePlanForm({ year }: { year: number }) {
  const t = useTranslations("training.plan");
  const kit = useActionForm(createPlanSchema, createPlanAction, { defaultValues: { year, title: `${t("title")} ${year}`, goals: "" } });
  const { register } = kit.form;
  return (
    <ActionForm kit={kit} className="max-w-xl rounded-lg border border-slate-200 bg-white p-4" fieldsetClassName="space-y-4"
      header={<legend className="text-lg font-semibold">{t("createTitle", { year })}</legend>}>
      <input type="hidden" {...register("year")} />
      <TextField label={t("form.title")} error={kit.error("title")} {...register("title")} />
      <TextArea label={t("form.goals")} rows={3} error={kit.error("goals")} {...register("goals")} />
      <SubmitButton pendingLabel={t("form.saving")}>{t("form.submit")}</SubmitButton>
    </ActionForm>
  );
}

export type EventFormValues = {
  id?: string;
  version?: number;
  title: string;
  level: "BASIC" | "ADVANCED";
  startsAt: string;
  provider: string;
  location: string;
  capacity: number | string;
  material: string;
  description: string;
  targetStaffCategoryIds: string[];
  targetDivisionIds: string[];
  needIds: string[];
};

type NeedOption = { id: string; label: string };

/** Plans an event, or changes one (with the version it was read at). */
export function EventForm({ planId, initial, staffCategories, divisions, needs, formId }: {
  planId: string; initial?: EventFormValues; staffCategories: Option[]; divisions: Option[]; needs: NeedOption[]; formId: string;
}) {
  const t = useTranslations("training");
  const defaults = {
    planId,
    title: "", level: "BASIC" as const, startsAt: "", provider: "", location: "", capacity: "", material: "Samtalskompassen", description: "",
    targetStaffCategoryIds: [] as string[], targetDivisionIds: [] as string[], needIds: [] as string[],
    ...initial,
  };
  const kit = useActionForm(eventSchema, initial?.id ? updateEventAction : createEventAction, {
    defaultValues: defaults,
    onSuccess: (_d, form) => { if (!initial?.id) form.reset(defaults); },
  });
  const { register } = kit.form;
  return (
    <ActionForm kit={kit} className="rounded-lg border border-slate-200 bg-slate-50 p-4" fieldsetClassName="grid gap-4 sm:grid-cols-2">
      <TextField label={t("events.form.title")} error={kit.error("title")} {...register("title")} />
      <Select label={t("events.form.level")} error={kit.error("level")} options={TRAINING_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} {...register("level")} />
      <TextField label={t("events.form.startsAt")} type="datetime-local" error={kit.error("startsAt")} {...register("startsAt")} />
      <TextField label={t("events.form.provider")} error={kit.error("provider")} {...register("provider")} />
      <TextField label={t("events.form.location")} error={kit.error("location")} {...register("location")} />
      <TextField label={t("events.form.capacity")} type="number" inputMode="numeric" min={1} error={kit.error("capacity")} {...register("capacity")} />
      <TextField label={t("events.form.material")} error={kit.error("material")} {...register("material")} />
      <TextArea label={t("events.form.description")} rows={2} error={kit.error("description")} {...register("description")} />
      <CheckboxGroup legend={t("events.form.targetStaffCategories")} error={kit.error("targetStaffCategoryIds")}>
        <div className="mt-2 grid gap-1">
          {staffCategories.map((c) => <Checkbox key={c.id} label={c.name} value={c.id} {...register("targetStaffCategoryIds")} />)}
        </div>
      </CheckboxGroup>
      <CheckboxGroup legend={t("events.form.targetDivisions")} hint={t("events.form.targetDivisionsHint")} error={kit.error("targetDivisionIds")}>
        <div className="mt-2 grid gap-1">
          {divisions.map((d) => <Checkbox key={d.id} label={d.name} value={d.id} {...register("targetDivisionIds")} />)}
        </div>
      </CheckboxGroup>
      {needs.length ? (
        <CheckboxGroup legend={t("events.form.needs")} hint={t("events.form.needsHint")} error={kit.error("needIds")} className="sm:col-span-2">
          <div className="mt-2 grid gap-1">
            {needs.map((n) => <Checkbox key={n.id} label={n.label} value={n.id} {...register("needIds")} />)}
          </div>
        </CheckboxGroup>
      ) : null}
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={t("events.form.saving")}>{initial?.id ? t("events.form.submitUpdate") : t("events.form.submitCreate")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

type AttendanceRowValue = { group: "STAFF" | "MANAGERS" | "ELECTED_OFFICIALS"; staffCategoryId: string; registered: number | string; attended: number | string };

/** Head-counts of one division at one event: per staff category, plus managers and elected officials. */
export function AttendanceForm({ eventId, divisions, staffCategories, existing }: {
  eventId: string; divisions: Option[]; staffCategories: Option[];
  /** The rows already saved, per division, so the form opens with them. */
  existing: Record<string, AttendanceRowValue[]>;
}) {
  const t = useTranslations("training");
  const first = divisions[0]?.id ?? "";
  const blank: AttendanceRowValue = { group: "STAFF", staffCategoryId: staffCategories[0]?.id ?? "", registered: "", attended: "" };
  const rowsFor = (divisionId: string) => (existing[divisionId]?.length ? existing[divisionId] : [blank]);
  const kit = useActionForm(attendanceSchema, recordAttendanceAction, { defaultValues: { eventId, divisionId: first, rows: rowsFor(first) } });
  const { register, control, reset } = kit.form;
  const { fields, append, remove } = useFieldArray({ control, name: "rows" });
  const division = register("divisionId");
  return (
    <ActionForm kit={kit} className="rounded-lg border border-slate-200 bg-slate-50 p-4" fieldsetClassName="space-y-3">
      <p className="text-sm text-slate-600">{t("events.attendanceForm.hint")}</p>
      <Select
        label={t("events.attendanceForm.division")}
        error={kit.error("divisionId")}
        options={divisions.map((d) => ({ value: d.id, label: d.name }))}
        {...division}
        onChange={(e) => {
          void division.onChange(e);
          reset({ eventId, divisionId: e.target.value, rows: rowsFor(e.target.value) });
        }}
      />
      {fields.map((field, i) => (
        <div key={field.id} className="grid items-end gap-2 sm:grid-cols-5" data-testid="attendance-row">
          <Select label={t("events.attendanceForm.group")} error={kit.error(`rows.${i}.group`)} options={ATTENDEE_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))} {...register(`rows.${i}.group`)} />
          <Select label={t("events.attendanceForm.staffCategory")} error={kit.error(`rows.${i}.staffCategoryId`)} options={[{ value: "", label: "–" }, ...staffCategories.map((c) => ({ value: c.id, label: c.name }))]} {...register(`rows.${i}.staffCategoryId`)} />
          <TextField label={t("events.attendanceForm.registered")} type="number" min={0} inputMode="numeric" error={kit.error(`rows.${i}.registered`)} {...register(`rows.${i}.registered`)} />
          <TextField label={t("events.attendanceForm.attended")} type="number" min={0} inputMode="numeric" error={kit.error(`rows.${i}.attended`)} {...register(`rows.${i}.attended`)} />
          <button type="button" onClick={() => remove(i)} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">{t("events.attendanceForm.removeRow")}</button>
        </div>
      ))}
      <div className="flex gap-2">
        <button type="button" onClick={() => append(blank)} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">{t("events.attendanceForm.addRow")}</button>
        <SubmitButton pendingLabel={t("events.attendanceForm.saving")}>{t("events.attendanceForm.submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
