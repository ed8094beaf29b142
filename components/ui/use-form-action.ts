"use client";

import { startTransition, useActionState, useEffect, type FormEvent, type RefObject } from "react";
import type { ActionResult } from "@/lib/auth/guard";

export type FormAction<T = string> = (prev: unknown, data: FormData) => Promise<ActionResult<T>>;

/**
 * A server action bound to a form: its field errors, its message for the live region, and
 * (when given the form's ref) a reset of the form after a success only. Submitting through
 * onSubmit rather than `action=` keeps React from clearing the fields after a refused save,
 * so a user never retypes what they wrote.
 */
export function useFormAction<T = string>(action: FormAction<T>, resetRef?: RefObject<HTMLFormElement | null>) {
  const [result, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) resetRef?.current?.reset();
  }, [result, resetRef]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return {
    onSubmit,
    pending,
    result,
    errors: result && !result.ok ? result.fieldErrors : undefined,
    // With field errors the fields say what is wrong; the live region only points at them.
    message: result
      ? { ok: result.ok, message: result.ok ? result.data : result.fieldErrors ? "Some fields need attention." : result.message }
      : null,
  };
}
