import "server-only";
import { z } from "zod";

// What one version of the public page holds, as the pages render it. The JSON columns are
// parsed leniently (a malformed item is dropped, not a crash of the public page).

export const PUBLIC_CONTENT_TAG = "public-content";

export type PublicSection = { key: string; heading: string; body: string };
export type PublicContactView = {
  key: string;
  name: string;
  phone: string;
  hours: string;
  url: string;
  description: string;
};
export type PublicGuideItem = { situation: string; contactKey: string; urgent: boolean };

export type PublicPageData = {
  id: string;
  locale: string;
  versionNumber: number;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  title: string;
  intro: string;
  sections: PublicSection[];
  contacts: PublicContactView[];
  guide: PublicGuideItem[];
  /** ISO string: the page data is cached as JSON. */
  publishedAt: string | null;
  updatedAt: string;
};

const str = z.string().catch("");
const sectionJson = z.object({ key: str, heading: str, body: str });
const contactJson = z.object({
  key: str,
  name: str,
  phone: z.string().nullish().transform((v) => v ?? "").catch(""),
  hours: z.string().nullish().transform((v) => v ?? "").catch(""),
  url: z.string().nullish().transform((v) => v ?? "").catch(""),
  description: z.string().nullish().transform((v) => v ?? "").catch(""),
});
const guideJson = z.object({ situation: str, contactKey: str, urgent: z.boolean().catch(false) });

function list<T>(schema: z.ZodType<T>, value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

type Row = {
  id: string;
  locale: string;
  versionNumber: number;
  status: PublicPageData["status"];
  title: string;
  intro: string;
  sections: unknown;
  contacts: unknown;
  guide: unknown;
  publishedAt: Date | null;
  updatedAt: Date;
};

export const PAGE_SELECT = {
  id: true,
  locale: true,
  versionNumber: true,
  status: true,
  title: true,
  intro: true,
  sections: true,
  contacts: true,
  guide: true,
  publishedAt: true,
  updatedAt: true,
} as const;

export function toPageData(row: Row): PublicPageData {
  return {
    id: row.id,
    locale: row.locale,
    versionNumber: row.versionNumber,
    status: row.status,
    title: row.title,
    intro: row.intro,
    sections: list(sectionJson, row.sections),
    contacts: list(contactJson, row.contacts),
    guide: list(guideJson, row.guide),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
