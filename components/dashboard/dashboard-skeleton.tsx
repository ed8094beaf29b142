import { CHART_AREA, CHART_GRID, HEADLINE_CARD_HEIGHT, HEADLINE_GRID } from "./layout";

const bar = "animate-pulse rounded bg-slate-200";

/** Loading state with the real page's grid and fixed heights: 5 headline cards, then chart cards. */
export function DashboardSkeleton({ charts = 4 }: { charts?: number }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading dashboard</span>
      <div aria-hidden="true" className="space-y-6">
        <div className="space-y-2">
          <div className={`h-8 w-64 max-w-full ${bar}`} />
          <div className={`h-4 w-96 max-w-full ${bar}`} />
        </div>
        <div className={HEADLINE_GRID}>
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className={`flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${HEADLINE_CARD_HEIGHT}`}>
              <div className={`h-4 w-24 ${bar}`} />
              <div className={`mt-2 h-7 w-32 ${bar}`} />
              <div className={`mt-2 h-4 w-40 max-w-full ${bar}`} />
              <div className={`mt-auto h-3 w-28 ${bar}`} />
            </div>
          ))}
        </div>
        <div className={CHART_GRID}>
          {Array.from({ length: charts }, (_, i) => (
            <div key={i} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              {/* Same line boxes as ChartCard: title 24px, description 20px, summary 20px. */}
              <div className={`h-6 w-48 ${bar}`} />
              <div className={`mt-1 h-5 w-72 max-w-full ${bar}`} />
              <div className={`mt-4 ${CHART_AREA} animate-pulse rounded-md bg-slate-100`} />
              <div className="mt-4 border-t border-slate-200 pt-3">
                <div className={`h-5 w-28 ${bar}`} />
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
