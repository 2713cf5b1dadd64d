import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { may } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { listMyOpenActionItems } from "@/lib/server/network/list-action-items";
import { stockholmToday } from "@/lib/network/stockholm-time";

/** The start page's part for an action-item owner: their open items, the soonest due first. */
export async function MyActionItems({ viewer }: { viewer: Viewer }) {
  if (!may(viewer.role, "actionItem", "list")) return null;
  const [t, format, items] = await Promise.all([getTranslations("network"), getFormatter(), listMyOpenActionItems(viewer, stockholmToday(new Date()))]);
  if (items.length === 0 && viewer.role !== "NETWORK_MEMBER") return null;
  return (
    <section aria-labelledby="my-items-title" className="mt-10" data-testid="my-action-items">
      <h2 id="my-items-title" className="text-lg font-semibold">{t("items.mineTitle")}</h2>
      {items.length === 0 ? (
        <p className="mt-2 rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("items.mineEmpty")}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">{t("items.mineCount", { count: items.length })}</p>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <Link href={`/atgarder/${i.id}`} className="text-brand-700 underline">{i.title}</Link>
                <span className={`text-sm ${i.overdue ? "font-medium text-red-800" : "text-slate-600"}`}>
                  {format.dateTime(i.dueDate, { dateStyle: "medium", timeZone: "UTC" })} · {t(`items.statuses.${i.status}`)}{i.overdue ? ` · ${t("items.overdue")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
