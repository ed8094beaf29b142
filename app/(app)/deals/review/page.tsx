import type { Metadata } from "next";
import Link from "next/link";
import { formatAmount } from "@/components/deals/format";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { FindingItem, ScoreBadge } from "@/components/deals/findings";
import { requirePageActor } from "@/lib/auth/guard";
import { reviewQueue } from "@/lib/deals/queries";

export const metadata: Metadata = { title: "Review queue" };


export default async function ReviewQueuePage() {
  const actor = await requirePageActor("deal:review");
  const queue = await reviewQueue(actor);
  return (
    <>
      <PageHeader title="Review queue" description="Open off-strategy deals of your team, worst first. Approve an exception, request changes or comment on each." />
      {queue.length === 0 ? (
        <EmptyState title="Nothing to review">
          <p>No open deal of your team is off-strategy right now. Flagged deals appear here as soon as they are saved.</p>
        </EmptyState>
      ) : (
        <ol className="space-y-4">
          {queue.map((d) => (
            <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-base font-semibold"><Link href={`/deals/${d.id}`} className="text-indigo-800 hover:underline">{d.name}</Link></h2>
                <ScoreBadge score={d.score} offStrategy />
              </div>
              <p className="text-sm text-slate-600">{d.account.name} · {formatAmount(d.amount)} · {d.owner.name}{d.reviewState === "changes_requested" ? " · changes requested, waiting for the rep" : ""}</p>
              <ul className="mt-3 space-y-2">{d.findings.slice(0, 3).map((f, i) => <FindingItem key={i} finding={f} />)}</ul>
              {d.findings.length > 3 ? <p className="mt-2 text-sm"><Link href={`/deals/${d.id}`} className="text-indigo-800 underline">{d.findings.length - 3} more findings</Link></p> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
