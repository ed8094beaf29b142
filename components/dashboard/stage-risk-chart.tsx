"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StageRisk } from "@/lib/dashboard/types";
import { BAR_BACKGROUND, ChartFrame, ChartLegend, HatchPattern, MARGIN, TICK, TooltipCard, tooltipRow, useRowClick, useSvgId, xAxisLabel, yAxisLabel } from "./chart-kit";
import { formatCompactAmount, formatFigure, formatPercent } from "./format";
import { ALIGNED, AT_RISK, AXIS } from "./palette";

type StageRow = StageRisk & { aligned: number };

/**
 * Open value per stage, stacked: at risk (off-strategy, hatched vermillion) under aligned (solid
 * blue). Click a stage for its deals.
 */
export function StageRiskChart({ stages }: { stages: StageRisk[] }) {
  const rows: StageRow[] = stages.map((s) => ({ ...s, aligned: Math.max(0, s.value - s.atRisk) }));
  const onClick = useRowClick();
  const hatch = useSvgId("at-risk-hatch");
  const legendHatch = useSvgId("at-risk-hatch-legend");

  return (
    <ChartFrame
      legend={
        <ChartLegend
          items={[
            {
              label: "At risk (off-strategy)",
              swatch: (
                <>
                  <defs>
                    <HatchPattern id={legendHatch} color={AT_RISK} />
                  </defs>
                  <rect x="2" y="1" width="16" height="10" fill={`url(#${legendHatch})`} />
                </>
              ),
            },
            { label: "Aligned", swatch: <rect x="2" y="1" width="16" height="10" fill={ALIGNED} /> },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={MARGIN}>
          <defs>
            <HatchPattern id={hatch} color={AT_RISK} />
          </defs>
          <CartesianGrid stroke={AXIS.grid} vertical={false} />
          <XAxis dataKey="label" interval={0} tick={TICK} stroke={AXIS.line} tickLine={false} height={40} label={xAxisLabel("Stage")} />
          <YAxis niceTicks="snap125" tickFormatter={formatCompactAmount} tick={TICK} stroke={AXIS.line} width={72} label={yAxisLabel("Open value (EUR)")} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ fill: AXIS.cursor }}
            content={({ active, payload }) => {
              const s = tooltipRow<StageRow>(active, payload);
              if (!s) return null;
              return (
                <TooltipCard
                  title={s.label}
                  rows={[
                    ["Deals", formatFigure(s.deals, "count")],
                    ["Open value", formatFigure(s.value, "money")],
                    ["At risk", formatFigure(s.atRisk, "money")],
                    ["Aligned", formatFigure(s.aligned, "money")],
                    ["Share at risk", s.value > 0 ? formatPercent((s.atRisk / s.value) * 100) : "—"],
                  ]}
                  footer="Click to see these deals"
                />
              );
            }}
          />
          <Bar dataKey="atRisk" name="At risk (off-strategy)" stackId="value" fill={`url(#${hatch})`} stroke={AT_RISK} maxBarSize={56} isAnimationActive={false} cursor="pointer" onClick={onClick} background={BAR_BACKGROUND} />
          <Bar dataKey="aligned" name="Aligned" stackId="value" fill={ALIGNED} maxBarSize={56} isAnimationActive={false} cursor="pointer" onClick={onClick} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
