import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { listAccounts } from "@/lib/deals/accounts";
import { logRequestAction } from "../actions";
import { RequestForm } from "./request-form";
import Link from "next/link";
import { myRequests } from "@/lib/signals/queries";
import { THEME_STATUS_LABEL } from "@/lib/validations/signals";

export const metadata: Metadata = { title: "Log a customer request" };

export default async function LogRequestPage() {
  const actor = await requirePageActor("deal:write");
  const [accounts, mine] = await Promise.all([listAccounts(actor, { take: 5000 }), myRequests(actor)]);
  return (
    <>
      <PageHeader title="Log a customer request" description="Heard something on a support call or at an event? Log what the customer asked for, even without a deal. Leadership sees it among the market signals." />
      <Card>
        {accounts.length ? <RequestForm action={logRequestAction} accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} /> : <p className="text-sm text-slate-600">Add an account first, from a new deal.</p>}
      </Card>
      <section aria-labelledby="mine-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="mine-title" className="text-base font-semibold text-slate-900">Your requests and leadership’s answers</h2>
          <a href="/api/requests/export?mine=1" download className="text-sm font-medium text-indigo-800 underline underline-offset-4">Export as CSV</a>
        </div>
        {mine.length === 0 ? <p className="mt-2 text-sm text-slate-600">You have not logged a customer request yet.</p> : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {mine.map((r) => (
              <li key={r.id} className="py-2">
                <p className="text-slate-900">“{r.text}”</p>
                <p className="text-xs text-slate-600">{r.createdAt} · {r.account}{r.dealId ? <> · <Link className="underline" href={`/deals/${r.dealId}`}>{r.deal}</Link></> : null}</p>
                {r.insight === "enablement_gap" ? <p className="mt-1 text-sm text-emerald-900">We already offer this: see the strategy brief.</p> : null}
                {r.status && r.status !== "open" ? (
                  <p className="mt-1 rounded-md bg-sky-50 px-3 py-2 text-sky-950 ring-1 ring-sky-200">
                    <strong>Leadership’s answer ({THEME_STATUS_LABEL[r.status as keyof typeof THEME_STATUS_LABEL] ?? r.status}):</strong> {r.answer || "no note"}
                  </p>
                ) : r.theme ? <p className="mt-1 text-xs text-slate-600">Grouped with similar requests as “{r.theme}”; not answered yet.</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
