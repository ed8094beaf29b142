"use client";
// The charts, loaded after the page: recharts is most of the dashboard's JavaScript, and the page
// (figures, targets, the tables behind every chart) is usable before it arrives. The chart area
// keeps its fixed height meanwhile (ChartCard), so nothing shifts when a chart appears.
import dynamic from "next/dynamic";

function Placeholder() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" aria-hidden="true" />;
}

const lazy = <P extends object>(load: () => Promise<React.ComponentType<P>>) => dynamic(load, { ssr: false, loading: Placeholder });

export const WeeklyAlignmentChart = lazy(() => import("./weekly-alignment-chart").then((m) => m.WeeklyAlignmentChart));
export const BreakdownBarChart = lazy(() => import("./breakdown-bar-chart").then((m) => m.BreakdownBarChart));
export const ScoreDistributionChart = lazy(() => import("./score-distribution-chart").then((m) => m.ScoreDistributionChart));
export const RuleChart = lazy(() => import("./rule-chart").then((m) => m.RuleChart));
export const DiscountScatter = lazy(() => import("./discount-scatter").then((m) => m.DiscountScatter));
export const StageRiskChart = lazy(() => import("./stage-risk-chart").then((m) => m.StageRiskChart));
export const TeamTrendChart = lazy(() => import("./team-trend-chart").then((m) => m.TeamTrendChart));
