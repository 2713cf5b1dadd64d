import "server-only";
import { TX_OPTIONS } from "./units";
import { cache } from "react";
import type { Viewer } from "@/lib/access/viewer";
import { withViewer } from "@/lib/server/access/with-viewer";
import { readSettings } from "./settings";

export type Municipality = { name: string; logoText: string };

/**
 * The municipality's name and logo text, shown in the app's frame and on exported documents
 * (read once per request). Every signed-in role reads settings (policy setting_select).
 */
export const getMunicipality = cache(async (viewer: Viewer): Promise<Municipality> => {
  const { values } = await withViewer(viewer, (tx) => readSettings(tx), TX_OPTIONS);
  return { name: values.municipalityName, logoText: values.logoText };
});
