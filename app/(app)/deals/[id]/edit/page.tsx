import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/empty-state";
import { DealForm, type DealFormValues } from "@/components/deals/deal-form";
import { requirePageActor } from "@/lib/auth/guard";
import { dealFormOptions } from "@/lib/deals/form-options";
import { isoDay } from "@/lib/dates";
import { loadDealOr404 } from "../load";
import { createAccountAction, previewScoreAction, updateDealAction } from "../../actions";

export const metadata: Metadata = { title: "Edit deal" };

export default async function EditDealPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("deal:write");
  const { id } = await params;
  const deal = await loadDealOr404(actor, id);
  const options = await dealFormOptions(actor);
  const day = (d: Date | null) => isoDay(d) ?? "";
  const initial: DealFormValues = {
    accountId: deal.accountId, name: deal.name, stage: deal.stage.toLowerCase(), expectedCloseDate: day(deal.expectedCloseDate),
    primaryCriterion: deal.primaryCriterion ?? "", notes: deal.notes,
    lineItems: deal.lineItems.map((l) => ({ productKey: l.productKey, quantity: String(l.quantity), unitPrice: String(l.unitPrice), discountPct: String(l.discountPct) })),
    commitments: deal.commitments.map((c) => ({ text: c.text, kind: c.kind, dueDate: day(c.dueDate) })),
    requests: deal.requests.map((r) => ({ text: r.text })),
  };
  return (
    <>
      <PageHeader title={`Edit ${deal.name}`} description="Saving re-scores the deal against the current strategy. If it is still off-strategy it goes back to your manager's queue." />
      <DealForm {...options} initial={initial} dealId={deal.id} revision={deal.revision} save={updateDealAction} preview={previewScoreAction} createAccount={createAccountAction} />
    </>
  );
}
