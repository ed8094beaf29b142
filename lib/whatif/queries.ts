import "server-only";
import { db } from "@/lib/db";
import { rawPool } from "@/lib/db-raw";
import type { Actor } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import { latestJob } from "@/lib/jobs/queue";
import { loadDeals, RESCORE_KIND } from "@/lib/jobs/rescore";
import { ruleLabel } from "@/lib/dashboard/labels";
import { scoreDeal } from "@/lib/scoring";
import type { Finding } from "@/lib/scoring/types";
import { partNames } from "@/lib/strategy/part-names";
import type { WhatIfSummary } from "@/lib/whatif/compare";
import type { RunStrategy } from "@/lib/whatif/run";
import type { WhatIfDealsQuery } from "@/lib/validations/whatif";

export type RunStatus = "queued" | "running" | "done" | "cancelled" | "failed";
export type Agreement = { compared: number; agree: number; changedSince: number };

export type WhatIfRunView = {
  id: string;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: string | null;
  status: RunStatus;
  done: number;
  total: number;
  error: string | null;
  versionId: string;
  /** The draft changed after the run: its result no longer describes the draft. */
  stale: boolean;
  /** Set once the draft was published as this version number. */
  publishedAs: number | null;
  strategy: RunStrategy;
  summary: WhatIfSummary | null;
};

/** The organisation's latest what-if run, with its progress and whether it still describes the draft. */
export async function latestWhatIf(actor: Actor): Promise<WhatIfRunView | null> {
  const run = await db.whatIfRun.findFirst({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    include: { version: { select: { status: true, revision: true, number: true } } },
  });
  if (!run) return null;
  const [job, creator] = await Promise.all([
    run.jobId ? db.job.findUnique({ where: { id: run.jobId }, select: { status: true, done: true, total: true, error: true } }) : null,
    run.createdById ? db.user.findUnique({ where: { id: run.createdById }, select: { name: true } }) : null,
  ]);
  const published = run.version.status === "PUBLISHED";
  return {
    id: run.id,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    createdBy: creator?.name ?? null,
    // The summary is written in the job's last transaction: with it, the run is complete.
    status: run.summary ? "done" : ((job?.status ?? "failed") as RunStatus),
    done: job?.done ?? 0,
    total: job?.total ?? 0,
    error: job?.error ?? null,
    versionId: run.versionId,
    stale: !published && run.version.revision !== run.versionRevision,
    publishedAs: published ? run.version.number : null,
    strategy: run.snapshot as unknown as RunStrategy,
    summary: run.summary as unknown as WhatIfSummary | null,
  };
}

/** A run of the caller's organisation, or 404. */
export async function whatIfRun(actor: Actor, runId: string) {
  const run = await db.whatIfRun.findFirst({ where: { id: runId, organizationId: actor.organizationId }, select: { id: true, snapshot: true, summary: true, versionId: true } });
  if (!run) throw notFound("That what-if run");
  return { ...run, strategy: run.snapshot as unknown as RunStrategy, summary: run.summary as unknown as WhatIfSummary | null };
}

export type Names = { team: Map<string, string>; rep: Map<string, string>; segment: Map<string, string>; product: Map<string, string> };

/** Names for everything a summary mentions by key: the draft's own names first, then earlier versions'. */
export async function summaryNames(actor: Actor, strategy: RunStrategy): Promise<Names> {
  const [teams, users, parts] = await Promise.all([
    db.team.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true } }),
    db.user.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true } }),
    partNames(actor.organizationId),
  ]);
  const segment = new Map(parts.segments);
  for (const s of strategy.strategy.segments) segment.set(s.id, s.name);
  const product = new Map(parts.products);
  for (const p of strategy.strategy.products) product.set(p.id, p.name);
  return { team: new Map(teams.map((t) => [t.id, t.name])), rep: new Map(users.map((u) => [u.id, u.name])), segment, product };
}

export type MoverView = {
  dealId: string; name: string; account: string; owner: string; amount: number;
  scoreBefore: number | null; scoreAfter: number; offBefore: boolean; offAfter: boolean;
  /** Under the draft: the findings that take points, worst first. */
  findings: Finding[];
  rulesRemoved: string[];
};

