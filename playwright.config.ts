import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// A stand-in OpenID Connect provider, so single sign-on is tested end to end offline.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 7);
const OIDC = { OIDC_CLIENT_ID: "varna-e2e", OIDC_CLIENT_SECRET: "e2e-hemlighet" };
// Playwright's own browser download is not possible on closed networks: scripts/e2e/browser.mjs
// finds Debian's Chromium, installs it, or falls back to one shipped in an npm package. It is
// resolved once; the workers inherit the answer through the environment.
type Browser = { source: string; executablePath: string; args: string[]; env: Record<string, string> };
process.env.VARNA_E2E_BROWSER ??= execFileSync(process.execPath, ["scripts/e2e/browser.mjs", "--json"], {
  stdio: ["ignore", "pipe", "inherit"],
  encoding: "utf8",
});
const browser = JSON.parse(process.env.VARNA_E2E_BROWSER) as Browser;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 60_000,
  // How long an expectation waits for the server's answer to show (a Server Action, a refresh):
  // on a loaded 2-core CI machine a few seconds more than the default 5; never a speed claim.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: browser.executablePath,
      args: browser.args,
      // The npm package's Chromium needs its own libraries and fonts found through the environment.
      env: Object.keys(browser.env).length ? { ...process.env, ...browser.env } as Record<string, string> : undefined,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node tests/e2e/fake-oidc-provider.mjs",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: { OIDC_FAKE_PORT: String(OIDC_PORT), ...OIDC },
    },
    {
      // A fresh embedded database with demo data, built and served as `npm start` does.
      command: "node tests/e2e/server.mjs",
      url: `http://localhost:${PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        VARNA_DATA_DIR: ".data/e2e",
        VARNA_ENV: "development",
        OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
        OIDC_DISPLAY_NAME: "Testkommunens inloggning",
        // The tests sign in with the demo accounts' local passwords although SSO is configured.
        LOCAL_SIGN_IN: "on",
        // The reminder sweep would add notifications in the middle of the tests that count them;
        // it has its own integration test (tests/integration/reminders-email.test.ts).
        REMINDER_SWEEP_INTERVAL_SECONDS: "0",
        ...OIDC,
      },
    },
  ],
});
