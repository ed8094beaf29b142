import { THEME_STATUS_LABEL } from "@/lib/validations/signals";

/** A theme's answer as a badge: the word always, the colour as a second cue. */
export function StatusBadge({ status }: { status: string }) {
  const tone = status === "planned" ? "bg-sky-100 text-sky-900 ring-sky-300" : status === "declined" ? "bg-slate-200 text-slate-900 ring-slate-400" : status === "available" ? "bg-emerald-100 text-emerald-900 ring-emerald-300" : "bg-amber-50 text-amber-900 ring-amber-300";
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>{THEME_STATUS_LABEL[status as keyof typeof THEME_STATUS_LABEL] ?? status}</span>;
}

