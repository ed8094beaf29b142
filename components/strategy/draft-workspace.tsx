"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";
import { DraftEditor } from "./draft-editor";
import { FilePanel, PublishPanel, type ImportAction, type PublishAction } from "./draft-panels";
import { RescoreProgress } from "./rescore-progress";
import type { SectionContent } from "./form-model";
import type { ScopeOptions } from "./list-sections";
import type { SaveSectionAction } from "./use-draft";

export type StartDraftAction = (input?: unknown) => Promise<ActionResult<{ versionId: string; revision: number }>>;

/**
 * The /strategy/draft page's client side: starting a draft (never on GET), editing it, publishing
 * it, and what to do next once it is published. It stays mounted across the server's refreshes,
 * so the "published" outcome survives the draft disappearing from the page data.
 */
export function DraftWorkspace({
  draft, latestNumber, scopes, actions,
}: {
  draft: { versionId: string; revision: number; content: SectionContent } | null;
  latestNumber: number | null;
  scopes: ScopeOptions;
  actions: { start: StartDraftAction; save: SaveSectionAction; publish: PublishAction; importFile: ImportAction };
}) {
  const router = useRouter();
  const [published, setPublished] = useState<number | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [fileMessage, setFileMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [starting, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      setStartError(null);
      try {
        const result = await actions.start();
        if (!result.ok) {
          setStartError(result.message);
          return;
        }
      } catch {
        setStartError("Keel could not be reached. Try again.");
        return;
      }
      setPublished(null);
      router.refresh();
    });

  const nextNumber = (latestNumber ?? 0) + 1;
  const files = (
    <FilePanel importAction={actions.importFile} hasDraft={!!draft} onImported={() => router.refresh()} message={fileMessage} setMessage={setFileMessage} />
  );

  if (published !== null) {
    return (
      <section className="rounded-lg border border-emerald-300 bg-emerald-50 p-6" aria-labelledby="published-heading">
        <h2 id="published-heading" tabIndex={-1} ref={(el) => el?.focus()} className="text-lg font-semibold text-emerald-950">Version {published} is published</h2>
        <p className="mt-1 text-sm text-emerald-950">Everyone now sees it in the strategy brief, and reps are asked to acknowledge it.</p>
        <div className="mt-3">
          <RescoreProgress />
        </div>
        <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium">
          <li><Link href="/strategy" className="text-indigo-800 underline underline-offset-4">Read the brief</Link></li>
          <li><Link href={`/strategy/versions/${published}`} className="text-indigo-800 underline underline-offset-4">Version {published}</Link></li>
          {published > 1 ? (
            <li><Link href={`/strategy/compare?a=${published - 1}&b=${published}`} className="text-indigo-800 underline underline-offset-4">What changed since version {published - 1}</Link></li>
          ) : null}
          <li><Link href="/strategy/acknowledgements" className="text-indigo-800 underline underline-offset-4">Acknowledgements</Link></li>
        </ul>
        <div className="mt-5">
          <Button variant="secondary" onClick={start} disabled={starting}>{starting ? "Starting…" : `Start the draft of version ${published + 1}`}</Button>
          <p role="status" aria-live="polite" className="mt-2 text-sm text-red-700">{startError}</p>
        </div>
      </section>
    );
  }

  if (!draft) {
    return (
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section className="self-start rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" aria-labelledby="no-draft-heading">
          <h2 id="no-draft-heading" className="text-base font-semibold text-slate-900">There is no draft</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600">
            {latestNumber
              ? `A new draft starts as a copy of version ${latestNumber}, the one everyone sees now. Change what needs changing, section by section, then publish it as version ${nextNumber}.`
              : "Nothing has been published yet. Start the first draft and fill it section by section: mission, value proposition, segments, capabilities, guardrails, products and targets. Or import a strategy file."}
          </p>
          <Button className="mt-4" onClick={start} disabled={starting}>{starting ? "Starting…" : latestNumber ? "Start a draft" : "Start the first draft"}</Button>
          <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-red-700">{startError}</p>
        </section>
        <aside aria-label="Strategy file">{files}</aside>
      </div>
    );
  }

  return (
    <DraftEditor
      key={draft.versionId}
      versionId={draft.versionId}
      revision={draft.revision}
      content={draft.content}
      scopes={scopes}
      saveAction={actions.save}
      aside={({ dirtySections, latestRevision, showMissionErrors }) => (
        <>
          <PublishPanel
            versionId={draft.versionId}
            revision={latestRevision}
            nextNumber={nextNumber}
            dirtySections={dirtySections}
            publishAction={actions.publish}
            onPublished={(n) => {
              setPublished(n);
              window.scrollTo({ top: 0 });
            }}
            showMissionErrors={showMissionErrors}
          />
        </>
      )}
      after={files}
    />
  );
}
