import "server-only";
import { env } from "@/lib/env";

/** The app's public address, for links in e-mails (which leave the app, so they are absolute). */
export function appUrl(): string {
  const config = env();
  return config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
}
