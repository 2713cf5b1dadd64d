// The message catalogs, one JSON file per area and locale, merged into one tree per locale.
// A new area adds its file to both lists; a unit test checks the locales have the same keys.
import type { Locale } from "../config";
import svApp from "./sv/app.json";
import enApp from "./en/app.json";

export const MESSAGES = {
  sv: { ...svApp },
  en: { ...enApp },
} satisfies Record<Locale, object>;

export type Messages = (typeof MESSAGES)["sv"];
