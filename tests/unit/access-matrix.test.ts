// The access matrix: every role × (own division / other division) × resource × action,
// asserted against an expectation written out here from PRODUCT.md — not derived from the
// permission table it checks.
import { describe, expect, it } from "vitest";
import { can } from "@/lib/access/can";
import { ACTIONS, RESOURCES, ROLES } from "@/lib/access/permissions";
import { EXPECTED, OBSERVER_FINAL, OTHER, OWN } from "@/tests/fixtures/access-expectations";

describe("access matrix (role × own/other division × resource × action)", () => {
  for (const role of ROLES) {
    const subject = { role, divisionIds: [OWN] };
    for (const resource of RESOURCES) {
      it(`${role} on ${resource}`, () => {
        const [own, other] = EXPECTED[role][resource] ?? [[], []];
        for (const action of ACTIONS) {
          const finalOnly = role === "OBSERVER" ? OBSERVER_FINAL[resource]?.includes(action) ?? false : false;
          for (const [division, allowed] of [[OWN, own], [OTHER, other]] as const) {
            const expected = allowed.includes(action) || finalOnly;
            expect(can(subject, action, resource, { divisionId: division, final: true }), `${action} ${division === OWN ? "own" : "other"} (finished)`).toBe(expected);
            const expectedUnfinished = allowed.includes(action);
            expect(can(subject, action, resource, { divisionId: division, final: false }), `${action} ${division === OWN ? "own" : "other"} (unfinished)`).toBe(expectedUnfinished);
          }
        }
      });
    }
  }

  it("never lets a division-bound role reach a record by a guessed id of another division", () => {
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER"] as const) {
      for (const resource of RESOURCES) {
        for (const action of ACTIONS) {
          const mayOwn = can({ role, divisionIds: [OWN] }, action, resource, { divisionId: OWN });
          const mayOther = can({ role, divisionIds: [OWN] }, action, resource, { divisionId: OTHER });
          // Only shared, division-less plan material (plans, events, partners, recommendations, meetings) is readable across divisions.
          if (mayOther) expect(["competencePlan", "trainingEvent", "partner", "recommendation", "networkMeeting"]).toContain(resource);
          if (mayOther) expect(mayOwn).toBe(true);
        }
      }
    }
  });

  it("refuses a viewer with no divisions every division-bound record", () => {
    for (const resource of ["situationEntry", "trainingNeed", "measure", "followUp", "contactLog"] as const) {
      for (const action of ACTIONS) {
        expect(can({ role: "DIVISION_HEAD", divisionIds: [] }, action, resource, { divisionId: OWN })).toBe(false);
      }
    }
  });
});
