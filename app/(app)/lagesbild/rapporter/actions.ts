"use server";

import { serverAction } from "@/lib/server/action";
import {
  createReportSchema, deleteReportSchema, finalizeReportSchema, legalBasisSchema, reportEntrySchema, shareReportSchema,
  updateReportSchema,
} from "@/lib/schemas/situation-report";
import { createSituationReport } from "@/lib/server/situation-reports/create-report";
import { deleteSituationReport, setReportEntry, updateSituationReport } from "@/lib/server/situation-reports/update-report";
import { finalizeSituationReport } from "@/lib/server/situation-reports/finalize-report";
import { shareSituationReport } from "@/lib/server/situation-reports/share-report";
import { saveLegalBasis } from "@/lib/server/situation-reports/legal-bases";

const REPORTS = { path: "/lagesbild/rapporter", type: "layout" as const };

export const createReportAction = serverAction(
  { schema: createReportSchema, permission: ["situationReport", "create"], revalidate: [REPORTS] },
  (viewer, input) => createSituationReport(viewer, input),
);

export const updateReportAction = serverAction(
  { schema: updateReportSchema, permission: ["situationReport", "update"], revalidate: [REPORTS] },
  (viewer, input) => updateSituationReport(viewer, input),
);

export const reportEntryAction = serverAction(
  { schema: reportEntrySchema, permission: ["situationReport", "update"], revalidate: [REPORTS] },
  (viewer, input) => setReportEntry(viewer, input),
);

export const finalizeReportAction = serverAction(
  { schema: finalizeReportSchema, permission: ["situationReport", "finalize"], revalidate: [REPORTS] },
  async (viewer, input) => {
    await finalizeSituationReport(viewer, input);
  },
);

export const deleteReportAction = serverAction(
  { schema: deleteReportSchema, permission: ["situationReport", "delete"], revalidate: [REPORTS] },
  async (viewer, input) => {
    await deleteSituationReport(viewer, input);
  },
);

export const shareReportAction = serverAction(
  { schema: shareReportSchema, permission: ["situationReport", "share"], revalidate: [REPORTS] },
  async (viewer, input) => {
    await shareSituationReport(viewer, input);
  },
);

export const saveLegalBasisAction = serverAction(
  { schema: legalBasisSchema, permission: ["legalBasis", "update"], revalidate: [REPORTS] },
  (viewer, input) => saveLegalBasis(viewer, input),
);
