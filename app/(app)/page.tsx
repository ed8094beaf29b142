import Link from "next/link";
import { PageHeader, Card } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { navFor } from "@/lib/navigation";

const WHAT_IT_IS_FOR: Record<string, string> = {
  "/dashboard": "How aligned the pipeline is with the strategy, and where it drifts.",
  "/deals": "Deals, the promises made on them and how each scores against the strategy.",
  "/strategy": "The strategy brief: who we sell to, what we sell, what we say no to.",
  "/signals": "What customers keep asking for, grouped into themes, waiting for an answer.",
  "/admin": "People, roles and teams of your organisation, and the audit log.",
};

export default async function HomePage() {
  const actor = await requirePageActor();
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.name.split(" ")[0]}`}
        description={`You are signed in as ${ROLE_LABEL[actor.role].toLowerCase()} of ${actor.organizationName}.`}
      />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {navFor(actor.role).map((item) => (
          <li key={item.href}>
            <Card className="h-full">
              <h2 className="text-base font-semibold">
                <Link href={item.href} className="text-indigo-800 underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">{WHAT_IT_IS_FOR[item.href]}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
