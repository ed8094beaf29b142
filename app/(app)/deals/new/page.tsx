import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/empty-state";
import { DealForm } from "@/components/deals/deal-form";
import { requirePageActor } from "@/lib/auth/guard";
import { dealFormOptions } from "@/lib/deals/form-options";
import { createAccountAction, createDealAction, previewScoreAction } from "../actions";

export const metadata: Metadata = { title: "New deal" };

export default async function NewDealPage() {
  const actor = await requirePageActor("deal:write");
  const options = await dealFormOptions(actor);
  return (
    <>
      <PageHeader title="New deal" description="Log the deal, what you promised and what the customer asked for. The score on the right updates as you type." />
      <DealForm {...options} save={createDealAction} preview={previewScoreAction} createAccount={createAccountAction} />
    </>
  );
}
