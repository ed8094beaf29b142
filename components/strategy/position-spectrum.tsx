import { describePosition, formatPosition } from "@/lib/strategy/position";

/** The value-proposition spectrum, from −100 (make it for less) to +100 (sell it for more). */
export function PositionSpectrum({ position }: { position: number }) {
  const clamped = Math.max(-100, Math.min(100, position));
  const left = `${(clamped + 100) / 2}%`;
  const { label } = describePosition(clamped);
  return (
    <div>
      <p className="sr-only">
        Position {formatPosition(clamped)} on a scale from −100 (make it for less) to +100 (sell it for more): {label}.
      </p>
      <div aria-hidden="true">
        <div className="relative mx-3 mt-9 h-3 rounded-full bg-gradient-to-r from-sky-200 via-slate-200 to-indigo-300 print:border print:border-slate-400">
          <div className="absolute top-1/2 h-5 w-px -translate-y-1/2 bg-slate-500" style={{ left: "50%" }} />
          <div className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2" style={{ left }}>
            <div className="size-5 rounded-full border-2 border-white bg-indigo-700 shadow ring-1 ring-indigo-700" />
            <div className="absolute bottom-6 left-1/2 -translate-x-1/2 whitespace-nowrap rounded bg-indigo-700 px-1.5 py-0.5 text-xs font-semibold text-white">
              {formatPosition(clamped)}
            </div>
          </div>
        </div>
        <div className="mt-2 flex justify-between gap-4 text-xs font-medium text-slate-700">
          <span>−100 · Make it for less</span>
          <span className="text-right">Sell it for more · +100</span>
        </div>
      </div>
    </div>
  );
}

/** What the position means for scoring, in words. */
export function PositionMeaning({ position }: { position: number }) {
  const d = describePosition(position);
  return (
    <div className="text-sm text-slate-800">
      <p className="font-semibold">
        At {formatPosition(position)}: {d.label}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li>{capitalise(d.discounts)}.</li>
        <li>{capitalise(d.customWork)}.</li>
      </ul>
    </div>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
