"use server";

import { serverAction } from "@/lib/server/action";
import { DomainRuleError } from "@/lib/server/errors";
import { approvePlanSchema, attendanceSchema, cancelEventSchema, createPlanSchema, eventSchema } from "@/lib/schemas/training";
import { createPlan } from "@/lib/server/training/create-plan";
import { saveEvent } from "@/lib/server/training/save-event";
import { recordAttendance } from "@/lib/server/training/record-attendance";
import { cancelEvent } from "@/lib/server/training/cancel-event";
import { approvePlan } from "@/lib/server/training/approve-plan";

const revalidate = ["/kompetensplan", "/utbildning"];

export const createPlanAction = serverAction(
  { schema: createPlanSchema, permission: ["competencePlan", "create"], revalidate },
  async (viewer, input) => {
    await createPlan(viewer, input);
  },
);

/** Plans an event; the use case also asks for the competence-development responsibility. */
export const createEventAction = serverAction(
  { schema: eventSchema, permission: ["trainingEvent", "create"], revalidate },
  async (viewer, input) => {
    await saveEvent(viewer, { ...input, id: undefined, version: undefined });
  },
);

/** Changes an event from the version the form showed (stale → the form says so). */
export const updateEventAction = serverAction(
  { schema: eventSchema, permission: ["trainingEvent", "update"], revalidate },
  async (viewer, input) => {
    if (!input.id) throw new DomainRuleError("invalid", "id");
    await saveEvent(viewer, input);
  },
);

/** Cancels a planned event, after the page's confirmation step, from the version it showed. */
export const cancelEventAction = serverAction(
  { schema: cancelEventSchema, permission: ["trainingEvent", "update"], revalidate },
  (viewer, input) => cancelEvent(viewer, input),
);

/** Records a division's head-counts after the event; the first sheet marks a planned event held. */
export const recordAttendanceAction = serverAction(
  { schema: attendanceSchema, permission: ["trainingAttendance", "create"], revalidate },
  (viewer, input) => recordAttendance(viewer, input),
);

export const approvePlanAction = serverAction(
  { schema: approvePlanSchema, permission: ["competencePlan", "approve"], revalidate },
  async (viewer, input) => {
    await approvePlan(viewer, input);
  },
);
