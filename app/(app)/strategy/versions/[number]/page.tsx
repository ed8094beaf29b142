import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StrategyBrief } from "@/components/strategy/brief";
import { formatDate } from "@/components/strategy/format";
import { PrintButton } from "@/components/strategy/page-actions";
import { PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { latestPublished } from "@/lib/strategy/content";
import { namesById, targetsForViewer } from "@/lib/strategy/queries";
import { getVersion } from "@/lib/strategy/versions";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: `Strategy version ${number}` };
}

const link = "text-sm font-medium text-indigo-800 underline underline-offset-4";

export default async function VersionPage({ params }: Props) {
  const actor = await requirePageActor("strategy:read");
  const { number: raw } = await params;
  if (!/^\d{1,6}$/.test(raw)) notFound();
  const version = await getVersion(actor, { number: Number(raw) }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [current, targets, publisher] = await Promise.all([
    latestPublished(actor.organizationId),
    targetsForViewer(actor, version.targets),
    namesById(actor, [version.publishedById]),
  ]);
  const isCurrent = current?.id === version.id;
  return (
    <>
      <PageHeader
        title={`Strategy version ${version.number}`}
        description={`Published ${formatDate(version.publishedAt)}${version.publishedById && publisher[version.publishedById] ? ` by ${publisher[version.publishedById]}` : ""}. ${isCurrent ? "This is the current version." : "An earlier version, kept as it was."}`}
        actions={
          <div className="no-print flex flex-wrap items-center gap-x-4 gap-y-2">
            <Link href="/strategy/versions" className={link}>All versions</Link>
            {version.number! > 1 ? <Link href={`/strategy/compare?a=${version.number! - 1}&b=${version.number}`} className={link}>Changes since version {version.number! - 1}</Link> : null}
            <a href={`/api/strategy/versions/${version.number}?download=1`} className={link}>Export JSON</a>
            <PrintButton />
          </div>
        }
      />
      {!isCurrent && current ? (
        <p className="no-print mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          Version {current.number} replaced this one. <Link href="/strategy" className="font-medium underline underline-offset-4">Read the current brief</Link>
        </p>
      ) : null}
      {version.changeNote ? (
        <div className="mb-6 rounded-lg border-l-4 border-indigo-600 bg-white p-4 shadow-sm print:shadow-none">
          <h2 className="text-sm font-semibold text-slate-900">What changed in version {version.number}</h2>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{version.changeNote}</p>
        </div>
      ) : null}
      <StrategyBrief version={version} targetGroups={targets.groups} targetsTitle={targets.title} names={targets.names} />
    </>
  );
}
