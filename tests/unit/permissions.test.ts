import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { navFor, NAV_ITEMS, safeCallback } from "@/lib/navigation";

describe("permissions", () => {
  it("give admin and leadership the strategy, managers reviews, and only admins administration", () => {
    expect(can("LEADER", "strategy:publish")).toBe(true);
    expect(can("MANAGER", "strategy:publish")).toBe(false);
    expect(can("REP", "strategy:edit")).toBe(false);
    expect(can("MANAGER", "deal:review")).toBe(true);
    expect(can("REP", "deal:review")).toBe(false);
    expect(ROLES.filter((r) => can(r, "users:manage"))).toEqual(["ADMIN"]);
  });

  it("name only real roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });

  it("shape each role's navigation", () => {
    expect(navFor("REP").map((i) => i.href)).toEqual(["/dashboard", "/deals", "/strategy"]);
    expect(navFor("LEADER").map((i) => i.href)).toEqual(["/dashboard", "/deals", "/strategy", "/signals"]);
    expect(navFor("ADMIN").map((i) => i.href)).toEqual(NAV_ITEMS.map((i) => i.href));
  });

  it("only ever return to a same-site path after sign-in", () => {
    expect(safeCallback("/deals?x=1")).toBe("/deals?x=1");
    expect(safeCallback("https://evil.example")).toBe("/");
    expect(safeCallback("//evil.example")).toBe("/");
    expect(safeCallback("/\\evil.example")).toBe("/");
    expect(safeCallback(undefined)).toBe("/");
  });
});
