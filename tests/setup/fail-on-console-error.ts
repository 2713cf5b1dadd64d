import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

// An error logged during a test is a bug the assertions did not catch.
let spy: MockInstance<typeof console.error> | undefined;
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  spy?.mockRestore();
  if (errors.length) throw new Error(`console.error was called:\n${errors.map((a) => a.join(" ")).join("\n")}`);
});
