import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { formatDate } from "@/components/strategy/format";
import { AnswerForm } from "@/components/strategy/question-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor, type Actor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { acknowledgementStatus } from "@/lib/strategy/people";
import { listOpenQuestions } from "@/lib/strategy/queries";
import { SECTION_LABEL, SECTIONS, type Section } from "@/lib/validations/strategy";
import { answerQuestionAction } from "../actions";

export const metadata: Metadata = { title: "Acknowledgements" };

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));
const sectionLabel = (s: string) => ((SECTIONS as readonly string[]).includes(s) ? SECTION_LABEL[s as Section] : s);

export default async function AcknowledgementsPage() {
  // Managers see their teams, leadership and admins the organisation; reps get 403. The guard
  // runs before anything streams (this route is outside the (everyone) group and its loading.tsx).
  const actor = await requirePageActor("deal:review");
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Acknowledgements actor={actor} />
    </Suspense>
  );
}

async function Acknowledgements({ actor }: { actor: Actor }) {
  const canAnswer = can(actor.role, "strategy:edit");
  const [status, questions] = await Promise.all([acknowledgementStatus(actor), listOpenQuestions(actor)]);
  const scope = actor.role === "MANAGER" ? "your team" : "the organisation";

  if (!status) {
    return (
      <>
        <PageHeader title="Acknowledgements" />
        <EmptyState title="No strategy has been published yet">
          <p>Once a version is published, this page shows who in {scope} has read and acknowledged it.</p>
        </EmptyState>
      </>
    );
  }

  // Teams by name, people without a team last; in each team, who still has to read it first.
  const teams = new Map<string, typeof status.rows>();
  for (const row of status.rows) teams.set(row.team, [...(teams.get(row.team) ?? []), row]);
  const teamList = [...teams.entries()]
    .sort(([a], [b]) => Number(a === "No team") - Number(b === "No team") || a.localeCompare(b))
    .map(([team, rows]) => [team, [...rows].sort((x, y) => Number(!!x.acknowledgedAt) - Number(!!y.acknowledgedAt) || x.name.localeCompare(y.name))] as const);
  const total = status.rows.length;
  const share = percent(status.acknowledged, total);

  return (
    <>
      <PageHeader
        title="Acknowledgements"
        description={`Who in ${scope} has read version ${status.version.number} of the strategy.`}
        actions={<Link href="/strategy" className="text-sm font-medium text-indigo-800 underline underline-offset-4">Read version {status.version.number}</Link>}
      />
      <div className="space-y-6">
        <Card>
          <p className="text-3xl font-semibold tabular-nums text-slate-900">{share} %</p>
          <p className="mt-1 text-sm text-slate-700">{status.acknowledged} of {total} {total === 1 ? "person has" : "people have"} acknowledged version {status.version.number}.</p>
          <Progress value={share} label={`Acknowledged in ${scope}`} />
        </Card>
        {total === 0 ? (
          <EmptyState title="Nobody to follow up yet">
            <p>{actor.role === "MANAGER" ? "No reps are in the teams you manage." : "The organisation has no reps or managers yet."}</p>
          </EmptyState>
        ) : (
          teamList.map(([team, rows], index) => {
            const done = rows.filter((r) => r.acknowledgedAt).length;
            return (
              <section key={team} aria-labelledby={`team-${index}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`team-${index}`} className="text-base font-semibold text-slate-900">{team}</h2>
                  <p className="text-sm text-slate-700"><span className="font-semibold tabular-nums">{done} of {rows.length}</span> · {percent(done, rows.length)} %</p>
                </div>
                <Progress value={percent(done, rows.length)} label={`Acknowledged in ${team}`} />
                <ul className="mt-3 divide-y divide-slate-100 text-sm">
                  {rows.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span className="font-medium text-slate-900">{r.name} <span className="font-normal text-slate-600">· {r.role === "MANAGER" ? "Manager" : "Rep"}</span></span>
                      {r.acknowledgedAt ? (
                        <span className="text-emerald-800">Acknowledged on {formatDate(r.acknowledgedAt)}</span>
                      ) : (
                        <span className="font-medium text-amber-800">Not yet</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        )}
        <Card title={`Open questions (${questions.length})`}>
          {questions.length === 0 ? (
            <p className="text-sm text-slate-600">No open questions: every question has an answer.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {questions.map((q) => (
                <li key={q.id} className="py-3 text-sm">
                  <p className="text-slate-600">
                    {q.authorName} · {sectionLabel(q.section)} · version {q.versionNumber ?? "—"} · {formatDate(q.createdAt)}
                  </p>
                  <p className="mt-1 text-slate-900">{q.body}</p>
                  {canAnswer ? <AnswerForm action={answerQuestionAction} questionId={q.id} label={`Your answer to ${q.authorName}`} /> : null}
                </li>
              ))}
            </ul>
          )}
          {!canAnswer && questions.length ? <p className="mt-2 text-xs text-slate-600">Leadership answers these; the answers appear on the brief.</p> : null}
        </Card>
      </div>
    </>
  );
}

function Progress({ value, label }: { value: number; label: string }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200">
      <div className="h-full rounded-full bg-indigo-600" style={{ width: `${value}%` }} />
    </div>
  );
}
