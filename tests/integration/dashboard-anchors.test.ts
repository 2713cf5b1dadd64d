// The dashboards' bare-SQL anchors (scripts/bench/dashboard-anchors.ts) run as written, as the
// app role with row-level security, and count what the use case counts.
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { dashboardAnchors } from "@/scripts/bench/dashboard-anchors";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { createDivision, createMeasure, createUser } from "@/prisma/factories";

describe("dashboard anchors for the benchmark", () => {
  it("run for every role, and the measures statement agrees with the use case", async () => {
    const division = (await createDivision(ownerDb())).id;
    const userId = (await createUser(ownerDb(), { role: "COORDINATOR" })).id;
    await createMeasure(ownerDb(), { ownerDivisionId: division, level: "SPECIFIC", status: "PAUSED" });
    const anchors = dashboardAnchors({ today: "2031-06-15", divisionIds: [division], userId });
    expect(anchors.map((a) => a.role)).toEqual(["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"]);
    for (const anchor of anchors) {
      const results = await ownerDb().$transaction(async (tx) => {
        const out: unknown[] = [];
        for (const s of anchor.statements) {
          out.push(s.text.startsWith("SET") ? await tx.$executeRawUnsafe(s.text, ...s.values) : await tx.$queryRawUnsafe(s.text, ...s.values));
        }
        return out;
      });
      expect(results).toHaveLength(anchor.statements.length);
      if (anchor.role === "DIVISION_HEAD") {
        const measures = results[results.length - 1] as { level: string; status: string; count: number }[];
        const d = await getDashboard({ id: userId, role: "DIVISION_HEAD", divisionIds: [division], name: "T", email: "t@test.example" }, new Date("2031-06-15T00:00:00Z"));
        expect(measures).toEqual([{ level: "SPECIFIC", status: "PAUSED", count: 1 }]);
        expect(d.measures!.cells[1]![2]).toBe(1);
      }
    }
  });
});
