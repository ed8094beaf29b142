"use client";

import { Input, TextArea } from "./fields";
import type { FormOf } from "./form-model";
import { PositionMeaning } from "./position-spectrum";

type Errors = Record<string, string[]> | null;

export const MISSION_FIELDS = {
  whoWeAre: "Who we are",
  whyWeAreHere: "Why we are here",
  whyItMatters: "Why it matters",
} as const;

export function MissionFields({ form, errors, onChange }: { form: FormOf["mission"]; errors: Errors; onChange: (f: FormOf["mission"]) => void }) {
  return (
    <div className="grid gap-4">
      {(Object.keys(MISSION_FIELDS) as (keyof typeof MISSION_FIELDS)[]).map((field) => (
        <TextArea
          key={field}
          id={`mission-${field}`}
          label={MISSION_FIELDS[field]}
          value={form[field]}
          onValue={(v) => onChange({ ...form, [field]: v })}
          errors={errors?.[field]}
          maxLength={2000}
        />
      ))}
    </div>
  );
}

export const VALUE_FIELDS = { valuePosition: "Position", valueRationale: "Rationale" } as const;

export function ValuePropositionFields({
  form, errors, onChange,
}: { form: FormOf["valueProposition"]; errors: Errors; onChange: (f: FormOf["valueProposition"]) => void }) {
  const parsed = Number(form.valuePosition);
  const valid = form.valuePosition.trim() !== "" && Number.isFinite(parsed);
  const position = valid ? Math.max(-100, Math.min(100, Math.round(parsed))) : 0;
  const positionErrors = errors?.valuePosition;
  return (
    <div className="grid gap-5">
      <div>
        <div className="grid items-start gap-4 sm:grid-cols-[1fr_11rem]">
          <div className="space-y-1">
            <label htmlFor="valueProposition-slider" className="block text-sm font-medium text-slate-800">
              Position on the spectrum
            </label>
            <input
              id="valueProposition-slider"
              type="range"
              min={-100}
              max={100}
              step={1}
              value={position}
              onChange={(e) => onChange({ ...form, valuePosition: e.target.value })}
              aria-valuetext={`${position} (${position < 0 ? "towards make it for less" : position > 0 ? "towards sell it for more" : "balanced"})`}
              className="block h-10 w-full accent-indigo-700"
            />
            <div className="flex justify-between text-xs font-medium text-slate-700" aria-hidden="true">
              <span>−100 · Make it for less</span>
              <span>0</span>
              <span>Sell it for more · +100</span>
            </div>
          </div>
          <Input
            id="valueProposition-valuePosition"
            label="Position (−100 to +100)"
            type="number"
            inputMode="numeric"
            min={-100}
            max={100}
            step={1}
            value={form.valuePosition}
            onValue={(v) => onChange({ ...form, valuePosition: v })}
            errors={positionErrors}
          />
        </div>
      </div>
      <div className="rounded-md border border-indigo-200 bg-indigo-50/60 p-4">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-indigo-900">What this means for scoring</h3>
        <div className="mt-2" aria-live="polite">
          <PositionMeaning position={position} />
        </div>
      </div>
      <TextArea
        id="valueProposition-valueRationale"
        label="Rationale"
        hint="Why this position: what customers pay us for, or how we keep costs low."
        value={form.valueRationale}
        onValue={(v) => onChange({ ...form, valueRationale: v })}
        errors={errors?.valueRationale}
        rows={4}
        maxLength={4000}
      />
    </div>
  );
}
