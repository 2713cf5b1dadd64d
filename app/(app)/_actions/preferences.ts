"use server";

import { serverAction } from "@/lib/server/action";
import { setLocale } from "@/lib/server/preferences/set-locale";
import { localeSchema } from "@/lib/schemas/locale";

export const changeLocale = serverAction(
  { schema: localeSchema, permission: "signedIn", revalidate: [{ path: "/", type: "layout" }] },
  (viewer, { locale }) => setLocale(viewer, locale),
);
