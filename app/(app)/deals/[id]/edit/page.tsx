import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/empty-state";
import { DealForm, type DealFormValues } from "@/components/deals/deal-form";
import { requirePageActor } from "@/lib/auth/guard";
import { dealFormOptions } from "@/lib/deals/form-options";
import { getDeal } from "@/lib/deals/queries";
import { AppError } from "@/lib/errors";
import { createAccountAction, previewScoreAction, updateDealAction } from "../../actions";

export const metadata: Metadata = { title: "Edit deal" };

export default async function EditDealPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("deal:write");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const deal = await getDeal(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const options = await dealFormOptions(actor);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
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
