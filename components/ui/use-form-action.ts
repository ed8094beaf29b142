"use client";

import { useActionState, useEffect, type RefObject } from "react";
import type { ActionResult } from "@/lib/auth/guard";

export type FormAction<T = string> = (prev: unknown, data: FormData) => Promise<ActionResult<T>>;

/**
 * A server action bound to a form: its field errors, its message for the live region, and
 * (when given the form's ref) a reset of the form after a success.
 */
export function useFormAction(action: FormAction, resetRef?: RefObject<HTMLFormElement | null>) {
  const [result, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) resetRef?.current?.reset();
  }, [result, resetRef]);
  return {
    formAction,
    pending,
    errors: result && !result.ok ? result.fieldErrors : undefined,
    message: result ? { ok: result.ok, message: result.ok ? result.data : result.message } : null,
  };
}
