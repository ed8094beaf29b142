import "server-only";
import type { Tx } from "@/lib/db";
import { scoreDeal } from "@/lib/scoring";
import type { RequestInsight, StrategySnapshot } from "@/lib/scoring/types";
import { type RequestSignature, type ThemeState, addToTheme, assignTheme, removeFromTheme, signature, suggestName } from "@/lib/signals/grouping";

// The write side of market signals. Each request is classified against the catalog when it is
// logged (an available capability: an enablement gap; a roadmap one: demand for it) and every
// other request is grouped into a theme, incrementally: its concepts pick candidate themes through
// the GIN index on RequestTheme.conceptKeys, the pure engine (lib/signals/grouping.ts) picks the
// closest or says "new theme", and only that theme's row is updated. No request is re-read.

/** Requests of these kinds are answered by the catalog already; they are not themes. */
const CATALOG_ANSWERED = new Set<RequestInsight["kind"]>(["enablement_gap", "roadmap_demand"]);

// The themes sharing most concepts with the request, then the biggest: a common concept (e-mail,
// checkout) alone must not crowd the right theme out of the candidates.
const CANDIDATES = 50;

/** What the catalog says about a request on its own (one not on a deal, or re-classified). */
export function classifyRequest(text: string, snapshot: StrategySnapshot | null): RequestInsight | null {
  if (!snapshot) return null;
  const deal = {
    account: { name: "—", industry: null, employees: null, revenue: null, region: null },
    stage: "prospecting" as const, expectedCloseDate: null, lineItems: [], primaryCriterion: null, commitments: [], requests: [{ text }],
  };
  return scoreDeal(deal, snapshot).requestInsights[0] ?? null;
}

export type ThemeRow = { id: string; size: number; concepts: Record<string, number>; name: string; nameLocked: boolean; status: string };

export const themeState = (row: ThemeRow): ThemeState => ({ id: row.id, size: row.size, concepts: row.concepts });

/**
 * Locks a theme row for an update of its counts. With `scope`, only a theme of that organisation
 * that has not been merged away (what leadership may act on).
 */
