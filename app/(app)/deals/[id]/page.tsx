import type { Metadata } from "next";
import Link from "next/link";
import { formatAmount } from "@/components/deals/format";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { FindingList, ScoreBadge, SubScores } from "@/components/deals/findings";
import { ReviewForm } from "@/components/deals/review-form";
import { requirePageActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { loadDealOr404 } from "./load";
import { COMMITMENT_KIND_LABEL, STAGE_LABEL } from "@/lib/validations/deal";
import type { ScoreResult } from "@/lib/scoring/types";
import { reviewDealAction } from "../actions";
import { answersForDeal } from "@/lib/signals/queries";
import { THEME_STATUS_LABEL } from "@/lib/validations/signals";

export const metadata: Metadata = { title: "Deal" };

const REVIEW_LABEL: Record<string, string> = { approve_exception: "approved an exception", request_changes: "requested changes", comment: "commented" };

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("deal:read");
  const deal = await loadDealOr404(actor, (await params).id);
  const answers = await answersForDeal(deal.id, actor.organizationId);
  const latest = deal.scores[0];
  const stage = deal.stage.toLowerCase() as keyof typeof STAGE_LABEL;
  const canReview = can(actor.role, "deal:review") && deal.ownerId !== actor.userId;
  return (
    <>
      <PageHeader
        title={deal.name}
        description={`${deal.account.name} · ${STAGE_LABEL[stage]} · ${formatAmount(deal.amount)} · owner ${deal.owner.name}${deal.expectedCloseDate ? ` · closes ${deal.expectedCloseDate.toISOString().slice(0, 10)}` : ""}`}
        actions={<Link href={`/deals/${deal.id}/edit`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Edit deal</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card title="Alignment with the strategy">
            {latest ? (
              <div className="space-y-4">
                <div className="flex flex-wrap items-center gap-3">
                  <ScoreBadge score={latest.score} offStrategy={latest.offStrategy} />
                  <span className="text-sm text-slate-600">against strategy version {latest.versionNumber ?? "?"}</span>
                  {deal.reviewState === "changes_requested" ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Changes requested</span> : null}
                  {deal.reviewState === "approved" ? <span className="rounded bg-slate-800 px-2 py-0.5 text-xs font-semibold text-white">Exception approved</span> : null}
                </div>
                <SubScores subScores={latest.subScores as unknown as ScoreResult["subScores"]} />
                <FindingList result={latest} approved={deal.reviewState === "approved"} />
              </div>
            ) : (
              <p className="text-sm text-slate-600">Not scored: no strategy was published when this deal was saved.</p>
            )}
          </Card>
          <Card title="What was promised">
            {deal.commitments.length ? (
              <ul className="space-y-1 text-sm">
                {deal.commitments.map((c) => (
                  <li key={c.id}>“{c.text}” <span className="text-slate-600">· {COMMITMENT_KIND_LABEL[c.kind as keyof typeof COMMITMENT_KIND_LABEL] ?? c.kind}{c.dueDate ? ` · due ${c.dueDate.toISOString().slice(0, 10)}` : ""}</span></li>
                ))}
              </ul>
            ) : <p className="text-sm text-slate-600">No promises recorded.</p>}
            <h3 className="mt-4 text-sm font-semibold">What the customer asked for</h3>
            {deal.requests.length ? (
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {deal.requests.map((r) => {
                  const a = answers.get(r.id);
                  return (
                    <li key={r.id}>
                      {r.text}
                      {a ? (
                        <p className="mt-1 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-950 ring-1 ring-sky-200">
                          <strong>Leadership’s answer ({THEME_STATUS_LABEL[a.status as keyof typeof THEME_STATUS_LABEL] ?? a.status}):</strong> {a.answer || "no note"} <span className="text-xs text-sky-900">(theme “{a.theme}”)</span>
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : <p className="text-sm text-slate-600">No requests recorded.</p>}
          </Card>
          <Card title="Line items">
            {deal.lineItems.length ? (
              <table className="min-w-full text-left text-sm">
                <thead><tr className="text-slate-600"><th scope="col" className="py-1">Product</th><th scope="col">Quantity</th><th scope="col">Unit price</th><th scope="col">Discount</th></tr></thead>
                <tbody>{deal.lineItems.map((l) => <tr key={l.id}><td className="py-1">{l.productName}</td><td>{l.quantity}</td><td>{formatAmount(l.unitPrice)}</td><td>{l.discountPct} %</td></tr>)}</tbody>
              </table>
            ) : <p className="text-sm text-slate-600">No line items.</p>}
          </Card>
          <Card title="Score history">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Every scoring of this deal, newest first</caption>
              <thead><tr className="text-slate-600"><th scope="col" className="py-1">When</th><th scope="col">Strategy version</th><th scope="col">Deal revision</th><th scope="col">Score</th></tr></thead>
              <tbody>
                {deal.scores.map((s) => (
                  <tr key={s.id}><td className="py-1">{s.createdAt.toISOString().replace("T", " ").slice(0, 16)}</td><td>{s.versionNumber ?? "?"}</td><td>{s.dealRevision}</td><td><ScoreBadge score={s.score} offStrategy={s.offStrategy} /></td></tr>
                ))}
              </tbody>
            </table>
          </Card>
        </div>
        <aside className="space-y-6" aria-label="Review">
          <Card title="Review and comments">
            {deal.reviews.length ? (
              <ol className="mb-4 space-y-3 text-sm">
                {deal.reviews.map((r) => (
                  <li key={r.id} className="rounded-md bg-slate-50 p-2">
                    <p><strong>{r.authorName}</strong> {REVIEW_LABEL[r.kind] ?? r.kind} <span className="text-slate-600">· {r.createdAt.toISOString().slice(0, 10)}</span></p>
                    <p className="mt-1 whitespace-pre-line">{r.body}</p>
                  </li>
                ))}
              </ol>
            ) : <p className="mb-4 text-sm text-slate-600">No review yet.</p>}
            {canReview ? <ReviewForm action={reviewDealAction} dealId={deal.id} revision={deal.revision} offStrategy={deal.offStrategy} /> : null}
          </Card>
        </aside>
      </div>
    </>
  );
}
