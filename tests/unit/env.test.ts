import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives a laptop install working defaults with no configuration", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, VARNA_ENV: "development", VARNA_DATA_DIR: ".data", DB_POOL_MAX: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("refuses wrong values with a Swedish message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL: DATABASE_URL måste vara en postgresql/);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/Felaktig konfiguration[\s\S]*PORT/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "kort" })).toThrow(/minst 32 tecken/);
  });
});
