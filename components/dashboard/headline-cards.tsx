import Link from "next/link";
import type { Headline } from "@/lib/dashboard/types";
import { changeTone, computeChange, formatFigure, type ChangeTone } from "./format";
import { HEADLINE_CARD_HEIGHT, HEADLINE_GRID } from "./layout";

// Good and bad news are worded as well as coloured (arrow + "better"/"worse"), never colour alone.
const TONE: Record<ChangeTone, { text: string; word: string }> = {
  good: { text: "text-emerald-800", word: "better" },
  bad: { text: "text-red-800", word: "worse" },
  neutral: { text: "text-slate-600", word: "" },
};
const ARROW = { up: "▲", down: "▼", flat: "▬" } as const;

/** The row of headline figures; each card links to the deals behind its figure. */
export function HeadlineCards({ headlines }: { headlines: Headline[] }) {
  return (
    <ul role="list" className={HEADLINE_GRID}>
      {headlines.map((h) => (
        <li key={h.key} className="flex">
          <HeadlineCard headline={h} />
        </li>
      ))}
    </ul>
  );
}

function HeadlineCard({ headline: h }: { headline: Headline }) {
  const change = computeChange(h.value, h.previous, h.unit);
  const tone = change ? TONE[changeTone(change.direction, h.better)] : null;
  return (
    <Link
      href={h.href}
      className={`flex w-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-slate-400 hover:bg-slate-50 ${HEADLINE_CARD_HEIGHT}`}
    >
      <span className="text-sm font-medium text-slate-700">{h.label}</span>
      <span className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
        {h.value === null ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="sr-only">No data</span>
          </>
        ) : (
          formatFigure(h.value, h.unit)
        )}
      </span>
      {change && tone ? (
        <span className={`mt-1 text-sm font-medium ${tone.text}`}>
          <span aria-hidden="true">{ARROW[change.direction]} </span>
          {change.direction === "flat" ? "No change vs previous period" : `${change.text} vs previous period`}
          {tone.word ? <span className="font-normal"> · {tone.word}</span> : null}
        </span>
      ) : (
        <span className="mt-1 text-sm text-slate-600">No previous data</span>
      )}
      <span className="mt-auto pt-2 text-xs text-slate-600">{h.hint}</span>
    </Link>
  );
}
