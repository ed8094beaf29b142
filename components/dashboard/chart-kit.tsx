// Shared pieces of the client charts. No "use client" here on purpose: this module is only imported
// by the chart components (which are "use client"), so it joins their bundle; never import it from
// a server component (useDrillDown needs the browser router).
import { useRouter } from "next/navigation";
import { useCallback, useId, type ReactNode } from "react";
import { formatWeek } from "./format";
import { AXIS } from "./palette";

/** Navigates to a row's drill-down. */
export function useDrillDown() {
  const router = useRouter();
  return useCallback(
    (href: string | undefined) => {
      if (href) router.push(href);
    },
    [router],
  );
}

/**
 * Bar / Scatter onClick: opens the clicked row (its payload's href). Recharts passes the same
 * handler to the bar's background (see BAR_BACKGROUND), so the full height of a short bar is
 * clickable. Rows whose value is null draw no bar and no background: their path is the table link.
 * (A chart-level onClick is not used: it reads the tooltip state, which can lag behind a quick
 * click and opened the previously hovered row in testing.)
 */
export function useRowClick() {
  const go = useDrillDown();
  return useCallback((item: { payload?: unknown }) => go((item.payload as { href?: string } | undefined)?.href), [go]);
}

/** Transparent but painted, so it receives the bar's click. */
export const BAR_BACKGROUND = { fill: "transparent", cursor: "pointer" } as const;

/** An id usable inside url(#…) (React ids may contain characters CSS does not like). */
export function useSvgId(prefix: string) {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

export const TICK = { fill: AXIS.tick, fontSize: 12 } as const;

export const xAxisLabel = (value: string) => ({ value, position: "insideBottom" as const, offset: -4, fill: AXIS.label, fontSize: 12 });
export const yAxisLabel = (value: string) => ({ value, angle: -90, position: "insideLeft" as const, style: { textAnchor: "middle" as const }, fill: AXIS.label, fontSize: 12 });

/** Every chart's plot margin: room for the axis labels. */
/** The x axis of every weekly chart (spread onto <XAxis>: recharts wants its own elements as children). */
export const WEEK_X_AXIS = {
  dataKey: "week", tickFormatter: formatWeek, tick: TICK, stroke: AXIS.line, tickLine: false, minTickGap: 8, height: 40, label: xAxisLabel("Week starting"),
} as const;

/** The y axis of an aligned-share chart, 0–100 %. */
export const SHARE_Y_AXIS = {
  domain: [0, 100], ticks: [0, 25, 50, 75, 100], allowDataOverflow: true, tickFormatter: (v: number) => `${v} %`, tick: TICK, stroke: AXIS.line, width: 64,
  label: yAxisLabel("Aligned share (%)"),
} as const;

/** Above a chart that shows only its first rows. */
export function TruncationNote({ shown, total, what = "" }: { shown: number; total: number; what?: string }) {
  if (total <= shown) return null;
  return <p className="mb-1 text-xs text-slate-600">Showing {shown} of {total}{what ? ` ${what}` : ""}; the table lists all.</p>;
}

export const MARGIN = { top: 8, right: 16, bottom: 20, left: 8 } as const;

/** Tooltip box: a title and label/value lines. */
export function TooltipCard({ title, rows, footer }: { title: ReactNode; rows: [label: ReactNode, value: ReactNode][]; footer?: ReactNode }) {
  return (
    <div className="max-w-72 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-semibold text-slate-900">{title}</p>
      <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5">
        {rows.map(([label, value], i) => (
          <div key={i} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right font-medium text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {footer ? <p className="mt-1 text-xs text-slate-600">{footer}</p> : null}
    </div>
  );
}

/** The data row under the pointer, from a Tooltip content callback's payload. */
export function tooltipRow<T>(active: boolean | undefined, payload: ReadonlyArray<{ payload?: unknown }> | undefined): T | null {
  if (!active || !payload?.length) return null;
  return (payload[0]?.payload as T | undefined) ?? null;
}

export interface LegendItem {
  label: string;
  swatch: ReactNode;
}

/** An HTML legend above the plot: text labels with the mark each series uses (shape, dash, hatch). */
export function ChartLegend({ items, note }: { items: LegendItem[]; note?: ReactNode }) {
  return (
    <ul role="list" className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.label} className="inline-flex items-center gap-1.5">
          <svg width="20" height="12" viewBox="0 0 20 12" aria-hidden="true" className="shrink-0">
            {item.swatch}
          </svg>
          {item.label}
        </li>
      ))}
      {note ? <li className="text-slate-600">{note}</li> : null}
    </ul>
  );
}

/** Hatched fill for "at risk" areas so they differ from aligned ones without colour. */
export function HatchPattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={color} />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" strokeOpacity="0.7" />
    </pattern>
  );
}

/** The body of a chart area: optional legend/note lines, then the plot filling the rest. */
export function ChartFrame({ legend, children }: { legend?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex h-full min-h-0 flex-col">
      {legend}
      <div className="min-h-0 flex-1">{children}</div>
    </div>
  );
}
