import type { Metadata } from "next";
import Link from "next/link";
import { CompareForm } from "@/components/strategy/compare-form";
import { formatDate, formatDateTime } from "@/components/strategy/format";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listVersions } from "@/lib/strategy/versions";

export const metadata: Metadata = { title: "Strategy versions" };

const link = "font-medium text-indigo-800 underline underline-offset-4";

export default async function VersionsPage() {
  const actor = await requirePageActor("strategy:read");
  const versions = await listVersions(actor);
  const draft = versions.find((v) => v.status === "DRAFT");
  const published = versions.filter((v) => v.status === "PUBLISHED" && v.number !== null);
  const numbers = published.map((v) => v.number!);
  return (
    <>
      <PageHeader
        title="Strategy versions"
        description="Every published version stays as it was. Compare any two to see what changed."
        actions={<Link href="/strategy" className={`text-sm ${link}`}>Back to the brief</Link>}
      />
      <div className="space-y-6">
        {draft && can(actor.role, "strategy:edit") ? (
          <Card title="Draft">
            <p className="text-sm text-slate-700">
              Being written: last saved {formatDateTime(draft.updatedAt)}. Only leadership sees it.{" "}
              <Link href="/strategy/draft" className={link}>Open the draft</Link>
            </p>
          </Card>
        ) : null}
        {published.length === 0 ? (
          <EmptyState title="No version has been published yet">
            <p>{can(actor.role, "strategy:edit") ? "Publish the draft to create version 1." : "Leadership has not published a strategy yet."}</p>
          </EmptyState>
        ) : (
          <>
            {published.length > 1 ? (
              <Card title="Compare two versions">
                <CompareForm numbers={numbers} />
              </Card>
            ) : null}
            <Card title={`Published versions (${published.length})`}>
              <div className="relative overflow-x-auto">
                <table className="w-full min-w-[36rem] text-sm">
                  <thead>
                    <tr className="border-b border-slate-200 text-left">
                      <th scope="col" className="py-2 pr-4 font-semibold">Version</th>
                      <th scope="col" className="py-2 pr-4 font-semibold">Published</th>
                      <th scope="col" className="py-2 pr-4 font-semibold">Why it changed</th>
                      <th scope="col" className="py-2 text-right font-semibold">Acknowledged by</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {published.map((v, i) => (
                      <tr key={v.id} className="align-top">
                        <th scope="row" className="py-3 pr-4 text-left font-normal">
                          <Link href={`/strategy/versions/${v.number}`} className={link}>Version {v.number}</Link>
                          {i === 0 ? <span className="ml-2 rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-900 ring-1 ring-indigo-300">current</span> : null}
                        </th>
                        <td className="py-3 pr-4 whitespace-nowrap">
                          {formatDate(v.publishedAt)}
                          <span className="block text-slate-600">by {v.publishedByName ?? "—"}</span>
                        </td>
                        <td className="py-3 pr-4 whitespace-pre-line">
                          {v.changeNote ?? "—"}
                          {published[i + 1] ? (
                            <Link href={`/strategy/compare?a=${published[i + 1]!.number}&b=${v.number}`} className={`mt-1 block ${link}`}>
                              Changes since version {published[i + 1]!.number}
                            </Link>
                          ) : null}
                        </td>
                        <td className="py-3 text-right tabular-nums">
                          {v._count.acknowledgements} {v._count.acknowledgements === 1 ? "person" : "people"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
