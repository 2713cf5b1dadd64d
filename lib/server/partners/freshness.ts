import "server-only";
import type { DbTx } from "@/lib/server/db";
import { DEFAULT_REVIEW_AFTER_MONTHS, REVIEW_SETTING_KEY } from "@/lib/markup/freshness";

/** The review interval of contacts: the same Setting as the public page's contacts. */
export async function reviewAfterMonths(tx: DbTx): Promise<number> {
  const setting = await tx.setting.findUnique({ where: { key: REVIEW_SETTING_KEY }, select: { value: true } });
  const months = typeof setting?.value === "number" ? setting.value : Number(setting?.value);
  return Number.isInteger(months) && months > 0 ? months : DEFAULT_REVIEW_AFTER_MONTHS;
}

/** Contacts verified before this date (or never) need checking: `today` minus the interval. */
export function staleBefore(today: Date, months: number): Date {
  const d = new Date(today);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}
