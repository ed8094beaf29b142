// Shared integration fixtures: an organisation with a published strategy, through the app's own actions.
import { createAccountAction } from "@/app/(app)/deals/actions";
import { publishAction, saveSectionAction, startDraftAction } from "@/app/(app)/strategy/actions";
import { actorForSession, createSession } from "@/lib/auth/sessions";
import { runJobsUntilIdle } from "@/lib/jobs/worker";
import { CAPABILITIES, GUARDRAILS, MISSION, PRODUCTS, SEGMENTS, TARGETS } from "../factories/strategy";
import { createOrganizationWithRoles } from "../factories";
import { as, db } from "./helpers";

export type R<T> = { ok: boolean; data?: T; code?: string; message?: string; fieldErrors?: Record<string, string[]> };

export async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.data as T;
}

/** An organisation with a published strategy (position +60), an account in its primary segment. */
export async function orgWithStrategy(targets = TARGETS) {
  const org = await createOrganizationWithRoles(db);
  await as(org.leader.id, async () => {
    const d = await ok<{ versionId: string; revision: number }>(startDraftAction(undefined));
    let revision = d.revision;
    for (const [section, data] of [
      ["mission", MISSION], ["valueProposition", { valuePosition: 60, valueRationale: "" }], ["segments", { segments: SEGMENTS }],
      ["capabilities", { capabilities: CAPABILITIES }], ["guardrails", { guardrails: GUARDRAILS }], ["products", { products: PRODUCTS }], ["targets", { targets }],
    ] as const) {
      revision = (await ok<{ revision: number }>(saveSectionAction({ section, versionId: d.versionId, revision, data }))).revision;
    }
    await ok(publishAction({ versionId: d.versionId, revision, changeNote: "v1" }));
  });
  await runJobsUntilIdle();
  const v1 = await db.strategyVersion.findFirstOrThrow({ where: { organizationId: org.organization.id, number: 1 }, include: { products: true } });
  const account = await as(org.rep.id, () => ok<{ id: string }>(createAccountAction({ name: "Festival Co", industry: "Live events", employees: "120", revenue: "", region: "EU" })));
  const product = v1.products.find((p) => p.name === "Insight Pro")!;
  return { ...org, v1, account, productKey: product.key };
}


/** The actor a signed-in user is, through a real session row. */
export const actorOf = async (userId: string) => (await actorForSession(await createSession(userId)))!;
