import type { Metadata } from "next";
import Link from "next/link";
import { formatAmount } from "@/components/deals/format";
import { AnswerForm, MergeForm, RenameForm, SplitButton } from "@/components/signals/theme-forms";
import { StatusBadge } from "@/components/signals/status-badge";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { themeDetail } from "@/lib/signals/queries";
import { conceptLabel } from "@/lib/signals/grouping-text";
import { answerThemeAction, mergeThemeAction, renameThemeAction, splitRequestAction } from "../actions";

export const metadata: Metadata = { title: "Theme" };

const td = "px-3 py-2 align-top";
const label = (concept: string) => conceptLabel(concept) ?? concept;

export default async function ThemePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("signals:read");
  const { id } = await params;
  const { theme, figures, trend, segments, members, others } = await themeDetail(actor, id);
  const answering = can(actor.role, "signals:answer");
  const capabilities = answering
    ? (await db.strategyCapability.findMany({
        where: { organizationId: actor.organizationId, version: { status: { in: ["DRAFT", "PUBLISHED"] } } },
        orderBy: [{ name: "asc" }], distinct: ["key"], select: { key: true, name: true, status: true },
      })).map((c) => ({ ...c, status: c.status.toLowerCase().replace("_", " ") }))
    : [];
  const peak = Math.max(1, ...trend.map((t) => t.requests));
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/signals" className="text-indigo-800 underline">← All signals</Link></p>
      <PageHeader title={theme.name} description={<>Theme of {figures.requests} customer request{figures.requests === 1 ? "" : "s"} · <StatusBadge status={theme.status} /></>} />
      {theme.mergedInto ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          Merged into <Link className="underline" href={`/signals/${theme.mergedInto.id}`}>{theme.mergedInto.name}</Link>; new requests go there.
        </p>
      ) : null}
      <dl className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {[
          ["Revenue at stake", formatAmount(figures.revenue)],
          ["Accounts", String(figures.accounts)],
          ["Reps", String(figures.reps)],
          ["Requests", String(figures.requests)],
          ["First request", figures.first ?? "—"],
          ["Latest request", figures.latest ?? "—"],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What customers said">
            <p className="-mt-2 mb-3 text-sm text-slate-600">
              Why these belong together: they share {theme.concepts.length ? theme.concepts.map((c) => `“${label(c.concept)}” (${c.count} of ${figures.requests})`).join(", ") : "no concept yet"}.
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Requests in this theme, newest first, with why each is here</caption>
                <thead className="border-b border-slate-200 text-slate-700"><tr><th scope="col" className={td}>Request</th><th scope="col" className={td}>Account · rep</th><th scope="col" className={td}>Why here</th>{answering ? <th scope="col" className={td}><span className="sr-only">Actions</span></th> : null}</tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {members.map((m) => (
                    <tr key={m.id}>
                      <td className={td}>“{m.text}”<span className="block text-xs text-slate-600">{m.createdAt}{m.dealId ? <> · <Link className="underline" href={`/deals/${m.dealId}`}>{m.deal}</Link></> : " · no deal"}</span></td>
                      <td className={td}>{m.account}<span className="block text-xs text-slate-600">{m.rep ?? "—"}</span></td>
                      <td className={`${td} text-xs text-slate-700`}>
                        {m.pinned ? "Placed here by leadership." : m.similarity !== null && m.similarity < 1 ? `Shares ${m.shared.map((s) => `“${label(s)}”`).join(", ")} (${Math.round(m.similarity * 100)} % similar).` : "Started this theme."}
                      </td>
                      {answering ? <td className={td}>{members.length > 1 ? <SplitButton action={splitRequestAction} requestId={m.id} /> : null}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <Card title="Requests over time">
            {trend.length === 0 ? <p className="text-sm text-slate-600">No requests.</p> : (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Requests per week</caption>
                <thead className="border-b border-slate-200 text-slate-700"><tr><th scope="col" className={td}>Week starting</th><th scope="col" className={td}>Requests</th></tr></thead>
                <tbody>
                  {trend.map((t) => (
                    <tr key={t.week}><th scope="row" className={`${td} font-normal`}>{t.week}</th><td className={td}><span className="inline-flex items-center gap-2"><span aria-hidden="true" className="inline-block h-3 rounded bg-sky-700" style={{ width: `${Math.max(4, (120 * t.requests) / peak)}px` }} />{t.requests}</span></td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          {answering ? (
            <Card title="Answer">
              {theme.answer || theme.status !== "open" ? <p className="mb-3 text-sm text-slate-700">Answered {theme.answeredAt} by {theme.answeredBy}: {theme.answer || "no note"}</p> : null}
              <AnswerForm action={answerThemeAction} themeId={theme.id} status={theme.status} answer={theme.answer} capabilities={capabilities} />
            </Card>
          ) : null}
          <Card title="Segments asking">
            <ul className="space-y-1 text-sm">
              {segments.map((s) => (
                <li key={s.key ?? "none"} className="flex justify-between gap-2">
                  <span>{s.name}{s.target === true ? <span className="ml-1 text-xs text-emerald-800">(target)</span> : s.target === false && s.key ? <span className="ml-1 text-xs text-slate-600">(not a target)</span> : null}</span>
                  <span className="tabular-nums">{s.requests}</span>
                </li>
              ))}
            </ul>
          </Card>
          {answering && !theme.mergedInto ? (
            <Card title="Correct the grouping">
              <div className="space-y-4">
                <RenameForm action={renameThemeAction} themeId={theme.id} name={theme.name} />
                <MergeForm action={mergeThemeAction} themeId={theme.id} others={others} />
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
