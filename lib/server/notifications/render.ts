import "server-only";
import { createTranslator } from "use-intl/core";
import { MESSAGES } from "@/lib/i18n/messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { messageValues, type NotificationKind } from "@/lib/notifications/kinds";

// Notifications and e-mails are written in the reader's language from the same catalog the
// pages use, outside a request (the reminder sweep has none): a translator of its own.

const TIME_ZONE = "Europe/Stockholm";

function translator(locale: string) {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createTranslator({ locale: l, messages: MESSAGES[l], timeZone: TIME_ZONE, namespace: "notifications" });
}

export type RenderedNotification = { title: string; body: string };

/** A notification's title and body in `locale`; an unknown kind reads as its bare kind. */
export function renderNotification(locale: string, kind: string, params: unknown): RenderedNotification {
  const t = translator(locale);
  const values = messageValues(params);
  const title = `kinds.${kind}.title` as `kinds.${NotificationKind}.title`;
  const body = `kinds.${kind}.body` as `kinds.${NotificationKind}.body`;
  if (!t.has(title)) return { title: kind, body: "" };
  return { title: t(title, values as never), body: t(body, values as never) };
}

export type RenderedEmail = { subject: string; text: string };

/** The e-mail of a notification: greeting, the text, an absolute link into the app, a footer. */
export function renderNotificationEmail(
  recipient: { name: string; locale: string },
  notification: { kind: string; params: unknown; link?: string | null },
  appUrl: string,
): RenderedEmail {
  const t = translator(recipient.locale);
  const { title, body } = renderNotification(recipient.locale, notification.kind, notification.params);
  const lines = [t("email.greeting", { name: recipient.name }), "", body];
  if (notification.link) lines.push("", t("email.link", { url: new URL(notification.link, appUrl).toString() }));
  lines.push("", "—", t("email.footer"));
  return { subject: `Värna: ${title}`, text: lines.join("\n") };
}
