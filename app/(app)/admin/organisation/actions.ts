"use server";

import { serverAction } from "@/lib/server/action";
import {
  createUnitSchema, deleteUnitSchema, importSchema, mergeDivisionsSchema, setUnitActiveSchema, settingsSchema, updateUnitSchema,
} from "@/lib/schemas/organisation";
import { createUnit } from "@/lib/server/organisation/create-unit";
import { updateUnit } from "@/lib/server/organisation/update-unit";
import { setUnitActive } from "@/lib/server/organisation/set-unit-active";
import { deleteUnit } from "@/lib/server/organisation/delete-unit";
import { mergeDivisions } from "@/lib/server/organisation/merge-divisions";
import { updateSettings } from "@/lib/server/organisation/settings";
import { importOrganisation } from "@/lib/server/organisation/import-csv";

// Everything under the app may show a division's, district's or category's name, and the
// municipality's name is in the frame: a change refreshes the whole signed-in app.
const everywhere = [{ path: "/", type: "layout" as const }];

export const createUnitAction = serverAction(
  { schema: createUnitSchema, permission: ["organisation", "create"], revalidate: everywhere },
  (viewer, input) => createUnit(viewer, input),
);

export const updateUnitAction = serverAction(
  { schema: updateUnitSchema, permission: ["organisation", "update"], revalidate: everywhere },
  (viewer, input) => updateUnit(viewer, input),
);

export const setUnitActiveAction = serverAction(
  { schema: setUnitActiveSchema, permission: ["organisation", "update"], revalidate: everywhere },
  (viewer, input) => setUnitActive(viewer, input),
);

export const deleteUnitAction = serverAction(
  { schema: deleteUnitSchema, permission: ["organisation", "delete"], revalidate: everywhere },
  (viewer, input) => deleteUnit(viewer, input),
);

/** The coordinator's only (`organisation.merge`). */
export const mergeDivisionsAction = serverAction(
  { schema: mergeDivisionsSchema, permission: ["organisation", "merge"], revalidate: everywhere },
  (viewer, input) => mergeDivisions(viewer, input),
);

export const updateSettingsAction = serverAction(
  { schema: settingsSchema, permission: ["organisation", "update"], revalidate: everywhere },
  (viewer, input) => updateSettings(viewer, input),
);

/** A dry run reads only; the real run creates and renames (the use case checks both). */
export const importOrganisationAction = serverAction(
  { schema: importSchema, permission: ["organisation", "update"], revalidate: everywhere },
  (viewer, input) => importOrganisation(viewer, input),
);
