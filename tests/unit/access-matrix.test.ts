// The access matrix: every role × (own division / other division) × resource × action,
// asserted against an expectation written out here from PRODUCT.md — not derived from the
// permission table it checks.
import { describe, expect, it } from "vitest";
import { can } from "@/lib/access/can";
import { ACTIONS, RESOURCES, ROLES, type Action, type Resource, type Role } from "@/lib/access/permissions";

const OWN = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const ALL: Action[] = [...ACTIONS];
const R: Action[] = ["list", "read"];
const RX: Action[] = ["list", "read", "export"];
const CRU: Action[] = ["list", "read", "create", "update"];

/** role → resource → [actions on own division's records, actions on other divisions' records] */
type Expectation = Partial<Record<Resource, [Action[], Action[]]>>;
const both = (a: Action[]): [Action[], Action[]] => [a, a];
const ownOnly = (a: Action[]): [Action[], Action[]] => [a, []];

const EXPECTED: Record<Role, Expectation> = {
  // The coordinator runs the whole plan: everything, everywhere.
  COORDINATOR: Object.fromEntries(RESOURCES.map((r) => [r, both(r === "aggregates" || r === "auditEvent" ? RX : ALL)])),
  // Division heads: their own division's training needs, measures, follow-ups, contact log;
  // read their own situation entries and action items; shared plan material readable.
  DIVISION_HEAD: {
    situationEntry: ownOnly(R),
    contactLog: ownOnly([...CRU, "delete"]),
    actionItem: ownOnly(R),
    trainingNeed: ownOnly(ALL),
    measure: ownOnly(ALL),
    followUp: ownOnly(["list", "read", "update", "export"]),
    aggregates: ownOnly(R),
    competencePlan: both(R),
    trainingEvent: both(R),
    partner: both(R),
    recommendation: both(R),
  },
  // Network members: keep their own division's situation entries current, work on their
  // action items, see the network's meetings.
  NETWORK_MEMBER: {
    situationEntry: ownOnly([...CRU, "delete"]),
    contactLog: ownOnly(CRU),
    actionItem: ownOnly(["list", "read", "update"]),
    trainingNeed: ownOnly(R),
    measure: ownOnly(R),
    aggregates: ownOnly(R),
    networkMeeting: both(R),
    competencePlan: both(R),
    trainingEvent: both(R),
    partner: both(R),
    recommendation: both(R),
  },
  // Observers: aggregates and finished reports only; never a single situation entry.
  OBSERVER: {
    aggregates: both(RX),
    recommendation: both(R),
  },
  // IT administration: accounts and organisation, never the plan's content.
  ADMIN: {
    user: both(ALL),
    organisation: both(ALL),
  },
};

// Finished records an observer may read regardless of division.
const OBSERVER_FINAL: Partial<Record<Resource, Action[]>> = {
  situationReport: RX,
  competencePlan: R,
  followUp: R,
};

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
