import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/csv/write";
import { dashboardFiltersSchema, filterHref, periodRange } from "@/lib/dashboard/filters";
import { periodBounds, targetStatus } from "@/lib/dashboard/targets";

describe("periodRange", () => {
  const now = new Date("2026-11-23T15:00:00Z");
  it("covers whole days up to and including today, with a previous period of the same length", () => {
    const r = periodRange("30d", now);
    expect(r.to.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(r.from!.toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(r.previous).toEqual({ from: new Date("2026-09-25T00:00:00Z"), to: r.from });
  });
  it("starts quarters and years on their first day, and all time has no previous period", () => {
    expect(periodRange("qtd", now).from!.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(periodRange("ytd", now).from!.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(periodRange("all", now)).toMatchObject({ from: null, previous: null });
  });
});

describe("dashboard filters", () => {
  it("fall back to defaults on anything malformed instead of failing the page", () => {
    expect(dashboardFiltersSchema.parse({ period: "forever", team: "'; drop table", stage: "won" })).toEqual({ period: "90d", stage: "won" });
  });
  it("leave defaults out of links and keep the rest", () => {
    expect(filterHref("/dashboard", { period: "90d", team: "t" })).toBe("/dashboard?team=t");
    expect(filterHref("/deals", { period: "qtd" }, { rule: "segment.avoided", x: undefined })).toBe("/deals?period=qtd&rule=segment.avoided");
  });
});

describe("targets", () => {
  it("knows quarters and months", () => {
    expect(periodBounds("2026-Q4")).toEqual({ start: new Date("2026-10-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") });
    expect(periodBounds("2026-12")).toEqual({ start: new Date("2026-12-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") });
    expect(periodBounds("soon")).toBeNull();
  });
  it("judges at-least and at-most targets by their projection", () => {
    expect(targetStatus("atLeast", 100, 120, 130)).toBe("met");
    expect(targetStatus("atLeast", 100, 50, 105)).toBe("on_track");
    expect(targetStatus("atLeast", 100, 50, 95)).toBe("at_risk");
    expect(targetStatus("atLeast", 100, 50, 60)).toBe("off_track");
    expect(targetStatus("atMost", 10, 4, 8)).toBe("on_track");
    expect(targetStatus("atMost", 10, 9, 30)).toBe("off_track");
    expect(targetStatus("atLeast", 10, null, null)).toBe("no_data");
  });
});

describe("CSV cells", () => {
  it("quote what needs quoting and defuse spreadsheet formulas", () => {
    expect(csvCell('He said "yes", then left')).toBe('"He said ""yes"", then left"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("-5 %")).toBe("'-5 %");
    expect(csvCell(-5)).toBe("-5");
    expect(csvLine(["a", null, 1.5, true])).toBe("a,,1.5,yes\r\n");
  });
});
