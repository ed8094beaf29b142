import type { Metadata } from "next";
import Link from "next/link";
import { CompareForm } from "@/components/strategy/compare-form";
import { CompareView } from "@/components/strategy/compare-view";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { compareVersions, diffIsEmpty } from "@/lib/strategy/compare";
import { namesById } from "@/lib/strategy/queries";
import { getVersion, listVersions } from "@/lib/strategy/versions";

export const metadata: Metadata = { title: "Compare strategy versions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const asNumber = (v: string | string[] | undefined) => {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^\d{1,6}$/.test(s) ? Number(s) : undefined;
};

export default async function ComparePage({ searchParams }: Props) {
  const actor = await requirePageActor("strategy:read");
  const params = await searchParams;
  const a = asNumber(params.a);
  const b = asNumber(params.b);
  const versions = await listVersions(actor);
  const numbers = versions.filter((v) => v.status === "PUBLISHED" && v.number !== null).map((v) => v.number!);

  const header = (
    <PageHeader
      title={a && b ? `Version ${a} → version ${b}` : "Compare strategy versions"}
      description="What was added, removed and changed, section by section."
      actions={<Link href="/strategy/versions" className="text-sm font-medium text-indigo-800 underline underline-offset-4">All versions</Link>}
    />
  );
  if (numbers.length < 2) {
    return (
      <>
        {header}
        <EmptyState title="Nothing to compare yet">
          <p>Comparing needs two published versions; there {numbers.length === 1 ? "is one" : "are none"} so far.</p>
        </EmptyState>
      </>
    );
  }

  const problem =
    a === undefined || b === undefined ? null
    : a === b ? "Pick two different versions."
    : !numbers.includes(a) ? `There is no version ${a}.`
    : !numbers.includes(b) ? `There is no version ${b}.`
    : null;
  const [va, vb] = a && b && !problem ? await Promise.all([getVersion(actor, { number: a }), getVersion(actor, { number: b })]) : [null, null];
  const diffs = va && vb ? compareVersions(va, vb) : null;
  const names = va && vb ? await namesById(actor, [...va.targets, ...vb.targets].map((t) => t.scopeId)) : {};

  return (
    <>
      {header}
      <div className="space-y-6">
        <Card title="Versions to compare">
          <CompareForm numbers={numbers} a={a} b={b} />
          {problem ? <p role="alert" className="mt-3 text-sm text-red-700">{problem}</p> : null}
        </Card>
        {diffs && va && vb ? (
          diffIsEmpty(diffs) ? (
            <EmptyState title="No differences">
              <p>Versions {a} and {b} have the same content.</p>
            </EmptyState>
          ) : (
            <CompareView diffs={diffs} a={va} b={vb} aNumber={a!} bNumber={b!} names={names} />
          )
        ) : null}
      </div>
    </>
  );
}
