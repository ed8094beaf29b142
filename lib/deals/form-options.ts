import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { currentSnapshot } from "@/lib/deals/scoring";

/** What the deal form offers: the organisation's accounts and the current strategy's products. */
export async function dealFormOptions(actor: Actor) {
  const [accounts, snapshot] = await Promise.all([
    db.customerAccount.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 5000 }),
    currentSnapshot(actor.organizationId),
  ]);
  return {
    accounts,
    products: (snapshot?.products ?? []).map((p) => ({ key: p.id, name: p.name, listPrice: p.listPrice, currency: p.currency, maxDiscountPct: p.maxDiscountPct })),
    strategyNumber: snapshot?.version ?? null,
  };
}
