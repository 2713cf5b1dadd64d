// Who is on the other end of a request: the one place the client's address is derived.
// proxy.ts runs this for every request and hands the result to the app in an internal header
// (lib/server/client-address.ts reads it); the socket's address comes from the HTTP server
// (scripts/server.mjs), the only code that sees the socket. No `server-only`: proxy.ts imports it.
import { BlockList, isIP } from "node:net";

/** Set by scripts/server.mjs from the socket; any copy a client sends is overwritten there. */
export const PEER_ADDRESS_HEADER = "x-varna-peer-address";
/** Set by proxy.ts for the app; any copy a client sends is removed there. */
export const CLIENT_ADDRESS_HEADER = "x-varna-client-address";

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is `127.0.0.1`. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

export type TrustedProxies = { list: BlockList; entries: string[] };

/**
 * `TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges (`10.0.0.5, 10.1.0.0/16,
 * fd00::/8`). Throws on an entry that is neither, so a typo stops the start.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split("/");
    const ip = address ? normaliseAddress(address) : null;
    const family = ip ? (isIP(ip) === 6 ? "ipv6" : "ipv4") : null;
    const prefix = bits === undefined ? null : Number(bits);
    const maxPrefix = family === "ipv6" ? 128 : 32;
    if (!ip || !family || rest.length || (prefix !== null && (!/^\d+$/.test(bits!) || prefix > maxPrefix))) {
      throw new Error(`"${entry}" är varken en IP-adress eller ett CIDR-intervall`);
    }
    if (prefix === null) list.addAddress(ip, family);
    else list.addSubnet(ip, prefix, family);
  }
  return { list, entries };
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  return trusted.entries.length > 0 && trusted.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then
 * X-Forwarded-For is walked from the right (each proxy appends the address it saw) past
 * trusted hops, and the first untrusted one is the client. Entries left of it were written
 * by the client itself and are never believed. Null when the peer is unknown.
 */
export function deriveClientAddress(input: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: TrustedProxies;
}): string | null {
  let address = input.peer ? normaliseAddress(input.peer) : null;
  if (!address || !isTrusted(address, input.trusted)) return address;
  const hops = (input.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]!);
    if (!hop) return address; // garbage: what the last trusted hop saw is all we know
    address = hop;
    if (!isTrusted(hop, input.trusted)) return hop;
  }
  return address;
}
