import "server-only";
import { recordSignInFailed } from "./sessions";
import { clientAddressFrom } from "@/lib/server/client-address";
import { signInBlockedFor } from "./throttle";

/**
 * Checks a credentials sign-in request against the throttle before next-auth sees it.
 * Reads a copy of the body, so next-auth still gets the original.
 */
export async function refuseThrottledSignIn(request: Request): Promise<{ retryAfterSeconds: number } | null> {
  const form = await request.clone().formData().catch(() => null);
  const email = form?.get("email");
  const normalised = typeof email === "string" ? email.trim().toLowerCase() : "";
  const ip = clientAddressFrom(request.headers);
  const wait = await signInBlockedFor({ email: normalised, ip });
  if (wait === null) return null;
  await recordSignInFailed(normalised, "credentials", "throttled", null, ip);
  return { retryAfterSeconds: wait };
}
