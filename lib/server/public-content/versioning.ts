import "server-only";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { DEFAULT_REVIEW_AFTER_MONTHS, REVIEW_SETTING_KEY } from "@/lib/markup/freshness";
import type { DbTx } from "@/lib/server/db";
import type { Viewer } from "@/lib/access/viewer";
import type { PublicContactView } from "./page-data";

// Helpers the editor's use cases share inside their transactions.

/**
 * Serialises changes to one language's versions (drafts, publishing, rollback): two
 * coordinators saving at once would otherwise both pick the same next version number or
 * leave two drafts.
 */
export async function lockLocale(tx: DbTx, locale: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`public-content:${locale}`}))`;
}

export async function nextVersionNumber(tx: DbTx, locale: string): Promise<number> {
  const max = await tx.publicContent.aggregate({ where: { locale }, _max: { versionNumber: true } });
  return (max._max.versionNumber ?? 0) + 1;
}

/**
 * Keeps the contact register (owner, last verified) in step with what is published: a new
 * contact gets the publisher as owner; the Swedish version's facts are the register's.
 * Verification is left alone on purpose — only "mark verified" by a person says a number works.
 */
export async function syncContactRegister(tx: DbTx, viewer: Viewer, locale: string, contacts: PublicContactView[]) {
  for (const [index, c] of contacts.entries()) {
    const facts = {
      name: c.name,
      phone: c.phone || null,
      hours: c.hours || null,
      url: c.url || null,
      description: c.description,
      sortOrder: index + 1,
    };
    const existing = await tx.publicContact.findUnique({ where: { key: c.key }, select: { id: true } });
    if (!existing) {
      await tx.publicContact.create({ data: { key: c.key, ownerId: viewer.id, ...facts } });
    } else if (locale === DEFAULT_LOCALE) {
      await tx.publicContact.update({ where: { id: existing.id }, data: { ...facts, version: { increment: 1 } } });
    }
  }
}

export type ReviewInterval = { months: number; version: number };

export async function readReviewInterval(tx: Pick<DbTx, "setting">): Promise<ReviewInterval> {
  const row = await tx.setting.findUnique({ where: { key: REVIEW_SETTING_KEY }, select: { value: true, version: true } });
  const months = typeof row?.value === "number" && Number.isInteger(row.value) && row.value > 0 ? row.value : DEFAULT_REVIEW_AFTER_MONTHS;
  return { months, version: row?.version ?? 0 };
}
