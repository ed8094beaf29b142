import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Deals" };

export default async function Page() {
  await requirePageActor("deal:read");
  return (
    <>
      <PageHeader title="Deals" description="Deals, the promises made on them and their alignment with the strategy." />
      <EmptyState title="No deals yet">
        <p>Deals you log, with their commitments and customer requests, will be listed here with their alignment score and the findings behind it.</p>
      </EmptyState>
    </>
  );
}
