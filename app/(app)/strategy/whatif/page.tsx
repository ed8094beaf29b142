import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { WhatIfControls } from "@/components/whatif/whatif-controls";
import { WhatIfResult } from "@/components/whatif/whatif-result";
import { requirePageActor, type Actor } from "@/lib/auth/guard";
import { compareVersions } from "@/lib/strategy/compare";
import { latestPublished } from "@/lib/strategy/content";
import { getDraft } from "@/lib/strategy/versions";
import { describeChanges } from "@/lib/whatif/compare";
import { agreementOf, latestWhatIf, moversOf, summaryNames } from "@/lib/whatif/queries";
import { cancelWhatIfAction, runWhatIfAction } from "../actions";

export const metadata: Metadata = { title: "What-if" };

// Leadership only: the guard runs before anything streams, so a rep gets a real 403.
export default async function WhatIfPage() {
  const actor = await requirePageActor("strategy:edit");
  return (
    <Suspense fallback={<PageSkeleton />}>
      <WhatIf actor={actor} />
    </Suspense>
  );
}

async function WhatIf({ actor }: { actor: Actor }) {
  const [draft, base, run] = await Promise.all([getDraft(actor), latestPublished(actor.organizationId), latestWhatIf(actor)]);
  const complete = run?.summary && run.status === "done" ? run : null;
  const [names, movers, published] = complete
    ? await Promise.all([summaryNames(actor, complete.strategy), moversOf(actor, { id: complete.id, strategy: complete.strategy, summary: complete.summary! }), agreementOf(actor, complete)])
    : [null, [], null];
  const changes = draft && base ? describeChanges(compareVersions(base, draft)) : [];
  return (
    <>
      <PageHeader
        title="What-if"
        description="Score every open deal against the draft before you publish it, and see which deals would change between aligned and off-strategy, and why. Nothing is stored as a real score."
        actions={
          <nav aria-label="Strategy" className="flex flex-wrap gap-4 text-sm font-medium">
            <Link href="/strategy/draft" className="text-indigo-800 underline underline-offset-4">Draft</Link>
            <Link href="/strategy" className="text-indigo-800 underline underline-offset-4">Brief</Link>
          </nav>
        }
      />
      <div className="space-y-6">
        <Card title={draft ? "The draft" : "No draft"}>
          {draft ? <ChangeList changes={changes} basedOn={base?.number ?? null} /> : null}
          {draft && (!run || run.versionId !== draft.id || run.stale) ? (
            <p className="mb-3 text-sm text-slate-700">
              {run?.stale && run.versionId === draft.id
                ? "The draft changed after the last what-if, so its result below no longer describes the draft. Run it again."
                : "Run what-if to score the open pipeline against this draft."}
            </p>
          ) : null}
          <WhatIfControls
            draft={draft ? { versionId: draft.id, revision: draft.revision } : null}
            initial={run ? { id: run.id, status: run.status, done: run.done, total: run.total, error: run.error, stale: run.stale } : null}
            runAction={runWhatIfAction}
            cancelAction={cancelWhatIfAction}
          />
          {run?.status === "cancelled" ? <p className="mt-3 text-sm text-slate-700">The last what-if was cancelled before it finished; it has no result.</p> : null}
          {run?.status === "failed" ? <p role="alert" className="mt-3 text-sm text-red-800">The last what-if stopped: {run.error ?? "unknown error"}. Run it again; if it stops again, tell your admin.</p> : null}
        </Card>
        {complete && names ? (
          <WhatIfResult run={complete} names={names} movers={movers} published={published} />
        ) : !run ? (
          <EmptyState title="No what-if yet">
            A what-if scores every open deal against the draft exactly as publishing would, and compares the result with today&apos;s scores: how many deals and how much value turn off-strategy or aligned, which rules cause it, who and what is most affected, and the ten deals that move most.
          </EmptyState>
        ) : null}
      </div>
    </>
  );
}

function ChangeList({ changes, basedOn }: { changes: string[]; basedOn: number | null }) {
  if (basedOn === null) return <p className="mb-3 text-sm text-slate-700">This is the first version: every deal is scored for the first time.</p>;
  if (!changes.length) return <p className="mb-3 text-sm text-slate-700">The draft changes nothing that scoring uses since version {basedOn}.</p>;
  return (
    <div className="mb-4">
      <p className="text-sm font-medium text-slate-800">What the draft changes since version {basedOn}, as far as scoring goes:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
        {changes.slice(0, 12).map((c) => <li key={c}>{c}</li>)}
        {changes.length > 12 ? <li>and {changes.length - 12} more</li> : null}
      </ul>
    </div>
  );
}
