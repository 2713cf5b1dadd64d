import "server-only";
import { getTranslations } from "next-intl/server";
import { ENVIRONMENTS } from "@/lib/schemas/situation-filter";
import { ACTIVITY_TYPES, RELIABILITIES, SOURCES } from "@/lib/schemas/situation-entry";
import type { Option } from "@/lib/server/situation/list-entry-options";
import type { EntryFormOptions } from "./entry-form";

/** The form's choices with their Swedish (or English) labels, rendered on the server. */
export async function entryFormOptions(found: { districts: Option[]; divisions: Option[] }): Promise<EntryFormOptions> {
  const t = await getTranslations("situation");
  return {
    divisions: found.divisions.map((d) => ({ value: d.id, label: d.name })),
    districts: found.districts.map((d) => ({ value: d.id, label: d.name })),
    environments: ENVIRONMENTS.map((v) => ({ value: v, label: t(`environments.${v}`) })),
    activities: ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`activities.${v}`) })),
    sources: SOURCES.map((v) => ({ value: v, label: t(`sources.${v}`) })),
    reliabilities: RELIABILITIES.map((v) => ({ value: v, label: t(`reliabilities.${v}`) })),
  };
}
