import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Market signals" };

export default async function Page() {
  await requirePageActor("signals:read");
  return (
    <>
      <PageHeader title="Market signals" description="What customers keep asking for, grouped into themes." />
      <EmptyState title="No customer requests yet">
        <p>When reps log what customers ask for, the requests are grouped into themes here, with the accounts, reps and revenue behind each, for leadership to answer.</p>
      </EmptyState>
    </>
  );
}
