// Table alternatives for the charts (rendered by ChartCard inside "Show as table"). Each row's
// first cell is its label and links to the row's href, the keyboard path for drill-down. Pure:
// usable from server pages, and the same rows the CSV export should contain.
import type { BreakdownRow, RuleRow, ScatterPoint, ScoreBucket, StageRisk, TeamSeries, WeekPoint } from "@/lib/dashboard/types";
import { formatDiscount, formatFigure, formatPercent, formatWeekLong } from "./format";

export interface ChartTableColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface ChartTableRow {
  key: string;
  /** Where the row's first cell links to; omitted → plain text. */
  href?: string;
  /** Already formatted; cells[0] is the row header. */
  cells: string[];
}

export interface ChartTable {
  /** Defaults to the card's title and description. */
  caption?: string;
  columns: ChartTableColumn[];
  rows: ChartTableRow[];
}

const money = (n: number | null) => formatFigure(n, "money");
const count = (n: number | null) => formatFigure(n, "count");
const score = (n: number | null) => formatFigure(n, "score");

export function weeklyTable(points: WeekPoint[]): ChartTable {
  return {
    columns: [{ label: "Week" }, { label: "Deals", numeric: true }, { label: "Open value", numeric: true }, { label: "Aligned share", numeric: true }, { label: "Average score", numeric: true }],
    rows: points.map((p) => ({
      key: p.week,
      href: p.href,
      cells: [formatWeekLong(p.week), count(p.deals), money(p.value), formatPercent(p.alignedShare), score(p.avgScore)],
    })),
  };
}

/** dimension names the first column: "Rep", "Team", "Segment", "Product". */
export function breakdownTable(rows: BreakdownRow[], dimension: string): ChartTable {
  return {
    columns: [{ label: dimension }, { label: "Deals", numeric: true }, { label: "Open value", numeric: true }, { label: "Aligned share", numeric: true }, { label: "Average score", numeric: true }],
    rows: rows.map((r) => ({
      key: r.key,
      href: r.href,
      cells: [r.label, count(r.deals), money(r.value), formatPercent(r.alignedShare), score(r.avgScore)],
    })),
  };
}

export function distributionTable(buckets: ScoreBucket[]): ChartTable {
  return {
    columns: [{ label: "Score" }, { label: "Deals", numeric: true }, { label: "Open value", numeric: true }],
    rows: buckets.map((b) => ({ key: b.label, href: b.href, cells: [b.label, count(b.deals), money(b.value)] })),
  };
}

export function ruleTable(rows: RuleRow[]): ChartTable {
  return {
    columns: [{ label: "Rule" }, { label: "Deals", numeric: true }, { label: "Open value", numeric: true }],
    rows: rows.map((r) => ({ key: r.ruleId, href: r.href, cells: [r.label, count(r.deals), money(r.value)] })),
  };
}

export function scatterTable(points: ScatterPoint[]): ChartTable {
  return {
    columns: [{ label: "Deal" }, { label: "Discount given", numeric: true }, { label: "Allowed", numeric: true }, { label: "Amount", numeric: true }, { label: "Status" }],
    rows: points.map((p) => ({
      key: p.id,
      href: p.href,
      cells: [p.name, formatDiscount(p.discountPct), formatDiscount(p.allowancePct), money(p.amount), p.offStrategy ? "Off-strategy" : "On strategy"],
    })),
  };
}

export function stageTable(stages: StageRisk[]): ChartTable {
  return {
    columns: [{ label: "Stage" }, { label: "Deals", numeric: true }, { label: "Open value", numeric: true }, { label: "At risk", numeric: true }, { label: "Aligned", numeric: true }],
    rows: stages.map((s) => ({
      key: s.stage,
      href: s.href,
      cells: [s.label, count(s.deals), money(s.value), money(s.atRisk), money(Math.max(0, s.value - s.atRisk))],
    })),
  };
}

/** One row per week, one column per team. TeamSeries carries no hrefs, so rows do not link. */
export function teamTrendTable(series: TeamSeries): ChartTable {
  return {
    columns: [{ label: "Week" }, ...series.teams.map((t) => ({ label: t.name, numeric: true }))],
    rows: series.points.map((p) => ({
      key: p.week,
      cells: [formatWeekLong(p.week), ...series.teams.map((t) => formatPercent(p.values[t.id] ?? null))],
    })),
  };
}
