"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RuleRow } from "@/lib/dashboard/types";
import { BAR_BACKGROUND, ChartFrame, TICK, TooltipCard, TruncationNote, tooltipRow, useRowClick, xAxisLabel } from "./chart-kit";
import { formatFigure, truncateLabel } from "./format";
import { AXIS, NEUTRAL } from "./palette";

/** Findings by rule: how many deals each rule flagged; click a bar for those deals. */
export function RuleChart({ rows, limit = 12 }: { rows: RuleRow[]; limit?: number }) {
  const shown = rows.slice(0, limit);
  const onClick = useRowClick();
  return (
    <ChartFrame legend={<TruncationNote shown={shown.length} total={rows.length} what="rules" />}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={shown} layout="vertical" margin={{ top: 4, right: 40, bottom: 20, left: 8 }}>
          <CartesianGrid stroke={AXIS.grid} horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={TICK} stroke={AXIS.line} height={40} label={xAxisLabel("Deals with this finding")} />
          <YAxis type="category" dataKey="label" width={176} interval={0} tick={TICK} stroke={AXIS.line} tickLine={false} tickFormatter={(l: string) => truncateLabel(l, 22)} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ fill: AXIS.cursor }}
            content={({ active, payload }) => {
              const r = tooltipRow<RuleRow>(active, payload);
              if (!r) return null;
              return (
                <TooltipCard
                  title={r.label}
                  rows={[
                    ["Deals", formatFigure(r.deals, "count")],
                    ["Open value", formatFigure(r.value, "money")],
                  ]}
                  footer="Click to see these deals"
                />
              );
            }}
          />
          <Bar dataKey="deals" name="Deals" fill={NEUTRAL} maxBarSize={24} isAnimationActive={false} cursor="pointer" onClick={onClick} background={BAR_BACKGROUND}>
            <LabelList dataKey="deals" position="right" fill={AXIS.label} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
