// The message catalogs, one JSON file per area and locale, merged into one tree per locale.
// A new area adds its file to both lists; a unit test checks the locales have the same keys.
import type { Locale } from "../config";
import svApp from "./sv/app.json";
import enApp from "./en/app.json";
import svPublic from "./sv/public.json";
import enPublic from "./en/public.json";

export const MESSAGES = {
  sv: { ...svApp, ...svPublic },
  en: { ...enApp, ...enPublic },
} satisfies Record<Locale, object>;

export type Messages = (typeof MESSAGES)["sv"];
