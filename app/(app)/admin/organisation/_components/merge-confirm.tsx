"use client";

import { useTranslations } from "next-intl";
import { mergeDivisionsAction } from "../actions";
import { ConfirmAction } from "./confirm-action";

export function MergeConfirm({ sourceId, targetId, source, target }: { sourceId: string; targetId: string; source: string; target: string }) {
  const t = useTranslations("organisation.merge");
  return (
    <ConfirmAction
      action={mergeDivisionsAction}
      input={{ sourceId, targetId }}
      label={t("confirmButton")}
      question={<p>{t("confirm", { source, target })}</p>}
      yes={t("yes")}
      cancel={t("cancel")}
      done={(data) => t("done", { count: data?.moved ?? 0, folded: data?.folded ?? 0, target })}
      danger
    />
  );
}
