import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { listImportRuns } from "@/lib/imports/runs";
import { ImportWizard } from "./wizard";

export const metadata: Metadata = { title: "Import from another CRM" };

const STATUS_LABEL: Record<string, string> = {
  draft: "Not started", queued: "Queued", running: "Running", done: "Finished", failed: "Stopped",
  rolling_back: "Rolling back", rolled_back: "Rolled back",
};

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const actor = await requirePageActor("import:run");
  const [runs, { run }] = await Promise.all([listImportRuns(actor), searchParams]);
  const open = runs.find((r) => r.id === run && r.status !== "draft");
  return (
    <>
      <PageHeader
        title="Import from another CRM"
        description="Upload CSV files of accounts, reps and teams, products and deals (one file per table, or one flat file). Keel suggests a mapping, shows every problem before anything is saved, and imports in the background. Importing the same files again changes nothing."
        actions={<Link href="/admin" className="text-sm font-medium text-indigo-800 underline underline-offset-4">Back to Admin</Link>}
      />
      <div className="space-y-6">
        <ImportWizard key={open?.id ?? "new"} initialRunId={open?.id ?? null} />
        <Card title="Earlier imports">
          {runs.filter((r) => r.status !== "draft").length === 0 ? (
            <EmptyState title="No imports yet">
              <p>Your imports appear here with what they created, updated and left unchanged; the latest one can be rolled back.</p>
            </EmptyState>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Earlier imports</caption>
              <thead className="text-slate-600">
                <tr><th scope="col" className="py-2">Started</th><th scope="col">Files</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Open</span></th></tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {runs.filter((r) => r.status !== "draft").map((r) => (
                  <tr key={r.id}>
                    <td className="py-2">{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                    <td>{r.files.map((f) => `${f.name} (${f.rowCount.toLocaleString("en")} rows)`).join(", ")}</td>
                    <td>{STATUS_LABEL[r.status] ?? r.status}</td>
                    <td><Link className="font-medium text-indigo-800 underline underline-offset-4" href={`/admin/import?run=${r.id}`}>Open import of {r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
