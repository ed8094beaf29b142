import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { listAccounts } from "@/lib/deals/accounts";
import { logRequestAction } from "../actions";
import { RequestForm } from "./request-form";

export const metadata: Metadata = { title: "Log a customer request" };

export default async function LogRequestPage() {
  const actor = await requirePageActor("deal:write");
  const accounts = await listAccounts(actor, { take: 5000 });
  return (
    <>
      <PageHeader title="Log a customer request" description="Heard something on a support call or at an event? Log what the customer asked for, even without a deal. Leadership sees it among the market signals." />
      <Card>
        {accounts.length ? <RequestForm action={logRequestAction} accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} /> : <p className="text-sm text-slate-600">Add an account first, from a new deal.</p>}
      </Card>
    </>
  );
}
