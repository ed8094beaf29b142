"use client";

import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { ScatterPoint } from "@/lib/dashboard/types";
import { ChartFrame, ChartLegend, TICK, TooltipCard, tooltipRow, useRowClick, xAxisLabel, yAxisLabel } from "./chart-kit";
import { formatDiscount, formatFigure } from "./format";
import { ALIGNED, AT_RISK, AXIS } from "./palette";

/** Both axes share one domain and round ticks (step 2, 5, 10 or 20 %), so y = x reads as the diagonal. */
function axisTicks(points: ScatterPoint[]) {
  let max = 0;
  for (const p of points) max = Math.max(max, p.discountPct, p.allowancePct);
  const step = max <= 10 ? 2 : max <= 30 ? 5 : max <= 60 ? 10 : 20;
  const top = Math.max(step * 2, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/**
 * Discount given against the discount the policy allows, one point per deal. Points above the
 * diagonal are over their allowance. Off-strategy deals are vermillion triangles, the others blue
 * circles; point size follows the deal amount. Click a point for the deal.
 */
export function DiscountScatter({ points }: { points: ScatterPoint[] }) {
  const open = useRowClick();
  const ticks = axisTicks(points);
  const max = ticks[ticks.length - 1] ?? 10;
  const onStrategy = points.filter((p) => !p.offStrategy);
  const offStrategy = points.filter((p) => p.offStrategy);

  return (
    <ChartFrame
      legend={
        <ChartLegend
          items={[
            { label: "On strategy", swatch: <circle cx="10" cy="6" r="4.5" fill={ALIGNED} /> },
            { label: "Off-strategy", swatch: <path d="M10 1 L15 11 L5 11 Z" fill={AT_RISK} /> },
            { label: "At allowance (above it: over policy)", swatch: <line x1="1" y1="11" x2="19" y2="1" stroke={AXIS.line} strokeWidth="1.5" strokeDasharray="3 2" /> },
          ]}
          note="Size: deal amount"
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid stroke={AXIS.grid} />
          <XAxis
            type="number"
            dataKey="allowancePct"
            name="Allowed discount"
            domain={[0, max]}
            ticks={ticks}
            tickFormatter={(v: number) => `${v} %`}
            tick={TICK}
            stroke={AXIS.line}
            height={40}
            label={xAxisLabel("Discount allowed by policy (%)")}
          />
          <YAxis
            type="number"
            dataKey="discountPct"
            name="Discount given"
            domain={[0, max]}
            ticks={ticks}
            tickFormatter={(v: number) => `${v} %`}
            tick={TICK}
            stroke={AXIS.line}
            width={64}
            label={yAxisLabel("Discount given (%)")}
          />
          <ZAxis type="number" dataKey="amount" name="Amount" range={[40, 360]} />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: max, y: max },
            ]}
            stroke={AXIS.line}
            strokeWidth={1.5}
            strokeDasharray="6 4"
            ifOverflow="hidden"
          />
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: AXIS.line, strokeDasharray: "3 3" }}
            content={({ active, payload }) => {
              const p = tooltipRow<ScatterPoint>(active, payload);
              if (!p) return null;
              const over = p.discountPct - p.allowancePct;
              return (
                <TooltipCard
                  title={p.name}
                  rows={[
                    ["Discount given", formatDiscount(p.discountPct)],
                    ["Allowed", formatDiscount(p.allowancePct)],
                    ["Amount", formatFigure(p.amount, "money")],
                    ["Status", p.offStrategy ? "Off-strategy" : "On strategy"],
                  ]}
                  footer={over > 0 ? `${formatDiscount(over)} over the allowance · click to open the deal` : "Click to open the deal"}
                />
              );
            }}
          />
          <Scatter
            name="On strategy"
            data={onStrategy}
            fill={ALIGNED}
            fillOpacity={0.8}
            stroke="#ffffff"
            strokeWidth={1}
            shape="circle"
            legendType="circle"
            isAnimationActive={false}
            cursor="pointer"
            onClick={open}
          />
          <Scatter
            name="Off-strategy"
            data={offStrategy}
            fill={AT_RISK}
            fillOpacity={0.9}
            stroke="#ffffff"
            strokeWidth={1}
            shape="triangle"
            legendType="triangle"
            isAnimationActive={false}
            cursor="pointer"
            onClick={open}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
