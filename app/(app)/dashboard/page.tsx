import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function Page() {
  await requirePageActor("deal:read");
  return (
    <>
      <PageHeader title="Dashboard" description="How much of the pipeline is on strategy, and where it drifts." />
      <EmptyState title="Nothing to chart yet">
        <p>Once deals are logged and scored, this dashboard shows the aligned share of the pipeline, open off-strategy promises, discounts against policy and target attainment.</p>
      </EmptyState>
    </>
  );
}
