import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { LOCALES } from "@/lib/i18n/config";
import { needsReview, reviewDueAt } from "@/lib/markup/freshness";
import type { Viewer } from "@/lib/access/viewer";
import { toPageData } from "./page-data";
import { readReviewInterval } from "./versioning";

export type VersionSummary = {
  id: string;
  versionNumber: number;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  title: string;
  publishedAt: Date | null;
  publishedBy: string | null;
  updatedAt: Date;
  version: number;
};

export type LocaleOverview = {
  locale: string;
  published: VersionSummary | null;
  draft: VersionSummary | null;
  /** Published and archived versions, newest first. */
  history: VersionSummary[];
};

export type ContactFreshness = {
  id: string;
  key: string;
  name: string;
  phone: string | null;
  owner: string | null;
  ownerId: string | null;
  lastVerifiedAt: Date | null;
  reviewDueAt: Date | null;
  needsReview: boolean;
  reviewNote: string | null;
  version: number;
};

export type EditorOverview = {
  locales: LocaleOverview[];
  contacts: ContactFreshness[];
  reviewAfterMonths: number;
  reviewSettingVersion: number;
  /** Active accounts that can own a contact. */
  possibleOwners: { id: string; name: string }[];
  /** Contacts whose phone number differs between the published languages. */
  phoneMismatches: { key: string; name: string; phones: Record<string, string> }[];
};

/** The coordinator's view of the public page: versions per language and contact freshness. */
export async function getEditorOverview(viewer: Viewer): Promise<EditorOverview> {
  authorize(viewer, "publicContent", "list");
  const { rows, contacts, interval, users, publishers } = await withViewer(viewer, async (client) => {
    const [rows, contacts, interval, users] = await Promise.all([
      client.publicContent.findMany({
        orderBy: [{ locale: "asc" }, { versionNumber: "desc" }],
        select: {
          id: true, locale: true, versionNumber: true, status: true, title: true, intro: true, sections: true,
          contacts: true, guide: true, publishedAt: true, publishedById: true, updatedAt: true, version: true,
        },
      }),
      client.publicContact.findMany({
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true, key: true, name: true, phone: true, lastVerifiedAt: true, reviewNote: true, version: true, ownerId: true,
          owner: { select: { name: true } },
        },
      }),
      readReviewInterval(client),
      client.user.findMany({ where: { active: true }, select: { id: true, name: true } }),
    ]);
    const publisherIds = [...new Set(rows.map((r) => r.publishedById).filter((id): id is string => !!id))];
    const publishers = new Map(
      (await client.user.findMany({ where: { id: { in: publisherIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
    );
    return { rows, contacts, interval, users, publishers };
  });
  const summary = (r: (typeof rows)[number]): VersionSummary => ({
    id: r.id,
    versionNumber: r.versionNumber,
    status: r.status,
    title: r.title,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedById ? (publishers.get(r.publishedById) ?? null) : null,
    updatedAt: r.updatedAt,
    version: r.version,
  });

  const localeCodes = [...new Set([...LOCALES, ...rows.map((r) => r.locale)])];
  const locales = localeCodes.map((locale) => {
    const own = rows.filter((r) => r.locale === locale);
    const published = own.find((r) => r.status === "PUBLISHED");
    const draft = own.find((r) => r.status === "DRAFT");
    return {
      locale,
      published: published ? summary(published) : null,
      draft: draft ? summary(draft) : null,
      history: own.filter((r) => r.status !== "DRAFT").map(summary),
    };
  });

  const phonesByKey = new Map<string, Record<string, string>>();
  for (const r of rows.filter((row) => row.status === "PUBLISHED")) {
    for (const c of toPageData(r).contacts) {
      const phones = phonesByKey.get(c.key) ?? {};
      phones[r.locale] = c.phone;
      phonesByKey.set(c.key, phones);
    }
  }
  const names = new Map(contacts.map((c) => [c.key, c.name]));
  const phoneMismatches = [...phonesByKey.entries()]
    .filter(([, phones]) => new Set(Object.values(phones).map((p) => p.replace(/\D/g, ""))).size > 1)
    .map(([key, phones]) => ({ key, name: names.get(key) ?? key, phones }));

  const now = new Date();
  return {
    locales,
    contacts: contacts.map((c) => ({
      id: c.id,
      key: c.key,
      name: c.name,
      phone: c.phone,
      owner: c.owner?.name ?? null,
      ownerId: c.ownerId,
      lastVerifiedAt: c.lastVerifiedAt,
      reviewDueAt: c.lastVerifiedAt ? reviewDueAt(c.lastVerifiedAt, interval.months) : null,
      needsReview: needsReview(c.lastVerifiedAt, interval.months, now),
      reviewNote: c.reviewNote,
      version: c.version,
    })),
    reviewAfterMonths: interval.months,
    reviewSettingVersion: interval.version,
    possibleOwners: users.sort((a, b) => a.name.localeCompare(b.name, "sv")),
    phoneMismatches,
  };
}
