import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

// One field shell for every form: a label (visible, or visually hidden in table cells), the
// control, then its hint or its error, tied to the control with aria-describedby.
export const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 focus:border-indigo-600 aria-[invalid=true]:border-red-600";

type FieldProps = { label: string; name?: string; errors?: string[]; hint?: ReactNode; id?: string; hideLabel?: boolean; className?: string };

export function FieldShell({ label, name, errors, hint, id, hideLabel, className = "", children }: FieldProps & { children: ReactNode }) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={fieldId} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${fieldId}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${fieldId}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(fieldId: string, errors?: string[], hint?: ReactNode) {
  if (errors?.length) return `${fieldId}-error`;
  return hint ? `${fieldId}-hint` : undefined;
}

export function TextField({ label, name, errors, hint, id, hideLabel, className, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint} id={fieldId} hideLabel={hideLabel} className={className}>
      <input
        id={fieldId}
        name={name}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, errors, hint)}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({
  label, name, errors, hint, id, hideLabel, className, children, ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint} id={fieldId} hideLabel={hideLabel} className={className}>
      <select
        id={fieldId}
        name={name}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, errors, hint)}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
}

export function FormMessage({ result }: { result: { ok: boolean; message?: string } | null | undefined }) {
  return (
    <div aria-live="polite" role="status" className="min-h-5 text-sm">
      {result?.message ? (
        <p className={result.ok ? "text-emerald-800" : "text-red-700"}>{result.message}</p>
      ) : null}
    </div>
  );
}
