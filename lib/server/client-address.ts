import "server-only";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * The client's address for the sign-in throttle and the audit trail, as proxy.ts derived it
 * (socket, or X-Forwarded-For from TRUSTED_PROXIES only); null outside a request.
 */
export function clientAddressFrom(headers: HeaderSource): string | null {
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value ? value.slice(0, 64) : null;
}
