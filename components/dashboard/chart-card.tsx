import Link from "next/link";
import type { ReactNode } from "react";
import { CHART_AREA } from "./layout";
import type { ChartTable } from "./tables";

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "chart";

/**
 * A chart in a card: title, a description that states the units, a fixed-height chart area (no
 * layout shift while the client chart measures itself), an "Export CSV" link and the same data as a
 * real table under "Show as table", whose first cells link to each row's drill-down.
 */
export function ChartCard({
  title,
  description,
  csvHref,
  table,
  children,
  empty = false,
  emptyMessage = "No deals in this period and scope yet.",
  id,
  className = "",
}: {
  title: string;
  /** One line that states the units, e.g. "Share of open pipeline value on deals without a critical finding, % per week." */
  description: ReactNode;
  csvHref?: string;
  table: ChartTable;
  /** The chart; it fills the fixed-height area (charts use ResponsiveContainer at 100 %). */
  children: ReactNode;
  empty?: boolean;
  emptyMessage?: ReactNode;
  /** Anchor for the card; defaults to a slug of the title. */
  id?: string;
  className?: string;
}) {
  const anchor = id ?? `chart-${slug(title)}`;
  const headingId = `${anchor}-title`;
  const descriptionId = `${anchor}-description`;
  const showTable = !empty && table.rows.length > 0;

  return (
    <section id={anchor} aria-labelledby={headingId} className={`flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <p id={descriptionId} className="mt-1 text-sm text-slate-600">
            {description}
          </p>
        </div>
        {csvHref && !empty ? (
          <a
            href={csvHref}
            download
            className="inline-flex min-h-9 shrink-0 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 transition-colors hover:bg-slate-100"
          >
            Export CSV<span className="sr-only">: {title}</span>
          </a>
        ) : null}
      </div>

      {/* Recharts focuses its layers on click; the outline would box part of the plot. Keyboard focus
          on the chart surface itself keeps its ring. */}
      <div className={`mt-4 ${CHART_AREA} [&_g:focus]:outline-none`}>
        {empty ? (
          <div className="flex h-full items-center justify-center rounded-md border border-dashed border-slate-300 px-6 text-center text-sm text-slate-600">
            <p>{emptyMessage}</p>
          </div>
        ) : (
          children
        )}
      </div>

      {showTable ? (
        <details className="mt-4 border-t border-slate-200 pt-3">
          <summary className="w-fit cursor-pointer rounded text-sm font-medium text-indigo-800 hover:underline">Show as table</summary>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" aria-describedby={descriptionId}>
              <caption className="mb-2 text-left text-xs text-slate-600">{table.caption ?? title}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-700">
                  {table.columns.map((c) => (
                    <th key={c.label} scope="col" className={`py-2 pr-3 font-medium last:pr-0 ${c.numeric ? "text-right" : ""}`}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.key} className="border-b border-slate-100 last:border-b-0">
                    <th scope="row" className={`py-2 pr-3 font-normal ${table.columns[0]?.numeric ? "text-right tabular-nums" : ""}`}>
                      {r.href ? (
                        <Link href={r.href} className="text-indigo-800 underline underline-offset-4">
                          {r.cells[0]}
                        </Link>
                      ) : (
                        r.cells[0]
                      )}
                    </th>
                    {r.cells.slice(1).map((cell, i) => (
                      <td key={table.columns[i + 1]?.label ?? i} className={`py-2 pr-3 text-slate-800 last:pr-0 ${table.columns[i + 1]?.numeric ? "text-right tabular-nums" : ""}`}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
