// The public support page (/stod, /en/stod) served from memory in front of Next's handler
// (docs/decisions/022-speed.md). The page is the same for every visitor and changes only with a
// publication or rollback, so it is rendered once per published version and kept as bytes:
//   - rendering: a loopback request to this very server, marked with a per-process token, goes
//     through Next as before (proxy.ts, the page, its data cache); the HTML is stripped of
//     every script (the page needs none: plain links only), so its CSP is `script-src 'none'`
//     with no per-request nonce;
//   - freshness on every instance at once: before answering, the published versions are read
//     from PostgreSQL (one indexed query: id and moment written per language). Concurrent
//     requests share one read, but a request never trusts a read that started before it arrived
//     (a publication committed in between would be missed): it waits for the next one. So an
//     instance serves a publication made on another as soon as it is committed, with about
//     one query per batch of concurrent requests instead of a render per request.
//     PostgreSQL LISTEN/NOTIFY was the first idea, but the embedded PGlite multiplexes every
//     socket connection onto one backend session, so a notification reaches the connection
//     that committed, not the listener; the shared read works on both alike.
//   - HTTP caching: a strong ETag (sha256 of the bytes), 304 on If-None-Match, and
//     `Cache-Control: public` with a short s-maxage and stale-while-revalidate for a CDN.
// Plain JavaScript: loaded by scripts/server.mjs under `node`.
import http from "node:http";
import { createHash, randomBytes } from "node:crypto";

export const PUBLIC_PAGES = { "/stod": "sv", "/en/stod": "en" };
export const RENDER_HEADER = "x-varna-public-render";

/** A CDN may keep the page a minute and serve it stale for five while it fetches the new one. */
export const CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/** No script at all, no nonce: the page is text, links and the stylesheet. */
export function publicCsp(https) {
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Removes scripts and script preloads; escaped text (`&lt;script&gt;`) is never touched. */
export function stripScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, "")
    .replace(/\snonce="[^"]*"/g, "");
}

/** Headers of the rendered response kept on the cached copy (security headers, type). */
const KEPT = ["content-type", "x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "permissions-policy", "strict-transport-security", "content-language"];

/**
 * @param {{ port: number, query: (sql: string) => Promise<{ rows: any[] }> }} options
 * `query` reads the published versions (a pg pool's query).
 */
export function createPublicPageCache({ port, query }) {
  const token = randomBytes(24).toString("base64url");
  /** locale → { version, body, etag, headers } */
  const pages = new Map();
  /** locale → in-flight render */
  const rendering = new Map();

  // The shared read of the published versions (see the top of the file): at most one read in
  // flight and one queued; a request arriving during a read waits for the queued one.
  let inFlight = null;
  let queued = null;
  const readVersions = async () => {
    // A SECURITY DEFINER function: the app's connection (varna_runtime) reads no table itself.
    const { rows } = await query(`SELECT locale, version FROM varna_published_versions()`);
    return new Map(rows.map((r) => [r.locale, r.version]));
  };
  const start = () => {
    const promise = readVersions();
    inFlight = promise;
    const settled = () => {
      if (inFlight !== promise) return;
      inFlight = null;
      if (queued) {
        const waiting = queued;
        queued = null;
        waiting.run();
      }
    };
    promise.then(settled, settled);
    return promise;
  };
  /** The published versions, read by a query that started after this call. */
  const freshVersions = () => {
    if (!inFlight) return start();
    if (!queued) {
      let run;
      const promise = new Promise((resolve, reject) => (run = () => start().then(resolve, reject)));
      queued = { promise, run };
    }
    return queued.promise;
  };

  const render = (path, locale, version, hostHeader) => {
    const key = `${locale}:${version}`;
    if (rendering.has(key)) return rendering.get(key);
    const promise = new Promise((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, path, method: "GET", headers: { host: hostHeader ?? `localhost:${port}`, [RENDER_HEADER]: token, "accept-encoding": "identity" } },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            if (res.statusCode !== 200) return reject(new Error(`public page render answered ${res.statusCode}`));
            const body = Buffer.from(stripScripts(Buffer.concat(chunks).toString("utf8")), "utf8");
            const headers = {};
            for (const name of KEPT) if (res.headers[name]) headers[name] = res.headers[name];
            const etag = `"${createHash("sha256").update(body).digest("base64url")}"`;
            resolve({ version, body, etag, headers });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    }).finally(() => rendering.delete(key));
    rendering.set(key, promise);
    return promise;
  };

  return {
    /** Whether this request is the cache's own render (to be passed to Next untouched). */
    isRender(req) {
      return req.headers[RENDER_HEADER] === token;
    },
    /** Answers a GET/HEAD of a public page from memory; false when the request is not one. */
    async serve(req, res, pathname) {
      const locale = PUBLIC_PAGES[pathname];
      if (!locale || (req.method !== "GET" && req.method !== "HEAD")) return false;
      const versions = await freshVersions();
      const version = versions.get(locale);
      // Nothing published: Next answers (its not-found page), uncached.
      if (!version) return false;
      let page = pages.get(locale);
      if (!page || page.version !== version) {
        page = await render(pathname, locale, version, req.headers.host);
        pages.set(locale, page);
      }
      const https = req.headers["x-forwarded-proto"] === "https" || (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
      const headers = {
        ...page.headers,
        "Content-Security-Policy": publicCsp(https),
        "Cache-Control": CACHE_CONTROL,
        ETag: page.etag,
        Vary: "Accept-Encoding",
      };
      const match = (req.headers["if-none-match"] ?? "").split(",").map((s) => s.trim());
      if (match.includes(page.etag) || match.includes("*")) {
        res.writeHead(304, headers);
        res.end();
        return true;
      }
      res.writeHead(200, { ...headers, "Content-Length": page.body.length });
      res.end(req.method === "HEAD" ? undefined : page.body);
      return true;
    },
  };
}
