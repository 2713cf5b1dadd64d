import { getTranslations } from "next-intl/server";
import { PageHeader } from "./page-header";
import { EmptyState } from "./empty-state";

type Section =
  | "situation" | "situationReports" | "network" | "actionItems" | "training" | "competencePlan"
  | "measures" | "followUp" | "partners" | "recommendations" | "contactLog" | "publicContent"
  | "users" | "organisation" | "audit";

/** A section whose screens are still to be built: its title, purpose and an empty state. */
export async function SectionPlaceholder({ section }: { section: Section }) {
  const t = await getTranslations("pages");
  return (
    <>
      <PageHeader title={t(`${section}.title`)} description={t(`${section}.description`)} />
      <EmptyState title={t("emptyTitle")} text={t("comingSoon")} />
    </>
  );
}
