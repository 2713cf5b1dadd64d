import { describe, expect, it } from "vitest";
import { isOverdue } from "@/lib/network/overdue";
import { fromStockholmLocal, parseDateOnly, stockholmToday, stockholmWallClock, toStockholmLocal } from "@/lib/network/stockholm-time";
import { decisionLines, planMeetingSchema, recordMeetingSchema, createActionItemSchema } from "@/lib/schemas/network";

const day = (v: string) => parseDateOnly(v)!;

describe("the overdue rule", () => {
  it("is past due and neither done nor cancelled; due today is not overdue", () => {
    const today = day("2026-03-10");
    expect(isOverdue({ dueDate: day("2026-03-09"), status: "OPEN" }, today)).toBe(true);
    expect(isOverdue({ dueDate: day("2026-03-09"), status: "IN_PROGRESS" }, today)).toBe(true);
    expect(isOverdue({ dueDate: day("2026-03-09"), status: "DONE" }, today)).toBe(false);
    expect(isOverdue({ dueDate: day("2026-03-09"), status: "CANCELLED" }, today)).toBe(false);
    expect(isOverdue({ dueDate: day("2026-03-10"), status: "OPEN" }, today)).toBe(false);
  });
});

describe("Stockholm time", () => {
  it("reads a wall-clock time in winter (UTC+1) and summer (UTC+2) and writes it back", () => {
    expect(fromStockholmLocal("2026-12-01T09:00")!.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(fromStockholmLocal("2026-06-15T09:00")!.toISOString()).toBe("2026-06-15T07:00:00.000Z");
    expect(toStockholmLocal(new Date("2026-06-15T07:00:00Z"))).toBe("2026-06-15T09:00");
    expect(stockholmWallClock(new Date("2026-12-01T08:00:00Z")).toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });

  it("refuses impossible times and takes the hour after one the spring change skips", () => {
    expect(fromStockholmLocal("2026-02-30T09:00")).toBeNull();
    expect(fromStockholmLocal("2026-03-01T24:00")).toBeNull();
    expect(fromStockholmLocal("nonsense")).toBeNull();
    expect(fromStockholmLocal("2026-03-29T02:30")!.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("gives today's Stockholm date, also just after midnight when UTC is still on yesterday", () => {
    expect(stockholmToday(new Date("2026-03-09T23:30:00Z")).toISOString()).toBe("2026-03-10T00:00:00.000Z");
  });
});

describe("the network's form schemas", () => {
  it("parse their own output again (the form kit sends the browser's parsed values to the server)", () => {
    const meeting = planMeetingSchema.parse({ title: " Möte ", scheduledAt: "2026-12-01T09:00", durationMinutes: "90", location: "", videoUrl: "https://teams.example/x", agenda: "" });
    expect(planMeetingSchema.parse(meeting)).toEqual(meeting);
    const item = createActionItemSchema.parse({ title: "X", description: "", ownerId: "00000000-0000-4000-8000-000000000001", divisionId: "", dueDate: "2026-04-01", comment: "", meetingId: "", decisionId: "" });
    expect(item.divisionId).toBeNull();
    expect(createActionItemSchema.parse(item)).toEqual(item);
  });

  it("refuse a meeting with neither place nor link, a non-https link, and an impossible date", () => {
    const base = { title: "M", scheduledAt: "2026-12-01T09:00", durationMinutes: 60, location: "", videoUrl: "", agenda: "" };
    expect(planMeetingSchema.safeParse(base).error?.issues[0]).toMatchObject({ path: ["location"], message: "network.errors.placeOrLink" });
    expect(planMeetingSchema.safeParse({ ...base, videoUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(planMeetingSchema.safeParse({ ...base, location: "Rum", scheduledAt: "2026-02-30T09:00" }).success).toBe(false);
  });

  it("number decisions one per line, without empty lines, at most 50", () => {
    expect(decisionLines("  A \n\n B\r\nC")).toEqual(["A", "B", "C"]);
    const many = Array.from({ length: 51 }, (_, i) => `Beslut ${i}`).join("\n");
    expect(recordMeetingSchema.safeParse({ id: "00000000-0000-4000-8000-000000000001", version: 1, minutes: "m", attendance: [], decisions: many }).success).toBe(false);
  });
});
