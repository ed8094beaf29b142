import "server-only";
import type { Actor } from "@/lib/auth/sessions";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Cell } from "@/lib/csv/write";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { leadershipView, managerDashboard, repView } from "@/lib/dashboard/queries";
import type { BreakdownRow, TargetProgress, WeekPoint } from "@/lib/dashboard/types";

// Every table a dashboard shows can be downloaded as CSV, exactly as filtered on screen.

export const DASHBOARD_TABLES = [
  "weekly", "distribution", "rules", "reps", "teams", "segments", "products", "stages", "discounts", "targets", "adoption", "recurring", "team-trend", "findings",
] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

type Table = { header: string[]; rows: Cell[][] };

const breakdown = (first: string, rows: BreakdownRow[]): Table => ({
  header: [first, "Deals", "Value", "Aligned share (%)", "Average score"],
  rows: rows.map((r) => [r.label, r.deals, r.value, r.alignedShare, r.avgScore]),
});
const weeks = (rows: WeekPoint[]): Table => ({
  header: ["Week starting", "Deals", "Value", "Aligned share (%)", "Average score"],
  rows: rows.map((r) => [r.week, r.deals, r.value, r.alignedShare, r.avgScore]),
});
const targets = (rows: TargetProgress[]): Table => ({
  header: ["Target", "Scope", "Period", "Target value", "Actual", "Projected", "Status"],
  rows: rows.map((t) => [t.label, t.scopeLabel, t.period, t.target, t.actual, t.projected, t.status]),
});

export async function dashboardTable(actor: Actor, table: DashboardTable, filters: DashboardFilters): Promise<Table> {
  if (actor.role === "REP") {
    const view = await repView(actor, filters);
    if (table === "weekly") return weeks(view.trend);
    if (table === "targets") return targets(view.targets);
    if (table === "findings") {
      return { header: ["Deal", "Severity", "Points", "Finding", "What to do"], rows: view.findings.map((f) => [f.dealName, f.severity, f.points, f.message, f.remedy]) };
    }
    throw new AppError("NOT_FOUND", "That table is not on your dashboard.");
  }
  if (table === "adoption" || table === "recurring" || table === "team-trend") {
    if (!can(actor.role, "dashboard:org")) throw new AppError("FORBIDDEN", "Only leadership sees this table.");
    const view = await leadershipView(actor, filters);
    if (table === "team-trend") {
      const teams = view.teamTrend.teams;
      return { header: ["Week starting", ...teams.map((t) => `${t.name} aligned share (%)`)], rows: view.teamTrend.points.map((p) => [p.week, ...teams.map((t) => p.values[t.id] ?? null)]) };
    }
    if (table === "adoption") return { header: ["Team", "Members", "Acknowledged", "Share (%)"], rows: view.adoption.map((a) => [a.team, a.members, a.acknowledged, a.share]) };
    return { header: ["Promised", "Kind", "Reps", "Deals", "Value"], rows: view.recurring.map((r) => [r.name, r.kind, r.reps, r.deals, r.value]) };
  }
  if (!can(actor.role, "dashboard:team")) throw new AppError("FORBIDDEN", "You do not have access to this dashboard.");
  const d = await managerDashboard(actor, filters);
  switch (table) {
    case "weekly": return weeks(d.weekly);
    case "distribution": return { header: ["Score", "Deals", "Value"], rows: d.distribution.map((b) => [b.label, b.deals, b.value]) };
    case "rules": return { header: ["Finding", "Rule id", "Deals", "Value"], rows: d.byRule.map((r) => [r.label, r.ruleId, r.deals, r.value]) };
    case "reps": return breakdown("Rep", d.byRep);
    case "teams": return breakdown("Team", d.byTeam);
    case "segments": return breakdown("Segment", d.bySegment);
    case "products": return breakdown("Product", d.byProduct);
    case "stages": return { header: ["Stage", "Deals", "Value", "Off-strategy value"], rows: d.stages.map((s) => [s.label, s.deals, s.value, s.atRisk]) };
    case "discounts": return { header: ["Deal id", "Deal", "Discount (%)", "Allowance (%)", "Value", "Off-strategy"], rows: d.scatter.map((p) => [p.id, p.name, p.discountPct, p.allowancePct, p.amount, p.offStrategy]) };
    case "targets": return targets(d.targets);
    default: throw new AppError("NOT_FOUND", "That table is not on this dashboard.");
  }
}
