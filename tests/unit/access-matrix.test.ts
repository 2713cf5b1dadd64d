// The access matrix: every role × (own division / other division) × resource × action,
// asserted against an expectation written out from PRODUCT.md — not derived from the
// permission table it checks. A cell allowed on other divisions' records means scope `all`,
// allowed on the own division's only means `own`, an observer's finished records `final`.
// The same expectation is asserted on real rows in tests/integration/access-layer-matrix.
import { describe, expect, it } from "vitest";
import { ACTIONS, RESOURCES, ROLES, scopeFor, type Scope } from "@/lib/access/permissions";
import { EXPECTED, OBSERVER_FINAL } from "@/tests/fixtures/access-expectations";

describe("access matrix (role × own/other division × resource × action)", () => {
  for (const role of ROLES) {
    for (const resource of RESOURCES) {
      it(`${role} on ${resource}`, () => {
        const [own, other] = EXPECTED[role][resource] ?? [[], []];
        for (const action of ACTIONS) {
          const finalOnly = role === "OBSERVER" && (OBSERVER_FINAL[resource]?.includes(action) ?? false);
          const expected: Scope | null = other.includes(action)
            ? "all"
            : own.includes(action)
              ? "own"
              : finalOnly
                ? "final"
                : null;
          // Never granted on other divisions' records without the own division's.
          if (other.includes(action)) expect(own, `${action}: own ⊇ other`).toContain(action);
          expect(scopeFor(role, resource, action), action).toBe(expected);
        }
      });
    }
  }

  it("never lets a division-bound role reach another division's record, except shared plan material", () => {
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER"] as const) {
      for (const resource of RESOURCES) {
        for (const action of ACTIONS) {
          // Only shared, division-less plan material (plans, events, partners, recommendations, meetings) is readable across divisions.
          if (scopeFor(role, resource, action) === "all") {
            expect(["competencePlan", "trainingEvent", "partner", "recommendation", "networkMeeting"]).toContain(resource);
          }
        }
      }
    }
  });
});
