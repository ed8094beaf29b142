// Grid and sizes shared by the real dashboards and DashboardSkeleton, so the page does not jump
// when data arrives. Pages should lay chart cards out with ChartGrid and headlines with HeadlineCards.
import type { ReactNode } from "react";

/** Five headline cards on wide screens, two on small ones, one on phones. */
export const HEADLINE_GRID = "grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5";
/** Minimum height of a headline card (label, value, change, hint). */
export const HEADLINE_CARD_HEIGHT = "min-h-40";
/** Chart cards: two columns from lg. */
export const CHART_GRID = "grid grid-cols-1 gap-6 lg:grid-cols-2";
/** The fixed height of every chart area (and its empty state and skeleton). */
export const CHART_AREA = "h-72";

export function ChartGrid({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`${CHART_GRID} ${className}`}>{children}</div>;
}
