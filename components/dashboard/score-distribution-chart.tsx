"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ScoreBucket } from "@/lib/dashboard/types";
import { BAR_BACKGROUND, MARGIN, TICK, TooltipCard, tooltipRow, useRowClick, xAxisLabel, yAxisLabel } from "./chart-kit";
import { formatFigure } from "./format";
import { ALIGNED, AXIS } from "./palette";

/** Histogram: how many deals fall in each score bucket; click a bucket for its deals. */
export function ScoreDistributionChart({ buckets }: { buckets: ScoreBucket[] }) {
  const onClick = useRowClick();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={buckets} margin={{ ...MARGIN, top: 20 }} barCategoryGap={2}>
        <CartesianGrid stroke={AXIS.grid} vertical={false} />
        <XAxis dataKey="label" interval={0} tick={{ ...TICK, fontSize: 11 }} stroke={AXIS.line} tickLine={false} height={40} label={xAxisLabel("Score (0–100)")} />
        <YAxis allowDecimals={false} tick={TICK} stroke={AXIS.line} width={56} label={yAxisLabel("Deals")} />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: AXIS.cursor }}
          content={({ active, payload }) => {
            const b = tooltipRow<ScoreBucket>(active, payload);
            if (!b) return null;
            return (
              <TooltipCard
                title={`Score ${b.label}`}
                rows={[
                  ["Deals", formatFigure(b.deals, "count")],
                  ["Open value", formatFigure(b.value, "money")],
                ]}
                footer="Click to see these deals"
              />
            );
          }}
        />
        <Bar dataKey="deals" name="Deals" fill={ALIGNED} isAnimationActive={false} cursor="pointer" onClick={onClick} background={BAR_BACKGROUND}>
          <LabelList dataKey="deals" position="top" fill={AXIS.label} fontSize={11} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
