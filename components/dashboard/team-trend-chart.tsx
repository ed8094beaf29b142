"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TeamSeries } from "@/lib/dashboard/types";
import { ChartFrame, ChartLegend, MARGIN, SHARE_Y_AXIS, TooltipCard, WEEK_X_AXIS } from "./chart-kit";
import { formatPercent, formatWeekLong } from "./format";
import { AXIS, seriesColor, seriesDash } from "./palette";

type Point = TeamSeries["points"][number];
/** Flat row for recharts: stable string keys per team (t0, t1 …) rather than team ids. */
type Row = { week: string; point: Point } & Record<`t${number}`, number | null>;

/**
 * Aligned share per week, one line per team. Each team has its own colour and dash pattern, named
 * in the legend. TeamSeries has no drill-down hrefs, so points are not clickable.
 */
export function TeamTrendChart({ series }: { series: TeamSeries }) {
  const teams = series.teams.map((t, i) => ({ ...t, key: `t${i}` as const, color: seriesColor(i), dash: seriesDash(i) }));
  const rows: Row[] = series.points.map((p) => {
    const row: Row = { week: p.week, point: p };
    for (const t of teams) row[t.key] = p.values[t.id] ?? null;
    return row;
  });

  return (
    <ChartFrame
      legend={
        <ChartLegend
          items={teams.map((t) => ({
            label: t.name,
            swatch: <line x1="1" y1="6" x2="19" y2="6" stroke={t.color} strokeWidth="2.5" strokeDasharray={t.dash || undefined} />,
          }))}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={MARGIN}>
          <CartesianGrid stroke={AXIS.grid} vertical={false} />
          <XAxis {...WEEK_X_AXIS} />
          <YAxis {...SHARE_Y_AXIS} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: AXIS.line, strokeDasharray: "3 3" }}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as Row | undefined)?.point : undefined;
              if (!p) return null;
              const rows = series.teams
                .map((t) => ({ name: t.name, value: p.values[t.id] ?? null }))
                .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
                .map((r): [string, string] => [r.name, r.value === null ? "No deals" : formatPercent(r.value)]);
              return <TooltipCard title={formatWeekLong(p.week)} rows={rows} />;
            }}
          />
          {teams.map((t) => (
            <Line
              key={t.id}
              type="linear"
              name={t.name}
              dataKey={t.key}
              stroke={t.color}
              strokeWidth={2}
              strokeDasharray={t.dash || undefined}
              dot={{ r: 3, fill: t.color, strokeDasharray: "" }}
              activeDot={{ r: 5 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
