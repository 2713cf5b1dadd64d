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
import svEntries from "./sv/entries.json";
import enEntries from "./en/entries.json";
import svMeasures from "./sv/measures.json";
import enMeasures from "./en/measures.json";
import svNetwork from "./sv/network.json";
import enNetwork from "./en/network.json";
import svNotifications from "./sv/notifications.json";
import enNotifications from "./en/notifications.json";
import svOrganisation from "./sv/organisation.json";
import enOrganisation from "./en/organisation.json";
import svReports from "./sv/reports.json";
import enReports from "./en/reports.json";
import svTraining from "./sv/training.json";
import enTraining from "./en/training.json";

export const MESSAGES = {
  sv: { ...svApp, ...svAudit, ...svSituation, ...svUsers, ...svPublic, ...svEntries, ...svMeasures, ...svNetwork, ...svNotifications, ...svOrganisation, ...svReports, ...svTraining },
  en: { ...enApp, ...enAudit, ...enSituation, ...enUsers, ...enPublic, ...enEntries, ...enMeasures, ...enNetwork, ...enNotifications, ...enOrganisation, ...enReports, ...enTraining },
} satisfies Record<Locale, object>;

export type Messages = (typeof MESSAGES)["sv"];
