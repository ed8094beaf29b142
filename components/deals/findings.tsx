import type { Finding, ScoreResult } from "@/lib/scoring/types";

const SEVERITY = {
  critical: { label: "Critical", badge: "bg-red-100 text-red-900 ring-red-300", icon: "✕" },
  warning: { label: "Warning", badge: "bg-amber-100 text-amber-900 ring-amber-300", icon: "!" },
  info: { label: "Info", badge: "bg-sky-100 text-sky-900 ring-sky-300", icon: "i" },
} as const;

export function ScoreBadge({ score, offStrategy }: { score: number | null; offStrategy: boolean }) {
  if (score === null) return <span className="text-sm text-slate-600">Not scored</span>;
  const tone = offStrategy ? "bg-red-700 text-white" : score >= 80 ? "bg-emerald-700 text-white" : "bg-amber-600 text-white";
  return (
    <span className="inline-flex items-center gap-2">
      <span className={`inline-flex min-w-10 justify-center rounded-md px-2 py-0.5 text-sm font-semibold ${tone}`}>{score}</span>
      {offStrategy ? <span className="text-sm font-medium text-red-800">Off-strategy</span> : null}
    </span>
  );
}

export function FindingItem({ finding, approved }: { finding: Finding; approved?: boolean }) {
  const s = SEVERITY[finding.severity];
  const matched = finding.evidence.matched;
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${s.badge}`}>
          <span aria-hidden="true">{s.icon}</span> {s.label}
        </span>
        {finding.points ? <span className="text-xs text-slate-600">−{finding.points} points</span> : null}
        {approved && finding.severity === "critical" ? (
          <span className="rounded bg-slate-800 px-1.5 py-0.5 text-xs font-semibold text-white">Exception approved</span>
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-900">{finding.message}</p>
      {finding.evidence.text || matched !== undefined ? (
        <p className="mt-1 text-xs text-slate-600">
          {finding.evidence.text ? <>You wrote “{finding.evidence.text}”. </> : null}
          {matched ? (
            <>
              Matched the {matched.kind} <strong className="font-semibold text-slate-800">{matched.name}</strong>
              {matched.via !== matched.name ? <> (via “{matched.via}”)</> : null} on the words {matched.matchedWords.map((w) => `“${w}”`).join(", ")}
              , strength {Math.round(matched.strength * 100)} %.
            </>
          ) : matched === null ? (
            <>Nothing in the catalog matches it.</>
          ) : null}
        </p>
      ) : null}
      <p className="mt-1 text-sm text-slate-700">
        <span className="font-medium">What to do: </span>
        {finding.remedy}
      </p>
    </li>
  );
}

export function FindingList({ result, approved, empty }: { result: Pick<ScoreResult, "findings">; approved?: boolean; empty?: string }) {
  if (!result.findings.length) return <p className="text-sm text-emerald-800">{empty ?? "No findings: this deal is on strategy."}</p>;
  return (
    <ul className="space-y-2">
      {result.findings.map((f, i) => (
        <FindingItem key={`${f.ruleId}-${i}`} finding={f} approved={approved} />
      ))}
    </ul>
  );
}

const AREA_LABEL = { promiseIntegrity: "Promises", pricingDiscipline: "Pricing", segmentFit: "Segment", valuePropositionFit: "Value proposition" } as const;

export function SubScores({ subScores }: { subScores: ScoreResult["subScores"] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
      {(Object.keys(AREA_LABEL) as (keyof typeof AREA_LABEL)[]).map((area) => (
        <div key={area} className="rounded-md bg-slate-100 px-2 py-1">
          <dt className="text-xs text-slate-600">{AREA_LABEL[area]}</dt>
          <dd className="font-semibold">{subScores[area]}</dd>
        </div>
      ))}
    </dl>
  );
}
