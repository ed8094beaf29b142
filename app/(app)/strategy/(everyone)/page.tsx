import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgePrompt } from "@/components/strategy/question-forms";
import { StrategyBrief } from "@/components/strategy/brief";
import { formatDate } from "@/components/strategy/format";
import { PrintButton, StartDraftButton } from "@/components/strategy/page-actions";
import { SectionQuestions, type BriefQuestion } from "@/components/strategy/section-questions";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { latestPublished } from "@/lib/strategy/content";
import { hasAcknowledged, listQuestions } from "@/lib/strategy/people";
import { namesById, targetsForViewer } from "@/lib/strategy/queries";
import { listVersions } from "@/lib/strategy/versions";
import { acknowledgeAction, answerQuestionAction, askQuestionAction, startDraftAction } from "../actions";

export const metadata: Metadata = { title: "Strategy" };

const link = "text-sm font-medium text-indigo-800 underline underline-offset-4";

export default async function StrategyBriefPage() {
  const actor = await requirePageActor("strategy:read");
  const canEdit = can(actor.role, "strategy:edit");
  const version = await latestPublished(actor.organizationId);

  if (!version) {
    return (
      <>
        <PageHeader title="Strategy" description="The mission, the value proposition and the rules every deal is scored against." />
        <EmptyState
          title="No strategy has been published yet"
          action={canEdit ? <StartDraftButton action={startDraftAction} label="Start the first draft" /> : null}
        >
          <p>
            {canEdit
              ? "Write the first version: the mission, the value proposition, who you sell to, what you sell, what you say no to, the discount policy and the targets. Reps see it here once you publish it."
              : "When leadership publishes the first strategy version, its one-page brief appears here: who we sell to and who we do not, what we sell, what we say no to, and the discount policy."}
          </p>
        </EmptyState>
      </>
    );
  }

  const [acknowledged, versions, questions, targets] = await Promise.all([
    hasAcknowledged(actor, version.id),
    listVersions(actor),
    listQuestions(actor, version.id),
    targetsForViewer(actor, version.targets),
  ]);
  const answerers = await namesById(actor, questions.map((q) => q.answeredById));
  const meta = versions.find((v) => v.id === version.id);
  const hasDraft = versions.some((v) => v.status === "DRAFT");
  const bySection = (section: string): BriefQuestion[] =>
    questions.filter((q) => q.section === section).map((q) => ({
      id: q.id, section: q.section, body: q.body, authorName: q.author.name, createdAt: q.createdAt,
      answer: q.answer, answeredByName: q.answeredById ? (answerers[q.answeredById] ?? null) : null, answeredAt: q.answeredAt,
    }));

  return (
    <>
      <PageHeader
        title="Strategy"
        description={`Version ${version.number} · published ${formatDate(version.publishedAt)}${meta?.publishedByName ? ` by ${meta.publishedByName}` : ""}`}
        actions={
          <div className="no-print flex flex-wrap items-center gap-x-4 gap-y-2">
            {canEdit ? <Link href="/strategy/draft" className={link}>{hasDraft ? "Edit the draft" : "Start the next draft"}</Link> : null}
            <Link href="/strategy/versions" className={link}>Versions</Link>
            {can(actor.role, "deal:review") ? <Link href="/strategy/acknowledgements" className={link}>Acknowledgements</Link> : null}
            <PrintButton />
          </div>
        }
      />
      {/* Reps and managers are the ones asked to read each version (and counted on the acknowledgements page). */}
      {actor.role === "REP" || actor.role === "MANAGER" ? (
        <AcknowledgePrompt action={acknowledgeAction} versionId={version.id} versionNumber={version.number!} acknowledged={acknowledged} />
      ) : null}
      {version.changeNote ? (
        <div className="mb-6 rounded-lg border-l-4 border-indigo-600 bg-white p-4 shadow-sm print:shadow-none">
          <h2 className="text-sm font-semibold text-slate-900">What changed in version {version.number}</h2>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{version.changeNote}</p>
          {version.number! > 1 ? (
            <Link href={`/strategy/compare?a=${version.number! - 1}&b=${version.number}`} className={`no-print mt-2 inline-block ${link}`}>
              See every change since version {version.number! - 1}
            </Link>
          ) : null}
        </div>
      ) : null}
      <StrategyBrief
        version={version}
        targetGroups={targets.groups}
        targetsTitle={targets.title}
        names={targets.names}
        footer={(section) => (
          <SectionQuestions
            section={section}
            versionId={version.id}
            questions={bySection(section)}
            canAnswer={canEdit}
            askAction={askQuestionAction}
            answerAction={answerQuestionAction}
          />
        )}
      />
    </>
  );
}
