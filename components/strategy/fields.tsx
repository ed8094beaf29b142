// Controlled inputs for the draft editor. Every input has a label (visible, or for table cells
// visually hidden), and its field message right under it, tied with aria-describedby.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { control, describedBy, FieldShell } from "@/components/ui/field";

export { control };

type Common = { id: string; label: string; errors?: string[]; hint?: ReactNode; hideLabel?: boolean; className?: string };
type Controlled = { value: string; onValue: (v: string) => void };

// The editor's inputs are controlled (value + onValue) around the shared field shell.
export function Input({ id, label, errors, hint, hideLabel, className, value, onValue, ...props }: Common & Controlled & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "id">) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} hideLabel={hideLabel} className={className}>
      <input id={id} value={value} onChange={(e) => onValue(e.target.value)} className={control} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} {...props} />
    </FieldShell>
  );
}

export function TextArea({ id, label, errors, hint, hideLabel, className, inputClassName = "", value, onValue, ...props }: Common & Controlled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "id"> & { inputClassName?: string }) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} hideLabel={hideLabel} className={className}>
      <textarea id={id} value={value} onChange={(e) => onValue(e.target.value)} className={`${control} ${inputClassName}`} rows={3} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} {...props} />
    </FieldShell>
  );
}

export function Select({ id, label, errors, hint, hideLabel, className, value, onValue, children, ...props }: Common & Controlled & Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "id">) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} hideLabel={hideLabel} className={className}>
      <select id={id} value={value} onChange={(e) => onValue(e.target.value)} className={control} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}

export function Badge({ tone = "slate", children }: { tone?: "slate" | "amber" | "emerald" | "indigo" | "red"; children: ReactNode }) {
  const tones = {
    slate: "bg-slate-100 text-slate-800 ring-slate-300",
    amber: "bg-amber-50 text-amber-900 ring-amber-300",
    emerald: "bg-emerald-50 text-emerald-900 ring-emerald-300",
    indigo: "bg-indigo-50 text-indigo-900 ring-indigo-300",
    red: "bg-red-50 text-red-900 ring-red-300",
  } as const;
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}

/** Moves the keyboard to the first field of a row just added (after React has rendered it). */
export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
