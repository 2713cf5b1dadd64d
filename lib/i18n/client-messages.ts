// What the browser needs of the catalogs: only the texts client components render
// themselves (forms, their errors, the error page). Everything else is rendered on the
// server, so sending it would only make every page heavier.
import type { AbstractIntlMessages } from "next-intl";

const CLIENT_NAMESPACES = ["auth", "errors", "validation", "actionErrors", "roles", "users", "password"] as const;
const CLIENT_PUBLIC_PARTS = ["editor", "validation", "errors"] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const ns of CLIENT_NAMESPACES) if (messages[ns] !== undefined) picked[ns] = messages[ns];
  const publicMessages = messages.public;
  if (publicMessages && typeof publicMessages === "object") {
    picked.public = Object.fromEntries(
      CLIENT_PUBLIC_PARTS.filter((p) => p in publicMessages).map((p) => [p, publicMessages[p]!]),
    );
  }
  return picked;
}
