import "server-only";
import { cookies } from "next/headers";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/access/viewer";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Remembers the viewer's interface language: on the account, and in a cookie for this browser.
 * Every signed-in user may, for their own account only (no permission-table entry: the
 * `where` is the viewer's own id); it still runs in `withViewer`, as every use case does.
 */
export async function setLocale(viewer: Viewer, locale: Locale) {
  await withViewer(viewer, async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { locale } });
    await recordAudit(tx, viewer, { action: "user.setLocale", entityType: "User", entityId: viewer.id, details: { locale } });
  });
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
}
