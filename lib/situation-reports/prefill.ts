// The first text of a new report's per-environment sections, written from its figures so the
// coordinator starts from the counts and edits from there. The report is the municipality's
// Swedish document (it goes to the police and the board), so the text is Swedish whatever the
// interface language; the labels come from the Swedish catalog.
import sv from "@/lib/i18n/messages/sv/situation.json";
import type { EnvironmentFigures } from "./figures";

const label = sv.situation;
const noDistrict = label.noDistrict;

const entries = (n: number) => (n === 1 ? "1 notering" : `${n} noteringar`);

export function prefillSection(e: EnvironmentFigures): { presence: string; activities: string } {
  if (e.count === 0) {
    return {
      presence: `Inga granskade noteringar under perioden (föregående period: ${entries(e.previousCount)}).`,
      activities: "",
    };
  }
  const districts = e.byDistrict.map((d) => `${d.district ?? noDistrict} (${d.count})`).join(", ");
  const activities = e.byActivity.filter((a) => a.count > 0).map((a) => `${label.activities[a.key]} ${a.count}`).join(", ");
  return {
    presence: `${entries(e.count)} under perioden (föregående period: ${entries(e.previousCount)}). Områden: ${districts}.`,
    activities: `${activities}.`,
  };
}