export async function lockTheme(tx: Tx, themeId: string, scope?: { organizationId: string }): Promise<ThemeRow | null> {
  const rows = scope
    ? await tx.$queryRaw<ThemeRow[]>`
        SELECT "id", "size", "concepts", "name", "nameLocked", "status" FROM "RequestTheme"
        WHERE "id" = ${themeId}::uuid AND "organizationId" = ${scope.organizationId}::uuid AND "mergedIntoId" IS NULL FOR UPDATE`
    : await tx.$queryRaw<ThemeRow[]>`SELECT "id", "size", "concepts", "name", "nameLocked", "status" FROM "RequestTheme" WHERE "id" = ${themeId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Writes a theme's counts (and a new suggested name, when given). */
export async function writeTheme(tx: Tx, theme: ThemeState, name: string | null = null) {
  await tx.requestTheme.update({
    where: { id: theme.id },
    data: { concepts: theme.concepts, conceptKeys: Object.keys(theme.concepts).sort(), size: theme.size, ...(name ? { name } : {}) },
  });
}

/** Up to five member texts, newest first: what a theme's suggested name is made from. */
async function sampleTexts(tx: Tx, themeId: string, extra: string[] = []) {
  const rows = await tx.customerRequest.findMany({ where: { themeId }, orderBy: { createdAt: "desc" }, take: 5, select: { text: true } });
  return [...extra, ...rows.map((r) => r.text)].slice(0, 5);
}

/**
 * Classifies and groups one request that has just been written. `insight` is the engine's verdict
 * (from the deal's score, or classifyRequest); null when no strategy is published.
 */
export async function groupRequest(tx: Tx, organizationId: string, request: { id: string; text: string }, insight: RequestInsight | null) {
  const sig = signature(request.text);
  const capabilityKey = insight?.capabilityId ?? null;
  const base = { insight: insight?.kind ?? null, capabilityKey, concepts: sig.concepts };
  if ((insight && CATALOG_ANSWERED.has(insight.kind)) || sig.concepts.length === 0) {
    await tx.customerRequest.update({ where: { id: request.id }, data: { ...base, themeId: null, themeSimilarity: null, themeShared: [] } });
    return null;
  }
  const candidates = await tx.$queryRaw<ThemeRow[]>`
    SELECT "id", "size", "concepts", "name", "nameLocked", "status" FROM "RequestTheme"
    WHERE "organizationId" = ${organizationId}::uuid AND "mergedIntoId" IS NULL AND "conceptKeys" && ${sig.concepts}::text[]
    ORDER BY cardinality(ARRAY(SELECT unnest("conceptKeys") INTERSECT SELECT unnest(${sig.concepts}::text[]))) DESC, "size" DESC
    LIMIT ${CANDIDATES}`;
  const assignment = assignTheme(sig, candidates.map(themeState));
  let themeId = assignment.themeId;
  if (themeId) {
    // Lock the theme and add to its current counts (another request may have joined meanwhile).
    const row = (await lockTheme(tx, themeId))!;
    const next = addToTheme(themeState(row), sig);
    const name = row.nameLocked || next.size > 10 ? null : suggestName(next, await sampleTexts(tx, row.id, [request.text]));
    await writeTheme(tx, next, name);
  } else {
    const fresh = addToTheme({ id: "new", size: 0, concepts: {} }, sig);
    const created = await tx.requestTheme.create({
      data: { organizationId, name: suggestName(fresh, [request.text]), concepts: fresh.concepts, conceptKeys: Object.keys(fresh.concepts).sort(), size: fresh.size },
      select: { id: true },
    });
    themeId = created.id;
  }
  await tx.customerRequest.update({
    where: { id: request.id },
    data: { ...base, themeId, themeSimilarity: assignment.themeId ? assignment.similarity : 1, themeShared: assignment.themeId ? assignment.shared : sig.concepts },
  });
  return themeId;
}

/** Takes a request out of its theme's counts (before it is deleted or moved). */
export async function ungroupRequest(tx: Tx, request: { themeId: string | null; concepts: string[] | null }) {
  if (!request.themeId) return;
  const row = await lockTheme(tx, request.themeId);
  if (!row) return;
  const sig: RequestSignature = { concepts: request.concepts ?? [], evidence: {} };
  await writeTheme(tx, removeFromTheme(themeState(row), sig));
}

/**
 * Brings a deal's requests in line with its form: unchanged texts keep their row (and theme, and
 * any leader's correction), removed ones leave their theme, new ones are written ungrouped and
 * returned so the caller groups them once the deal is scored.
 */
export async function syncDealRequests(tx: Tx, organizationId: string, deal: { id: string; accountId: string }, authorId: string, texts: string[]) {
  const existing = await tx.customerRequest.findMany({ where: { dealId: deal.id }, select: { id: true, text: true, themeId: true, concepts: true } });
  const remaining = [...existing];
  const keep = new Map<number, string>();
  const added: { position: number; text: string }[] = [];
  texts.forEach((text, position) => {
    const i = remaining.findIndex((r) => r.text === text);
    if (i >= 0) keep.set(position, remaining.splice(i, 1)[0]!.id);
    else added.push({ position, text });
  });
  for (const gone of remaining) await ungroupRequest(tx, gone);
  if (remaining.length) await tx.customerRequest.deleteMany({ where: { id: { in: remaining.map((r) => r.id) } } });
  for (const [position, id] of keep) await tx.customerRequest.update({ where: { id }, data: { position, accountId: deal.accountId } });
  const created = added.length
    ? await tx.customerRequest.createManyAndReturn({
        data: added.map((r) => ({ organizationId, accountId: deal.accountId, dealId: deal.id, authorId, position: r.position, text: r.text })),
        select: { id: true, text: true, position: true },
      })
    : [];
  return created;
}

/** Groups the given new requests of a scored deal, each with the engine's verdict on it. */
export async function groupDealRequests(tx: Tx, organizationId: string, created: { id: string; text: string; position: number }[], insights: RequestInsight[] | null) {
  for (const r of created) {
    const insight = insights?.find((i) => i.requestIndex === r.position) ?? null;
    await groupRequest(tx, organizationId, r, insight);
  }
}
