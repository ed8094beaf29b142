import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { DraftWorkspace } from "@/components/strategy/draft-workspace";
import { PageHeader } from "@/components/ui/empty-state";
import { requirePageActor, type Actor } from "@/lib/auth/guard";
import { listScopeOptions } from "@/lib/strategy/queries";
import { getDraft, listVersions } from "@/lib/strategy/versions";
import { importStrategyAction, publishAction, saveSectionAction, startDraftAction } from "../actions";

export const metadata: Metadata = { title: "Draft strategy" };

// The guard runs before anything streams, so a rep gets a real 403; the data loads behind a skeleton.
// (This route sits outside the (everyone) group and its loading.tsx for that reason.)
export default async function DraftPage() {
  const actor = await requirePageActor("strategy:edit");
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Draft actor={actor} />
    </Suspense>
  );
}

async function Draft({ actor }: { actor: Actor }) {
  const [draft, versions, scopes] = await Promise.all([getDraft(actor), listVersions(actor), listScopeOptions(actor)]);
  const latestNumber = versions.reduce<number | null>((max, v) => (v.number !== null && (max === null || v.number > max) ? v.number : max), null);
  return (
    <>
      <PageHeader
        title="Draft strategy"
        description={
          draft
            ? `${latestNumber ? `Started from version ${latestNumber}.` : "The first version."} Each section saves on its own; publish when the draft is ready.`
            : "Leadership writes the next version of the strategy here."
        }
        actions={
          <nav aria-label="Strategy" className="flex flex-wrap gap-4 text-sm font-medium">
            <Link href="/strategy" className="text-indigo-800 underline underline-offset-4">Brief</Link>
            <Link href="/strategy/versions" className="text-indigo-800 underline underline-offset-4">Versions</Link>
            {draft ? <Link href="/strategy/whatif" className="text-indigo-800 underline underline-offset-4">What-if: score the pipeline against this draft</Link> : null}
          </nav>
        }
      />
      <DraftWorkspace
        draft={
          draft
            ? {
                versionId: draft.id,
                revision: draft.revision,
                content: {
                  mission: draft.mission, valueProposition: draft.valueProposition, segments: draft.segments,
                  capabilities: draft.capabilities, guardrails: draft.guardrails, products: draft.products, targets: draft.targets,
                },
              }
            : null
        }
        latestNumber={latestNumber}
        scopes={scopes}
        actions={{ start: startDraftAction, save: saveSectionAction, publish: publishAction, importFile: importStrategyAction }}
      />
    </>
  );
}
