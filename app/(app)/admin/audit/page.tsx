import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { listAuditLog } from "@/lib/audit/list";

export const metadata: Metadata = { title: "Audit log" };

function summary(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor("audit:read");
  const requested = Number((await searchParams).page ?? 1);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const { entries, pages, total } = await listAuditLog(actor, { page });
  return (
    <>
      <PageHeader title="Audit log" description={`Every change made through Keel in ${actor.organizationName}: who, what, when, before and after. ${total} entries.`} />
      {entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          <p>Changes to people, teams, strategy and deals will be listed here as they happen.</p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Audit log entries, newest first</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">Action</th>
                <th scope="col" className="px-3 py-2">Record</th>
                <th scope="col" className="px-3 py-2">Before</th>
                <th scope="col" className="px-3 py-2">After</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {entries.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2"><time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time></td>
                  <td className="px-3 py-2">{e.actorName}</td>
                  <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                  <td className="px-3 py-2">{e.entityType}</td>
                  <td className="max-w-xs break-all px-3 py-2 font-mono text-xs text-slate-600">{summary(e.before)}</td>
                  <td className="max-w-xs break-all px-3 py-2 font-mono text-xs text-slate-600">{summary(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Audit log pages" className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 ? <Link className="text-indigo-800 underline" href={`/admin/audit?page=${page - 1}`}>Newer</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link className="text-indigo-800 underline" href={`/admin/audit?page=${page + 1}`}>Older</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
