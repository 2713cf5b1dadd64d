// The HTTP server of `npm start` (and of the browser tests): Next's own request handler behind
// two things only the server can do (docs/decisions/012-client-address-and-overload.md):
//   1. it alone sees the socket, so it hands the peer's address to the app in an internal
//      header (proxy.ts derives the client's address from it and TRUSTED_PROXIES);
//   2. admission: at most MAX_CONCURRENT_REQUESTS requests per process are inside the app at
//      once; the rest wait in a bounded queue and after REQUEST_QUEUE_TIMEOUT_MS get 503 with
//      Retry-After and a Swedish page, instead of piling onto the database pool until it
//      times out. A request that still fails because the database is overloaded (it marks
//      itself, see lib/server/unavailable.ts) answers 503 too, never 500.
// Plain JavaScript: it is started by `node`, without a TypeScript loader in front of Next.
import http from "node:http";
import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createPublicPageCache } from "./public-page-cache.mjs";

/** Must match lib/net/client-address.ts. */
export const PEER_ADDRESS_HEADER = "x-varna-peer-address";
/** Where lib/server/unavailable.ts finds the current request's state (same process). */
export const REQUEST_STATE = Symbol.for("varna.request-state");
export const RETRY_AFTER_SECONDS = 5;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Requests that never touch the database and so never wait for admission. */
const UNLIMITED = [/^\/_next\/static\//, /^\/_next\/image/, /^\/favicon\.ico$/, /^\/icon\.svg/, /^\/api\/health$/];

/** The Swedish "temporarily unavailable" page, from the message catalog (no React needed). */
export function unavailablePage() {
  const { errors } = JSON.parse(readFileSync(path.join(root, "lib/i18n/messages/sv/app.json"), "utf8"));
  const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return Buffer.from(
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escape(errors.unavailableTitle)} – Värna</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a">` +
      `<main id="main"><h1>${escape(errors.unavailableTitle)}</h1><p>${escape(errors.unavailableText)}</p>` +
      `<p><a href="">${escape(errors.retry)}</a></p></main></body></html>`,
  );
}

/** Answers 503 with Retry-After and the Swedish "temporarily unavailable" page. */
let page;
export function answerUnavailable(res, body = (page ??= unavailablePage())) {
  res.writeHead(503, {
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
    "Content-Length": body.length,
  });
  res.end(body);
}

/**
 * A counting semaphore with a bounded, time-limited queue. State is per process and safe to
 * lose: nothing but the requests in flight depends on it.
 */
export function createAdmission({ limit, queueMax, timeoutMs }) {
  let active = 0;
  const waiting = [];
  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(true);
    } else active--;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    release,
    /** Resolves true when admitted (call release() when done), false when refused. */
    acquire() {
      if (active < limit) {
        active++;
        return Promise.resolve(true);
      }
      if (waiting.length >= queueMax) return Promise.resolve(false);
      return new Promise((resolve) => {
        const entry = { resolve, timer: undefined };
        entry.timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          resolve(false);
        }, timeoutMs);
        waiting.push(entry);
      });
    },
  };
}

/** Where lib/server/db.ts counts SQL statements when VARNA_SQL_COUNTER is on (npm run bench). */
const SQL_COUNTER = Symbol.for("varna.sql-statements");
const SQL_COUNTER_PATH = "/__varna/sql-statements";
const countingSql = ["1", "true"].includes(process.env.VARNA_SQL_COUNTER ?? "");

const state = new AsyncLocalStorage();
globalThis[REQUEST_STATE] = state;

/**
 * The request listener around Next's handler: peer address, admission, and 503 for a request
 * the app marked unavailable.
 */
