// The message catalogs, one JSON file per area and locale, merged into one tree per locale.
// A new area adds its file to both lists; a unit test checks the locales have the same keys.
import type { Locale } from "../config";
import svApp from "./sv/app.json";
import enApp from "./en/app.json";
import svAudit from "./sv/audit.json";
import enAudit from "./en/audit.json";
import svSituation from "./sv/situation.json";
import enSituation from "./en/situation.json";
import svUsers from "./sv/users.json";
import enUsers from "./en/users.json";
import svPublic from "./sv/public.json";
import enPublic from "./en/public.json";

export const MESSAGES = {
  sv: { ...svApp, ...svAudit, ...svSituation, ...svUsers, ...svPublic },
  en: { ...enApp, ...enAudit, ...enSituation, ...enUsers, ...enPublic },
} satisfies Record<Locale, object>;

export type Messages = (typeof MESSAGES)["sv"];