/** The ten deals that move most, each with the draft's findings (the engine re-run on just these). */
export async function moversOf(actor: Actor, run: { id: string; strategy: RunStrategy; summary: WhatIfSummary }): Promise<MoverView[]> {
  const ids = run.summary.movers.map((m) => m.dealId);
  if (!ids.length) return [];
  const { rows } = await rawPool().query<{ dealId: string; name: string; account: string; owner: string; rulesRemoved: string[] | null }>(
    `SELECT r."dealId", d."name", a."name" AS account, u."name" AS owner, r."rulesRemoved"
     FROM "WhatIfResult" r JOIN "Deal" d ON d."id" = r."dealId" JOIN "CustomerAccount" a ON a."id" = d."accountId" JOIN "User" u ON u."id" = d."ownerId"
     WHERE r."runId" = $1 AND r."organizationId" = $2 AND r."dealId" = ANY($3::uuid[])`,
    [run.id, actor.organizationId, ids],
  );
  const deals = new Map((await loadDeals(rawPool(), actor.organizationId, ids)).map((d) => [d.id, d]));
  const facts = new Map(rows.map((r) => [r.dealId, r]));
  return run.summary.movers.flatMap((m) => {
    const row = facts.get(m.dealId);
    const deal = deals.get(m.dealId);
    if (!row) return []; // deleted since the run
    const findings = deal ? scoreDeal(deal.input, run.strategy.strategy).findings.filter((f) => f.points > 0).sort((a, b) => b.points - a.points) : [];
    return [{ ...m, name: row.name, account: row.account, owner: row.owner, findings, rulesRemoved: row.rulesRemoved ?? [] }];
  });
}

/**
 * After the draft is published and re-scored for real: how many deals got exactly the score the
 * what-if gave them. Deals changed since the run (a newer revision) are counted apart.
 */
export async function agreementOf(actor: Actor, run: WhatIfRunView): Promise<{ rescoring: { done: number; total: number } | null; agreement: Agreement | null }> {
  if (run.publishedAs === null || !run.summary) return { rescoring: null, agreement: null };
  const job = await latestJob(actor.organizationId, RESCORE_KIND);
  const forThis = job && (job.payload as { versionId?: string }).versionId === run.versionId ? job : null;
  if (forThis && (forThis.status === "queued" || forThis.status === "running")) return { rescoring: { done: forThis.done, total: forThis.total }, agreement: null };
  // Compared once, when the re-score is over (a join over every deal of the run), then kept on the run.
  const kept = (run.summary as WhatIfSummary & { agreement?: Agreement }).agreement;
  if (kept) return { rescoring: null, agreement: kept };
  const { rows: [a] } = await rawPool().query<Agreement>(
    `SELECT count(*) FILTER (WHERE d."revision" = r."dealRevision" AND d."scoredVersionId" = $3)::int AS compared,
       count(*) FILTER (WHERE d."revision" = r."dealRevision" AND d."scoredVersionId" = $3 AND d."score" = r."scoreAfter" AND d."offStrategy" = r."offAfter")::int AS agree,
       count(*) FILTER (WHERE d."revision" <> r."dealRevision" OR d."scoredVersionId" IS DISTINCT FROM $3)::int AS "changedSince"
     FROM "WhatIfResult" r JOIN "Deal" d ON d."id" = r."dealId"
     WHERE r."runId" = $1 AND r."organizationId" = $2`,
    [run.id, actor.organizationId, run.versionId],
  );
  await rawPool().query(`UPDATE "WhatIfRun" SET "summary" = "summary" || jsonb_build_object('agreement', $2::jsonb) WHERE "id" = $1`, [run.id, JSON.stringify(a)]);
  return { rescoring: null, agreement: a! };
}

// ---- the moved deals: list and CSV -------------------------------------------------------------

const MOVE_SQL: Record<WhatIfDealsQuery["move"], string> = {
  off: `NOT r."offBefore" AND r."offAfter"`,
  aligned: `r."offBefore" AND NOT r."offAfter"`,
  changed: `(r."scoreBefore" IS DISTINCT FROM r."scoreAfter" OR r."offBefore" <> r."offAfter")`,
  all: "TRUE",
};

