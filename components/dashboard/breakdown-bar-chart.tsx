"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BreakdownRow } from "@/lib/dashboard/types";
import { BAR_BACKGROUND, ChartFrame, TICK, TooltipCard, TruncationNote, tooltipRow, useRowClick, xAxisLabel } from "./chart-kit";
import { formatCompactAmount, formatFigure, formatPercent, truncateLabel } from "./format";
import { ALIGNED, AXIS } from "./palette";

export type BreakdownMetric = "alignedShare" | "value" | "avgScore";

const METRIC: Record<BreakdownMetric, { name: string; axis: string; domain: [number, number | "auto"]; tick: (v: number) => string }> = {
  alignedShare: { name: "Aligned share", axis: "Aligned share of open value (%)", domain: [0, 100], tick: (v) => `${Math.round(v)} %` },
  value: { name: "Open value", axis: "Open pipeline value (EUR)", domain: [0, "auto"], tick: formatCompactAmount },
  avgScore: { name: "Average score", axis: "Average score (0–100)", domain: [0, 100], tick: (v) => String(Math.round(v)) },
};

/**
 * Horizontal bars for a breakdown (by rep, team, segment, product …), one metric at a time. Shows
 * the first `limit` rows in the order given (the table under the card lists all of them).
 */
export function BreakdownBarChart({ rows, metric, limit = 12 }: { rows: BreakdownRow[]; metric: BreakdownMetric; limit?: number }) {
  const shown = rows.slice(0, limit);
  const m = METRIC[metric];
  const onClick = useRowClick();

  return (
    <ChartFrame legend={<TruncationNote shown={shown.length} total={rows.length} />}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={shown} layout="vertical" margin={{ top: 4, right: 56, bottom: 20, left: 8 }}>
          <CartesianGrid stroke={AXIS.grid} horizontal={false} />
          <XAxis type="number" domain={m.domain} allowDataOverflow={metric !== "value"} niceTicks="snap125" tickFormatter={m.tick} tick={TICK} stroke={AXIS.line} height={40} label={xAxisLabel(m.axis)} />
          <YAxis type="category" dataKey="label" width={140} interval={0} tick={TICK} stroke={AXIS.line} tickLine={false} tickFormatter={(l: string) => truncateLabel(l, 18)} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ fill: AXIS.cursor }}
            content={({ active, payload }) => {
              const r = tooltipRow<BreakdownRow>(active, payload);
              if (!r) return null;
              return (
                <TooltipCard
                  title={r.label}
                  rows={[
                    ["Deals", formatFigure(r.deals, "count")],
                    ["Open value", formatFigure(r.value, "money")],
                    ["Aligned share", formatPercent(r.alignedShare)],
                    ["Average score", formatFigure(r.avgScore, "score")],
                  ]}
                  footer="Click to see these deals"
                />
              );
            }}
          />
          <Bar dataKey={metric} name={m.name} fill={ALIGNED} maxBarSize={24} minPointSize={metric === "value" ? 0 : 2} isAnimationActive={false} cursor="pointer" onClick={onClick} background={BAR_BACKGROUND}>
            <LabelList dataKey={metric} position="right" fill={AXIS.label} fontSize={12} formatter={(v: unknown) => (typeof v === "number" ? m.tick(v) : "—")} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
