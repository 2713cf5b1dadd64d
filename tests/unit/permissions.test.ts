import { describe, expect, it } from "vitest";
import { ACTIONS, RESOURCES, ROLES, may, readsFiguresOnly, scopeFor } from "@/lib/access/permissions";
import { NAV_ITEMS, mayOpen, navigationFor } from "@/lib/access/navigation";

describe("the role → permission table", () => {
  it("keeps the IT administrator out of the situation picture and all plan content", () => {
    for (const resource of ["situationEntry", "situationReport", "contactLog", "aggregates", "trainingNeed", "measure"] as const) {
      for (const action of ACTIONS) expect(may("ADMIN", resource, action)).toBe(false);
    }
    expect(may("ADMIN", "user", "update")).toBe(true);
  });

  it("never lets an observer see a single situation entry, only finished reports and aggregates", () => {
    for (const action of ACTIONS) expect(may("OBSERVER", "situationEntry", action)).toBe(false);
    expect(scopeFor("OBSERVER", "situationReport", "read")).toBe("final");
    expect(may("OBSERVER", "situationReport", "update")).toBe(false);
    expect(scopeFor("OBSERVER", "aggregates", "read")).toBe("all");
  });

  it("limits division heads and network members to their own divisions for division records", () => {
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER"] as const) {
      for (const resource of ["situationEntry", "trainingNeed", "measure", "contactLog", "actionItem"] as const) {
        for (const action of ACTIONS) expect([null, "own"]).toContain(scopeFor(role, resource, action));
      }
    }
  });

  it("gives only the coordinator rights over every resource", () => {
    for (const resource of RESOURCES) expect(may("COORDINATOR", resource, "read")).toBe(true);
    for (const role of ROLES.filter((r) => r !== "COORDINATOR")) {
      expect(RESOURCES.every((resource) => may(role, resource, "read"))).toBe(false);
    }
  });
});

describe("navigation", () => {
  it("shows each role only what it may list, starting with the overview where it has one", () => {
    expect(navigationFor("COORDINATOR").map((i) => i.href)).toContain("/admin/logg");
    expect(navigationFor("ADMIN").map((i) => i.href)).toEqual(["/admin/anvandare", "/admin/organisation"]);
    expect(navigationFor("OBSERVER").map((i) => i.href)).not.toContain("/lagesbild");
    expect(navigationFor("DIVISION_HEAD")[0]?.href).toBe("/oversikt");
    expect(navigationFor("NETWORK_MEMBER").map((i) => i.href)).toContain("/natverk");
  });

  it("gives an observer follow-ups and measures as figures only: the follow-up page as counts, no row", () => {
    for (const action of ACTIONS) expect(may("OBSERVER", "followUp", action), action).toBe(false);
    expect(readsFiguresOnly("OBSERVER", "followUp")).toBe(true);
    expect(readsFiguresOnly("OBSERVER", "measure")).toBe(true);
    // Who lists follow-ups gets them as records; division-bound roles read only their own figures.
    for (const role of ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "ADMIN"] as const) expect(readsFiguresOnly(role, "followUp"), role).toBe(false);
    const followUps = NAV_ITEMS.find((i) => i.href === "/uppfoljning")!;
    expect(ROLES.filter((r) => mayOpen(r, followUps))).toEqual(["COORDINATOR", "DIVISION_HEAD", "OBSERVER"]);
    expect(navigationFor("OBSERVER").map((i) => i.href)).toContain("/uppfoljning");
  });
});