function dealsWhere(actor: Actor, query: WhatIfDealsQuery) {
  const params: unknown[] = [query.run, actor.organizationId];
  const where = [`r."runId" = $1`, `r."organizationId" = $2`, MOVE_SQL[query.move]];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.team) add((p) => `r."teamId" = ${p}::uuid`, query.team);
  if (query.rep) add((p) => `r."ownerId" = ${p}::uuid`, query.rep);
  if (query.segment) add((p) => `r."segmentKey" = ${p}::uuid`, query.segment);
  else if (query.noSegment) where.push(`r."segmentKey" IS NULL`);
  if (query.product) add((p) => `r."productKey" = ${p}::uuid`, query.product);
  // A rule explains a deal turning off-strategy (critical under the draft) or aligned (no longer taking points).
  if (query.rule) add((p) => `(${p} = ANY(r."criticalRules") OR ${p} = ANY(r."rulesRemoved") OR ${p} = ANY(r."rulesAdded"))`, query.rule);
  return { where: where.join(" AND "), params };
}

export type MovedDeal = {
  dealId: string; name: string; account: string; owner: string; team: string | null; amount: number;
  scoreBefore: number | null; scoreAfter: number; offBefore: boolean; offAfter: boolean;
  rulesAdded: string[]; rulesRemoved: string[]; criticalRules: string[];
};

const MOVED_SELECT = `SELECT r."dealId", d."name", a."name" AS account, u."name" AS owner, t."name" AS team, r."amount",
    r."scoreBefore", r."scoreAfter", r."offBefore", r."offAfter", r."rulesAdded", r."rulesRemoved", r."criticalRules"
  FROM "WhatIfResult" r JOIN "Deal" d ON d."id" = r."dealId" JOIN "CustomerAccount" a ON a."id" = d."accountId"
  JOIN "User" u ON u."id" = r."ownerId" LEFT JOIN "Team" t ON t."id" = r."teamId"`;

export const WHATIF_PAGE_SIZE = 50;

/** One page of the run's deals that match, biggest movement first. */
export async function whatIfDeals(actor: Actor, query: WhatIfDealsQuery): Promise<{ rows: MovedDeal[]; total: number }> {
  await whatIfRun(actor, query.run);
  const { where, params } = dealsWhere(actor, query);
  const [page, count] = await Promise.all([
    rawPool().query<MovedDeal>(
      `${MOVED_SELECT} WHERE ${where}
       ORDER BY (r."offBefore" <> r."offAfter") DESC, abs(r."scoreAfter" - COALESCE(r."scoreBefore", r."scoreAfter")) DESC, r."amount" DESC, r."dealId"
       LIMIT ${WHATIF_PAGE_SIZE} OFFSET ${(query.page - 1) * WHATIF_PAGE_SIZE}`,
      params,
    ),
    rawPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "WhatIfResult" r WHERE ${where}`, params),
  ]);
  return { rows: page.rows, total: count.rows[0]!.n };
}

export const WHATIF_EXPORT_HEADER = ["Deal id", "Deal", "Account", "Owner", "Team", "Value", "Score now", "Score under draft", "Off-strategy now", "Off-strategy under draft", "Critical under draft", "Rules added", "Rules no longer taking points"];

/** Every matching deal as CSV rows, read in deal order a page at a time so large runs stream. */
export async function* exportWhatIfDeals(actor: Actor, query: WhatIfDealsQuery, pageSize = 5000): AsyncGenerator<(string | number | boolean | null)[]> {
  await whatIfRun(actor, query.run);
  const { where, params } = dealsWhere(actor, query);
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { rows } = await rawPool().query<MovedDeal>(
      `${MOVED_SELECT} WHERE ${where} AND r."dealId" > $${params.length + 1}::uuid ORDER BY r."dealId" LIMIT ${pageSize}`,
      [...params, after],
    );
    const rules = (ids: string[] | null) => (ids ?? []).map(ruleLabel).join("; ");
    for (const r of rows) {
      yield [r.dealId, r.name, r.account, r.owner, r.team, r.amount, r.scoreBefore, r.scoreAfter, r.offBefore, r.offAfter,
        rules(r.criticalRules), rules(r.rulesAdded), rules(r.rulesRemoved)];
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.dealId;
  }
}
