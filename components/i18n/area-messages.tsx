import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientArea } from "@/lib/i18n/client-messages";

/**
 * An area's layout wraps its pages in this: the browser gets the global namespaces plus the
 * area's own (lib/i18n/client-messages.ts), not the whole catalog on every page.
 */
export async function AreaMessages({ area, children }: { area: ClientArea; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={clientMessages(messages, area)}>{children}</NextIntlClientProvider>;
}
