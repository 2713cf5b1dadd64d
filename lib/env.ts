// The one place environment variables are read. Parsed by zod at start-up so a wrong value
// stops the app with a clear message instead of failing later in a request.
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/net/client-address";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const intFrom = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const envSchema = z.object({
  /** PostgreSQL server. Without it, `npm start` serves an embedded PostgreSQL from .data/. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL måste vara en postgresql://-adress" })
    .optional(),
  /**
   * The owner of the tables, for migrations, seeding, `db:backup`/`db:restore` and other
   * scripts (never the app's requests). DATABASE_URL is then the login role the app runs as
   * (`varna_runtime`, README). Defaults to DATABASE_URL: one account for both, without the
   * second wall (`npm start` says so). Ignored by the embedded database, which has both itself.
   */
  DATABASE_OWNER_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_OWNER_URL måste vara en postgresql://-adress" })
    .optional(),
  PORT: intFrom(1, 65535, 3000),
  /** `development` seeds demo data and prints demo logins; `production` does neither. */
  VARNA_ENV: z.enum(["development", "production"]).default("development"),
  /** Where the embedded database and generated secrets are kept. */
  VARNA_DATA_DIR: z.string().min(1).default(".data"),
  /** Where `npm run audit:verify` keeps the audit chain's anchors (default: in VARNA_DATA_DIR).
   * Outside the database on purpose: copy it somewhere the database's administrators can't write. */
  VARNA_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  DB_POOL_MAX: intFrom(1, 100, 10),
  /** Counts the SQL statements the process sends, for `npm run bench` (scripts/server.mjs shows
   * the count on an internal path). Off in production. */
  VARNA_SQL_COUNTER: bool.default(false),
  /** How long a request may wait for a pooled connection. */
  DB_CONNECT_TIMEOUT_MS: intFrom(100, 120_000, 5_000),
  /** Longest a single SQL statement may run. */
  DB_STATEMENT_TIMEOUT_MS: intFrom(100, 600_000, 15_000),
  /** Requests inside the app at once per process; more wait (see below), then get 503. Default: DB_POOL_MAX. */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1000).optional(),
  /** Requests that may wait for admission at once; beyond that they get 503 straight away. */
  REQUEST_QUEUE_MAX: intFrom(0, 100_000, 200),
  /** Longest a request waits for admission before it gets 503 with Retry-After. */
  REQUEST_QUEUE_TIMEOUT_MS: intFrom(0, 120_000, 10_000),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses and CIDR
   * ranges. None by default: the client's address is the socket's.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES: ${(error as Error).message}` });
      }
    }),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET måste vara minst 32 tecken").optional(),
  NEXTAUTH_URL: z.url().optional(),
  /**
   * Single sign-on through an OpenID Connect provider (e.g. Microsoft Entra ID). All of
   * issuer, client id and secret, or none: then only local accounts sign in.
   */
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "OIDC_ISSUER måste vara en https://-adress" }).optional(),
  /** Defaults to `<issuer>/.well-known/openid-configuration`. */
  OIDC_WELL_KNOWN: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** What the sign-in button says, e.g. "Kommunens inloggning (Microsoft)". */
  OIDC_DISPLAY_NAME: z.string().min(1).max(80).default("Kommunens inloggning"),
  /**
   * Local (e-mail + password) sign-in when single sign-on is configured:
   * `breakglass` (default with OIDC) lets only BREAK_GLASS_EMAIL, a coordinator's account,
   * sign in locally; `off` nobody; `on` everyone. Without OIDC local sign-in is always on.
   */
  LOCAL_SIGN_IN: z.enum(["on", "breakglass", "off"]).optional(),
  /** The one coordinator account that may sign in locally when LOCAL_SIGN_IN=breakglass. */
  BREAK_GLASS_EMAIL: z.email().transform((v) => v.toLowerCase()).optional(),
  /**
   * Outgoing e-mail (notifications, reminders, meeting invitations) through this SMTP server,
   * e.g. `smtp://user:pass@smtp.kommun.example:587` or `smtps://…:465`. Without it, e-mails
   * are written to the log and kept in the outbox table (`EmailOutbox`), never lost.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL måste vara en smtp://- eller smtps://-adress" }).optional(),
  /** The sender of Värna's e-mails. */
  SMTP_FROM: z.string().min(3).max(200).default("Värna <varna@localhost>"),
  /** How often each app instance runs the reminder sweep, in seconds; 0 turns it off (then run
   * `npm run reminders:sweep` from cron). Two instances are safe: each reminder is sent once. */
  REMINDER_SWEEP_INTERVAL_SECONDS: intFrom(0, 86_400, 300),
  /** How often each app instance seals new audit events into the hash chain, in seconds; 0
   * turns it off (the log page and `npm run audit:verify` still seal). Instances take turns. */
  AUDIT_SEAL_INTERVAL_SECONDS: intFrom(0, 3_600, 2),
  /** Seed demo accounts and data on first start. Never with DATABASE_URL or NODE_ENV=production. */
  VARNA_DEMO_DATA: bool.optional(),
  /** Print the demo logins on start (development only). */
  VARNA_PRINT_DEMO_LOGINS: bool.optional(),
});

const OIDC_REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

export const configSchema = envSchema.superRefine((value, ctx) => {
  if (value.DATABASE_OWNER_URL && !value.DATABASE_URL) {
    ctx.addIssue({ code: "custom", path: ["DATABASE_OWNER_URL"], message: "DATABASE_OWNER_URL kräver DATABASE_URL (appens inloggningsroll, varna_runtime)" });
  }
  const set = OIDC_REQUIRED.filter((k) => value[k] !== undefined);
  if (set.length > 0 && set.length < OIDC_REQUIRED.length) {
    for (const key of OIDC_REQUIRED.filter((k) => value[k] === undefined)) {
      ctx.addIssue({ code: "custom", path: [key], message: `${key} saknas: inloggning via OIDC kräver ${OIDC_REQUIRED.join(", ")}` });
    }
  }
});

export type Env = z.infer<typeof envSchema>;

/** Where migrations, seed, backup and restore connect on a server: the owner of the tables. */
export function ownerDatabaseUrl(config: Pick<Env, "DATABASE_URL" | "DATABASE_OWNER_URL">): string | undefined {
  return config.DATABASE_OWNER_URL ?? config.DATABASE_URL;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Felaktig konfiguration (miljövariabler):\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
