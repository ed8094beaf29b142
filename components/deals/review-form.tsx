"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** A manager's decision on a flagged deal: approve an exception, request changes, or comment. */
export function ReviewForm({ action, dealId, revision, offStrategy }: { action: FormAction; dealId: string; revision: number; offStrategy: boolean }) {
  const ref = useRef<HTMLFormElement>(null);
  const f = useFormAction(action, ref);
  return (
    <form ref={ref} onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label="Review this deal">
      <input type="hidden" name="dealId" value={dealId} />
      <input type="hidden" name="revision" value={revision} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Decision</legend>
        {offStrategy ? (
          <>
            <label className="flex items-center gap-2 text-sm"><input type="radio" name="kind" value="request_changes" defaultChecked /> Request changes</label>
            <label className="flex items-center gap-2 text-sm"><input type="radio" name="kind" value="approve_exception" /> Approve an exception</label>
          </>
        ) : null}
        <label className="flex items-center gap-2 text-sm"><input type="radio" name="kind" value="comment" defaultChecked={!offStrategy} /> Comment only</label>
      </fieldset>
      <div>
        <label htmlFor="review-body" className="block text-sm font-medium">Reason or comment</label>
        <textarea id="review-body" name="body" rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-invalid={f.errors?.body ? true : undefined} aria-describedby={f.errors?.body ? "review-body-error" : undefined} />
        {f.errors?.body ? <p id="review-body-error" className="text-sm text-red-700">{f.errors.body.join(" ")}</p> : null}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={f.pending}>{f.pending ? "Sending…" : "Send"}</Button>
        <FormMessage result={f.message} />
      </div>
    </form>
  );
}
