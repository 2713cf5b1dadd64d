import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { parseEnv } from "@/lib/env";
import {
  CLIENT_ADDRESS_HEADER,
  PEER_ADDRESS_HEADER,
  deriveClientAddress,
  parseTrustedProxies,
} from "@/lib/net/client-address";

const none = parseTrustedProxies(undefined);
const proxyAt = parseTrustedProxies("10.0.0.5");
const derive = (peer: string | null, forwardedFor: string | null, trusted = none) =>
  deriveClientAddress({ peer, forwardedFor, trusted });

describe("the client's address", () => {
  it("without a trusted proxy is the socket's, whatever X-Forwarded-For says", () => {
    expect(derive("198.51.100.7", null)).toBe("198.51.100.7");
    expect(derive("198.51.100.7", "203.0.113.66")).toBe("198.51.100.7");
    expect(derive("198.51.100.7", "203.0.113.66, 10.0.0.5")).toBe("198.51.100.7");
    expect(derive("::ffff:127.0.0.1", "203.0.113.66")).toBe("127.0.0.1");
    expect(derive(null, "203.0.113.66")).toBeNull();
  });

  it("from a trusted proxy is the address that proxy appended", () => {
    expect(derive("10.0.0.5", "198.51.100.7", proxyAt)).toBe("198.51.100.7");
    // A client that is not the configured proxy gains nothing by sending the header.
    expect(derive("10.0.0.6", "198.51.100.7", proxyAt)).toBe("10.0.0.6");
  });

  it("through a trusted proxy never believes what the client wrote to the left", () => {
    // The client sent "X-Forwarded-For: 203.0.113.66"; the proxy appended the real address.
    expect(derive("10.0.0.5", "203.0.113.66, 198.51.100.7", proxyAt)).toBe("198.51.100.7");
    // Two trusted hops (a CIDR range and an IPv6 proxy): walk past both from the right.
    const chain = parseTrustedProxies("10.1.0.0/16, fd00::1");
    expect(derive("fd00::1", "203.0.113.66, 198.51.100.7, 10.1.2.3", chain)).toBe("198.51.100.7");
    // Garbage where an address should be: stop at what the last trusted hop saw.
    expect(derive("10.0.0.5", "<script>, 10.0.0.5", parseTrustedProxies("10.0.0.5"))).toBe("10.0.0.5");
    // Only trusted hops: the left-most one is the client (e.g. an internal caller).
    expect(derive("10.0.0.5", "10.0.0.5", proxyAt)).toBe("10.0.0.5");
  });

  it("TRUSTED_PROXIES takes addresses and CIDR ranges and stops the start on anything else", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16, fd00::/8" }).TRUSTED_PROXIES).toBeDefined();
    expect(() => parseEnv({ TRUSTED_PROXIES: "proxy.internal" })).toThrow(/TRUSTED_PROXIES.*proxy\.internal/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("proxy.ts hands the app the derived address", () => {
  const forwarded = async (headers: Record<string, string>) => {
    const res = await proxy(new NextRequest("http://varna.test/login", { headers: { host: "varna.test", ...headers } }));
    return res.headers.get(`x-middleware-request-${CLIENT_ADDRESS_HEADER}`);
  };

  it("from the socket, not from a spoofed X-Forwarded-For or a spoofed copy of its own header", async () => {
    expect(await forwarded({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.66" })).toBe("198.51.100.7");
    expect(await forwarded({ [CLIENT_ADDRESS_HEADER]: "203.0.113.66" })).toBeNull();
  });
});
