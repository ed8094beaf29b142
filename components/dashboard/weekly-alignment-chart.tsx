"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekPoint } from "@/lib/dashboard/types";
import { BAR_BACKGROUND, MARGIN, SHARE_Y_AXIS, TooltipCard, WEEK_X_AXIS, tooltipRow, useRowClick } from "./chart-kit";
import { formatFigure, formatPercent, formatWeekLong } from "./format";
import { ALIGNED, AXIS } from "./palette";

/** Aligned share of open pipeline value per week (0–100 %); click a week for its deals. */
export function WeeklyAlignmentChart({ points }: { points: WeekPoint[] }) {
  const onClick = useRowClick();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} margin={MARGIN}>
        <CartesianGrid stroke={AXIS.grid} vertical={false} />
        <XAxis {...WEEK_X_AXIS} />
        <YAxis {...SHARE_Y_AXIS} />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: AXIS.cursor }}
          content={({ active, payload }) => {
            const p = tooltipRow<WeekPoint>(active, payload);
            if (!p) return null;
            return (
              <TooltipCard
                title={formatWeekLong(p.week)}
                rows={[
                  ["Aligned share", p.alignedShare === null ? "No open deals" : formatPercent(p.alignedShare)],
                  ["Deals", formatFigure(p.deals, "count")],
                  ["Open value", formatFigure(p.value, "money")],
                  ["Average score", formatFigure(p.avgScore, "score")],
                ]}
                footer="Click to see these deals"
              />
            );
          }}
        />
        <Bar dataKey="alignedShare" name="Aligned share" fill={ALIGNED} maxBarSize={40} minPointSize={2} isAnimationActive={false} cursor="pointer" onClick={onClick} background={BAR_BACKGROUND} />
      </BarChart>
    </ResponsiveContainer>
  );
}
