import "server-only";
import { TX_OPTIONS } from "./units";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import { SETTING_DEFAULTS, SETTING_KEYS, SETTING_NAMES, SETTING_VALUE_SCHEMAS, type SettingName, type SettingsInput } from "@/lib/schemas/organisation";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { StaleEditError } from "@/lib/server/errors";
import type { Letterhead } from "@/lib/server/documents/pdf";

export type SettingValues = { [K in SettingName]: (typeof SETTING_DEFAULTS)[K] };
export type Settings = { values: SettingValues; versions: Record<SettingName, number> };

/**
 * The stored settings, each through its own schema: a value that is missing or no longer
 * valid (written by hand, or by an older version) reads as its default, version 0 if missing.
 */
export async function readSettings(tx: Pick<DbTx, "setting">): Promise<Settings> {
  return settingsFrom(await tx.setting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } }, select: { key: true, value: true, version: true } }));
}

/** One setting through its own schema: its default when missing or no longer valid. */
export async function readSetting<K extends SettingName>(tx: Pick<DbTx, "setting">, name: K): Promise<SettingValues[K]> {
  const row = await tx.setting.findUnique({ where: { key: SETTING_KEYS[name] }, select: { value: true } });
  const parsed = row ? SETTING_VALUE_SCHEMAS[name].safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : SETTING_DEFAULTS[name]) as SettingValues[K];
}

/** The municipality's name and logo text, as every exported document's letterhead shows them. */
export async function readLetterhead(tx: Pick<DbTx, "setting">): Promise<Letterhead> {
  const keys = [SETTING_KEYS.municipalityName, SETTING_KEYS.logoText];
  const { values } = settingsFrom(await tx.setting.findMany({ where: { key: { in: keys } }, select: { key: true, value: true, version: true } }));
  return { municipality: values.municipalityName, logoText: values.logoText };
}

/** Settings from rows read elsewhere (the app frame reads them with its other figures). */
export function settingsFrom(rows: { key: string; value: unknown; version: number }[]): Settings {
  const values = { ...SETTING_DEFAULTS } as Record<SettingName, string | number>;
  const versions = Object.fromEntries(SETTING_NAMES.map((n) => [n, 0])) as Record<SettingName, number>;
  for (const name of SETTING_NAMES) {
    const row = rows.find((r) => r.key === SETTING_KEYS[name]);
    if (!row) continue;
    versions[name] = row.version;
    const parsed = SETTING_VALUE_SCHEMAS[name].safeParse(row.value);
    if (parsed.success) values[name] = parsed.data;
  }
  return { values: values as SettingValues, versions };
}

/** The settings page: values and the versions the form sends back. */
export async function getSettings(viewer: Viewer): Promise<Settings> {
  authorize(viewer, "organisation", "read");
  return withViewer(viewer, (tx) => readSettings(tx), TX_OPTIONS);
}

/**
 * Saves the settings that changed. Each is versioned on its own: if anyone saved one of them
 * since the form was opened, nothing is saved (StaleEditError) and the form shows the current
 * values. Every change is one audit event with the value before and after.
 */
export async function updateSettings(viewer: Viewer, input: SettingsInput): Promise<Settings> {
  authorize(viewer, "organisation", "update");
  return withViewer(viewer, async (tx) => {
    const current = await readSettings(tx);
    if (SETTING_NAMES.some((n) => current.versions[n] !== input.versions[n])) throw new StaleEditError("setting");
    for (const name of SETTING_NAMES) {
      const value = input[name] as Prisma.InputJsonValue;
      if (value === current.values[name]) continue;
      const key = SETTING_KEYS[name];
      if (current.versions[name] === 0) {
        await tx.setting.create({ data: { key, value } });
      } else {
        const { count } = await tx.setting.updateMany({ where: { key, version: current.versions[name] }, data: { value, version: { increment: 1 } } });
        if (count === 0) throw new StaleEditError("setting");
      }
      await recordAudit(tx, viewer, { action: "setting.update", entityType: "Setting", entityId: key, details: { from: current.values[name], to: value } });
    }
    return readSettings(tx);
  }, TX_OPTIONS);
}
