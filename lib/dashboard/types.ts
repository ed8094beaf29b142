// The dashboards' data contract: lib/dashboard/queries.ts computes these in SQL, the pages and
// components/dashboard/* render them. Every row that can be clicked carries `href`, the deal list
// with the row's filter applied (drill-down), so charts, tables and CSV agree on what a row means.

export type Unit = "money" | "percent" | "count" | "score" | "points";

export interface Headline {
  key: "pipeline" | "alignedShare" | "offStrategyPromises" | "discountOverPolicy" | "approvedExceptions";
  label: string;
  value: number | null;
  /** The same figure for the previous period of the same length; null when not comparable. */
  previous: number | null;
  unit: Unit;
  /** Which direction is good news: the change is coloured and worded accordingly. */
  better: "up" | "down";
  hint: string;
  href: string;
}

/** One row of a breakdown (by rep, team, segment, product, rule, stage …). */
export interface BreakdownRow {
  key: string;
  label: string;
  deals: number;
  /** Open pipeline value of the row, in the organisation's currency. */
  value: number;
  /** Share (0–100) of that value on deals without a critical finding. */
  alignedShare: number | null;
  avgScore: number | null;
  href: string;
}

export interface WeekPoint {
  /** ISO date of the week's Monday. */
  week: string;
  deals: number;
  value: number;
  alignedShare: number | null;
  avgScore: number | null;
  href: string;
}

export interface ScoreBucket {
  label: string; // "0–9" … "90–100"
  from: number;
  to: number;
  deals: number;
  value: number;
  href: string;
}

export interface RuleRow {
  ruleId: string;
  label: string;
  deals: number;
  value: number;
  href: string;
}

export interface ScatterPoint {
  id: string;
  name: string;
  discountPct: number;
  allowancePct: number;
  amount: number;
  offStrategy: boolean;
  href: string;
}

export interface StageRisk {
  stage: string;
  label: string;
  value: number;
  /** Value of the stage's deals that are off-strategy. */
  atRisk: number;
  deals: number;
  href: string;
}

export interface TargetProgress {
  id: string;
  label: string;
  scopeLabel: string;
  period: string;
  unit: Unit;
  /** "atLeast" targets are met from below (revenue), "atMost" ones from above (off-strategy count). */
  direction: "atLeast" | "atMost";
  target: number;
  actual: number | null;
  projected: number | null;
  /** 0–1, how far actual is towards the target (for atMost: 1 while under it). */
  progress: number;
  status: "met" | "on_track" | "at_risk" | "off_track" | "no_data";
  href: string;
}

export interface ManagerDashboard {
  scopeLabel: string;
  periodLabel: string;
  headlines: Headline[];
  weekly: WeekPoint[];
  distribution: ScoreBucket[];
  byRule: RuleRow[];
  byRep: BreakdownRow[];
  bySegment: BreakdownRow[];
  byProduct: BreakdownRow[];
  byTeam: BreakdownRow[];
  scatter: ScatterPoint[];
  stages: StageRisk[];
  targets: TargetProgress[];
}

export interface TeamSeries {
  teams: { id: string; name: string }[];
  /** One point per week; values[teamId] is the aligned share (0–100) or null without deals. */
  points: { week: string; values: Record<string, number | null> }[];
}

export interface AdoptionRow {
  teamId: string | null;
  team: string;
  members: number;
  acknowledged: number;
  share: number | null;
}

export interface RecurringPromise {
  key: string;
  name: string;
  kind: "capability" | "guardrail" | "unknown";
  reps: number;
  deals: number;
  value: number;
  href: string;
}

export interface LeadershipView {
  periodLabel: string;
  version: { number: number; publishedAt: string } | null;
  adoption: AdoptionRow[];
  openQuestions: { id: string; section: string; body: string; author: string; createdAt: string }[];
  openQuestionCount: number;
  teamTrend: TeamSeries;
  recurring: RecurringPromise[];
}

export interface RepFinding {
  dealId: string;
  dealName: string;
  severity: "info" | "warning" | "critical";
  message: string;
  remedy: string;
  points: number;
}

export interface RepView {
  periodLabel: string;
  trend: WeekPoint[];
  headlines: Headline[];
  findings: RepFinding[];
  targets: TargetProgress[];
}
