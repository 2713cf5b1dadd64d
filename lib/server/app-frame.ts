import "server-only";
import { cache } from "react";
import type { Viewer } from "@/lib/access/viewer";
import { withViewer } from "@/lib/server/access/with-viewer";
import { settingsFrom } from "@/lib/server/organisation/settings";
import { SETTING_KEYS } from "@/lib/schemas/organisation";

export type AppFrame = {
  /** The bell's figure: the viewer's own unread notifications. */
  unread: number;
  municipality: { name: string; logoText: string };
  /** The viewer's own divisions that are deactivated (their members are warned). */
  inactiveDivisions: string[];
};

/**
 * What the signed-in frame shows around every page, in one statement of one transaction as the
 * viewer (row-level security applies): the bell's unread count, the settings the frame names,
 * and which of the viewer's own divisions are deactivated. Issue 12: this used to be three
 * statements (and before that three transactions) beside the page's own.
 */
export const getAppFrame = cache(async (viewer: Viewer): Promise<AppFrame> =>
  withViewer(viewer, async (tx) => {
    const [row] = await tx.$queryRaw<{ unread: number; settings: { key: string; value: unknown; version: number }[]; inactive: string[] }[]>`
      SELECT (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = ${viewer.id}::uuid AND n."readAt" IS NULL) AS unread,
             (SELECT coalesce(json_agg(json_build_object('key', s.key, 'value', s.value, 'version', s.version)), '[]'::json)
                FROM "Setting" s WHERE s.key = ANY(${Object.values(SETTING_KEYS)}::text[])) AS settings,
             array(SELECT d.name FROM "Division" d WHERE d.id = ANY(${viewer.divisionIds}::uuid[]) AND NOT d.active) AS inactive`;
    const { values } = settingsFrom(row?.settings ?? []);
    return {
      unread: row?.unread ?? 0,
      municipality: { name: values.municipalityName, logoText: values.logoText },
      inactiveDivisions: (row?.inactive ?? []).sort((a, b) => a.localeCompare(b, "sv")),
    };
  }),
);
