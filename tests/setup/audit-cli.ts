// `npm run audit:verify` as a child process, against the test file's database.
import { execFile } from "node:child_process";

/** Asynchronous on purpose: the embedded test database is served from this very process. */
export function auditVerifyCli(anchorFile: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/audit/verify.ts"],
      { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, VARNA_AUDIT_ANCHOR_FILE: anchorFile } },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
