import { describe, expect, it } from "vitest";
import { ownerDatabaseUrl, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives a laptop install working defaults with no configuration", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, VARNA_ENV: "development", VARNA_DATA_DIR: ".data", DB_POOL_MAX: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("takes the owner's URL apart from the app's, defaulting to it, and never alone", () => {
    const app = "postgresql://varna_runtime@db.kommun.example/varna";
    const owner = "postgresql://varna_owner@db.kommun.example/varna";
    expect(ownerDatabaseUrl(parseEnv({ DATABASE_URL: app, DATABASE_OWNER_URL: owner }))).toBe(owner);
    expect(ownerDatabaseUrl(parseEnv({ DATABASE_URL: app }))).toBe(app);
    expect(ownerDatabaseUrl(parseEnv({}))).toBeUndefined();
    expect(() => parseEnv({ DATABASE_OWNER_URL: owner })).toThrow(/DATABASE_OWNER_URL kräver DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: app, DATABASE_OWNER_URL: "mysql://x/y" })).toThrow(/DATABASE_OWNER_URL måste vara en postgresql/);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("refuses wrong values with a Swedish message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL: DATABASE_URL måste vara en postgresql/);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/Felaktig konfiguration[\s\S]*PORT/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "kort" })).toThrow(/minst 32 tecken/);
  });

  it("takes an SMTP server as smtp:// or smtps:// only, and the sweep interval within bounds", () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(parseEnv({}).REMINDER_SWEEP_INTERVAL_SECONDS).toBe(300);
    expect(parseEnv({ SMTP_URL: "smtps://u:p@smtp.kommun.example:465" }).SMTP_URL).toBe("smtps://u:p@smtp.kommun.example:465");
    expect(() => parseEnv({ SMTP_URL: "http://smtp.kommun.example" })).toThrow(/SMTP_URL måste vara en smtp:\/\//);
    expect(parseEnv({ REMINDER_SWEEP_INTERVAL_SECONDS: "0" }).REMINDER_SWEEP_INTERVAL_SECONDS).toBe(0);
    expect(() => parseEnv({ REMINDER_SWEEP_INTERVAL_SECONDS: "-5" })).toThrow(/REMINDER_SWEEP_INTERVAL_SECONDS/);
  });

  it("seals the audit trail every 2 s by default; 0 turns the interval off", () => {
    expect(parseEnv({}).AUDIT_SEAL_INTERVAL_SECONDS).toBe(2);
    expect(parseEnv({ AUDIT_SEAL_INTERVAL_SECONDS: "0" }).AUDIT_SEAL_INTERVAL_SECONDS).toBe(0);
    expect(() => parseEnv({ AUDIT_SEAL_INTERVAL_SECONDS: "1.5" })).toThrow(/AUDIT_SEAL_INTERVAL_SECONDS/);
  });
});
