// The first text of a new report's per-environment sections, written from its figures so the
// coordinator starts from the counts and edits from there. The report is the municipality's
// Swedish document (it goes to the police and the board, and observers read it once final), so
// the text is Swedish whatever the interface language, and it is written from the figures as an
// observer reads them (suppressFigures: below the threshold "färre än 5", zero included, and a
// count that would give a hidden one back not given): the draft carries no small count and says
// nothing of which districts or activities have none. Only what is shown shapes the text, so two
// environments whose hidden counts differ read the same.
import { createTranslator } from "use-intl/core";
import { MESSAGES } from "@/lib/i18n/messages";
import { suppressFigures, type ReportFigures, type Shown, type SuppressedFigures } from "./figures";

const sv = MESSAGES.sv;
const t = createTranslator({ locale: "sv", messages: sv, namespace: "reports.prefill" });
const label = sv.situation;

type ShownEnvironment = SuppressedFigures["environments"][number];
const isSmall = (n: Shown) => typeof n === "string" && n.startsWith("<");
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase("sv") + text.slice(1);

/** The presence and activities text of one environment, from its figures as shown. */
export function prefillSection(e: ShownEnvironment, threshold: number): { presence: string; activities: string } {
  const entries = (n: Shown) => (typeof n === "number" ? t("entries", { count: n }) : isSmall(n) ? t("fewerThan", { threshold }) : t("notGiven"));
  const amount = (n: Shown) => (typeof n === "number" ? String(n) : t("countNotGiven"));
  // Districts and activities with a small count are not named: a name would say "at least one".
  const districts = e.byDistrict.filter((d) => !isSmall(d.count)).map((d) => `${d.district ?? label.noDistrict} (${amount(d.count)})`);
  const activities = e.byActivity.filter((a) => !isSmall(a.count))
    .map((a) => (typeof a.count === "number" ? `${label.activities[a.key]} ${a.count}` : `${label.activities[a.key]} (${amount(a.count)})`));
  const presence = capitalised(t("presence", { count: entries(e.count), previous: entries(e.previousCount) }));
  return {
    presence: `${presence} ${districts.length ? t("districts", { shown: districts.join(", "), threshold }) : t("districtsNoneShown", { threshold })}`,
    activities: activities.length === 0
      ? t("activitiesNoneShown", { threshold })
      : activities.length === e.byActivity.length
        ? t("activitiesAllShown", { shown: activities.join(", ") })
        : t("activities", { shown: activities.join(", "), threshold }),
  };
}

/** Every environment's first text, from the report's figures suppressed at `threshold`. */
export function prefillSections(figures: ReportFigures, threshold: number) {
  return suppressFigures(figures, threshold).environments.map((e) => ({ environment: e.environment, ...prefillSection(e, threshold) }));
}
