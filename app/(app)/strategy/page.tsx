import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Strategy" };

export default async function Page() {
  await requirePageActor("strategy:read");
  return (
    <>
      <PageHeader title="Strategy" description="The mission, the value proposition and the rules every deal is scored against." />
      <EmptyState title="No strategy has been published yet">
        <p>When leadership publishes the first strategy version, its one-page brief appears here: who we sell to and who we do not, what we sell, what we say no to, and the discount policy.</p>
      </EmptyState>
    </>
  );
}