export function createListener(handle, admission, publicPages) {
  return async (req, res) => {
    // Whatever a client sent under this name is replaced: only the socket is believed.
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    const pathname = (req.url ?? "/").split("?")[0];
    // The public page from memory (scripts/public-page-cache.mjs); its own renders go to Next.
    if (publicPages && !publicPages.isRender(req)) {
      try {
        if (await publicPages.serve(req, res, pathname)) return;
      } catch (error) {
        // The database is unreachable or the render failed: Next answers as it would have.
        console.error(error);
      }
    }
    if (countingSql && pathname === SQL_COUNTER_PATH) {
      res.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": "no-store" });
      return res.end(String(globalThis[SQL_COUNTER] ?? 0));
    }
    const limited = admission && !UNLIMITED.some((re) => re.test(pathname));
    // A client that gives up while queued is not served when its turn comes.
    let closed = false;
    res.on("close", () => (closed = true));
    if (limited) {
      if (!(await admission.acquire())) return answerUnavailable(res);
      if (closed || res.destroyed) return admission.release();
    }

    const requestState = { unavailable: false };
    // Next decides the status before it writes; a render that failed because the database
    // was overloaded is answered here instead: 503, Retry-After and the Swedish page in place
    // of the 500 and its error page. Writes after that (Next's body) are dropped.
    let replacing = false;
    const { writeHead, write, end } = res;
    res.writeHead = function (status, ...rest) {
      if (!(status >= 500 && requestState.unavailable)) return writeHead.call(this, status, ...rest);
      replacing = true;
      for (const name of res.getHeaderNames()) if (/^(content-|etag$|vary$)/.test(name)) res.removeHeader(name);
      page ??= unavailablePage();
      return writeHead.call(this, 503, {
        "Content-Type": "text/html; charset=utf-8",
        "Retry-After": String(RETRY_AFTER_SECONDS),
        "Cache-Control": "no-store",
        "Content-Length": page.length,
      });
    };
    res.write = function (...args) {
      return replacing ? true : write.apply(this, args);
    };
    res.end = function (...args) {
      if (!replacing) return end.apply(this, args);
      return end.call(this, page);
    };
    try {
      await state.run(requestState, () => handle(req, res));
    } catch (error) {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    } finally {
      // Next's handler settles once the response is written (or the client is gone): the
      // slot is given back exactly once, whatever happened.
      if (limited) admission.release();
    }
  };
}

function numberFrom(name, fallback) {
  const value = process.env[name];
  return value && /^\d+$/.test(value) ? Number(value) : fallback;
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = numberFrom("PORT", 3000);
  const { default: next } = await import("next");
  const app = next({ dev, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  // lib/env.ts has validated these (scripts/start.ts parses the environment first).
  const admission = createAdmission({
    // As many as the pool has connections: a request mostly holds one at a time, and one
    // that waits too long for a second answers 503 (lib/server/unavailable.ts), not 500.
    limit: numberFrom("MAX_CONCURRENT_REQUESTS", numberFrom("DB_POOL_MAX", 10)),
    queueMax: numberFrom("REQUEST_QUEUE_MAX", 200),
    timeoutMs: numberFrom("REQUEST_QUEUE_TIMEOUT_MS", 10_000),
  });
  // The public page's cache reads the published versions through a small pool of its own.
  const pagesPool = process.env.DATABASE_URL
    ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, application_name: "varna-public-page" })
    : undefined;
  const publicPages = pagesPool && !dev ? createPublicPageCache({
          port,
          query: (sql) => {
            if (countingSql) globalThis[SQL_COUNTER] = (globalThis[SQL_COUNTER] ?? 0) + 1;
            return pagesPool.query(sql);
          },
        }) : undefined;
  const server = http.createServer(createListener(handle, admission, publicPages));
  // Idle keep-alive connections stay open longer than a reverse proxy's (nginx 75 s, cloud load
  // balancers 60 s) rather than Node's 5 s: a proxy or client that reuses a connection just as
  // the server closes it gets "socket hang up" instead of an answer. The header timeout must
  // exceed it.
  server.keepAliveTimeout = 76_000;
  server.headersTimeout = 77_000;
  server.listen(port, () => console.log(`Ready: http://localhost:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
