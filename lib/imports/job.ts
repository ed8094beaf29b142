import "server-only";
// The import job (kind "import"): one batch per call, committed together with the job's cursor and
// progress, so a runner killed mid-batch leaves nothing half-written and the next one resumes
// from the last committed batch (lib/jobs/queue.ts leases). Two modes:
//   import   — extract (staged rows → ImportItem, one record per external key) then apply, entity
//              by entity (teams, reps, team managers, accounts, product mappings, deals), each
//              record created, updated (before-image kept) or left unchanged; deals scored in bulk.
//   rollback — deletes what the run created and restores the before-image of what it updated.
import type pg from "pg";
import { isoDay } from "@/lib/dates";
import { rawTransaction } from "@/lib/db-raw";
import { currentSnapshot } from "@/lib/deals/scoring";
import { LEASE_SECONDS, type JobRow } from "@/lib/jobs/queue";
import { writeScores, type ScoredBatch as RescoreBatch } from "@/lib/jobs/rescore";
import type { DealInput, StrategySnapshot } from "@/lib/scoring/types";
import { NO_PASSWORD } from "@/lib/auth/password";
import { TABLES } from "@/lib/imports/fields";
import { extractRow, type ImportSettings, type Item, type Problem } from "@/lib/imports/extract";

export const IMPORT_KIND = "import";
export const IMPORT_BATCH = 1000;

type Client = pg.PoolClient;
type Cursor = { phase: "extract"; file: number; row: number } | { phase: "apply" | "rollback"; step: number; key: string | null };
export type ImportPayload = { runId: string; mode: "import" | "rollback"; batch?: number };

const APPLY_STEPS = ["team", "rep", "teamManager", "account", "product", "deal"] as const;
const ROLLBACK_STEPS = ["deal", "product", "account", "rep", "team"] as const;

type ItemRow = { entity: string; key: string; data: Record<string, unknown>; status: string; targetId: string | null; before: Record<string, unknown> | null; problems: Problem[]; fileId: string; rowNo: number };
type Outcome = { key: string; status: string; targetId?: string | null; before?: unknown; problems?: Problem[] };

async function saveOutcomes(tx: Client, runId: string, entity: string, outcomes: Outcome[]) {
  if (!outcomes.length) return;
  await tx.query(
    `UPDATE "ImportItem" i SET "status" = t.status, "targetId" = COALESCE(t.target, i."targetId"), "before" = COALESCE(t.before, i."before"),
       "problems" = CASE WHEN t.problems IS NULL THEN i."problems" ELSE i."problems" || t.problems END
     FROM jsonb_to_recordset($3::jsonb) AS t(key text, status text, target uuid, before jsonb, problems jsonb)
     WHERE i."runId" = $1 AND i."entity" = $2 AND i."key" = t.key`,
    [runId, entity, JSON.stringify(outcomes.map((o) => ({ key: o.key, status: o.status, target: o.targetId ?? null, before: o.before ?? null, problems: o.problems?.length ? o.problems : null })))],
  );
}

const problem = (column: string, message: string, field = "deal.externalId"): Problem => ({ field: field as Problem["field"], column, message });

async function loadItems(tx: Client, runId: string, entity: string, after: string | null, limit: number, statuses: string[]): Promise<ItemRow[]> {
  const { rows } = await tx.query<ItemRow>(
    `SELECT "entity", "key", "data", "status", "targetId", "before", "problems", "fileId", "rowNo" FROM "ImportItem"
     WHERE "runId" = $1 AND "entity" = $2 AND "status" = ANY($5) AND ($3::text IS NULL OR "key" > $3) ORDER BY "key" LIMIT $4`,
    [runId, entity, after, limit, statuses],
  );
  return rows;
}

// ---- extract ------------------------------------------------------------------------------

async function extractBatch(tx: Client, run: RunInfo, cursor: Extract<Cursor, { phase: "extract" }>, limit: number): Promise<{ cursor: Cursor; units: number } | null> {
  const files = orderedFiles(run.settings);
  const file = files[cursor.file];
  if (!file) return null;
  const { rows } = await tx.query<{ rowNo: number; cells: string[] }>(
    `SELECT "rowNo", "cells" FROM "ImportRow" WHERE "fileId" = $1 AND "rowNo" > $2 ORDER BY "rowNo" LIMIT $3`,
    [file.fileId, cursor.row, limit],
  );
  if (!rows.length) return { cursor: { phase: "extract", file: cursor.file + 1, row: 0 }, units: 0 };
  const headers = run.headers.get(file.fileId) ?? [];
  const items: (Item & { rowNo: number })[] = [];
  for (const r of rows) for (const item of extractRow(run.context, file, headers, r.cells, r.rowNo)) items.push({ ...item, rowNo: r.rowNo });
  const payload = items.map((i) => ({ entity: i.entity, key: i.key, data: i.data, problems: i.problems, status: i.problems.length ? "failed" : "pending", rowNo: i.rowNo, primary: i.primary }));
  const { rows: inserted } = await tx.query<{ entity: string; key: string; rowNo: number }>(
    `INSERT INTO "ImportItem" ("runId", "entity", "key", "organizationId", "fileId", "rowNo", "data", "problems", "status")
     SELECT $1, t.entity, t.key, $2, $3, t."rowNo", t.data, t.problems, t.status FROM jsonb_to_recordset($4::jsonb) AS t(entity text, key text, data jsonb, problems jsonb, status text, "rowNo" int)
     ON CONFLICT ("runId", "entity", "key") DO NOTHING RETURNING "entity", "key", "rowNo"`,
    [run.id, run.organizationId, file.fileId, JSON.stringify(payload)],
  );
  // A primary record whose key came earlier (same deal ID twice) is a problem of its own row.
  const got = new Set(inserted.map((r) => `${r.entity}\u0000${r.key}\u0000${r.rowNo}`));
  const dups = payload.filter((p) => p.primary && !got.has(`${p.entity}\u0000${p.key}\u0000${p.rowNo}`));
  if (dups.length) {
    const label = { deal: "deal ID", account: "account", rep: "rep", product: "product ID", team: "team" } as Record<string, string>;
    await tx.query(
      `INSERT INTO "ImportItem" ("runId", "entity", "key", "organizationId", "fileId", "rowNo", "data", "problems", "status")
       SELECT $1, t.entity, t.key, $2, $3, t."rowNo", t.data, t.problems, 'failed' FROM jsonb_to_recordset($4::jsonb) AS t(entity text, key text, data jsonb, problems jsonb, "rowNo" int)
       ON CONFLICT DO NOTHING`,
      [run.id, run.organizationId, file.fileId, JSON.stringify(dups.map((d) => ({ ...d, key: `#dup:${file.fileId}:${d.rowNo}`, problems: [problem("", `The ${label[d.entity]} “${d.key}” appears more than once; only its first row is imported.`)] })))],
    );
  }
  return { cursor: { phase: "extract", file: cursor.file, row: rows[rows.length - 1]!.rowNo }, units: rows.length };
}

export function orderedFiles(settings: ImportSettings) {
  return [...settings.files].sort((a, b) => TABLES.indexOf(a.table) - TABLES.indexOf(b.table));
}

// ---- apply --------------------------------------------------------------------------------

async function applyTeams(tx: Client, run: RunInfo, items: ItemRow[]): Promise<Outcome[]> {
  const { rows: teams } = await tx.query<{ id: string; name: string }>(`SELECT "id", "name" FROM "Team" WHERE "organizationId" = $1`, [run.organizationId]);
  const byName = new Map(teams.map((t) => [t.name.toLowerCase(), t.id]));
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const name = String(item.data.name);
    const existing = byName.get(name.toLowerCase());
    if (existing) {
      outcomes.push({ key: item.key, status: "unchanged", targetId: existing });
      continue;
    }
    const { rows: [team] } = await tx.query<{ id: string }>(`INSERT INTO "Team" ("organizationId", "name") VALUES ($1, $2) RETURNING "id"`, [run.organizationId, name]);
    byName.set(name.toLowerCase(), team!.id);
    outcomes.push({ key: item.key, status: "created", targetId: team!.id });
  }
  return outcomes;
}

type UserRow = { id: string; organizationId: string; email: string; name: string; role: string; teamId: string | null };

async function applyReps(tx: Client, run: RunInfo, items: ItemRow[]): Promise<Outcome[]> {
  const org = run.organizationId;
  const emails = items.map((i) => String(i.data.email ?? "")).filter(Boolean);
  const extIds = items.map((i) => i.data.externalId as string | undefined).filter((x): x is string => !!x);
  const { rows: users } = await tx.query<UserRow>(`SELECT "id", "organizationId", lower("email") AS email, "name", "role"::text AS role, "teamId" FROM "User" WHERE lower("email") = ANY($1)`, [emails]);
  const { rows: keys } = await tx.query<{ externalId: string; targetId: string }>(`SELECT "externalId", "targetId" FROM "ImportKey" WHERE "organizationId" = $1 AND "entity" = 'rep' AND "externalId" = ANY($2)`, [org, extIds]);
  const { rows: teams } = await tx.query<{ id: string; name: string }>(`SELECT "id", "name" FROM "Team" WHERE "organizationId" = $1`, [org]);
  const teamId = new Map(teams.map((t) => [t.name.toLowerCase(), t.id]));
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const keyOf = new Map(keys.map((k) => [k.externalId, k.targetId]));
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const d = item.data as { email: string; externalId?: string; name?: string | null; role?: string; team?: string | null };
    const user = byEmail.get(d.email);
    const wantTeam = d.team === undefined ? undefined : d.team ? teamId.get(d.team.toLowerCase()) ?? null : null;
    let targetId: string;
    if (user && user.organizationId !== org) {
      outcomes.push({ key: item.key, status: "failed", problems: [problem("E-mail", `${d.email} belongs to a user of another organisation.`, "rep.email")] });
      continue;
    }
    if (user) {
      targetId = user.id;
      const change: Record<string, unknown> = {};
      if (d.name && d.name !== user.name) change.name = d.name;
      if (d.role && d.role !== user.role && user.role !== "ADMIN") change.role = d.role;
      if (wantTeam !== undefined && wantTeam !== user.teamId) change.teamId = wantTeam;
      if (Object.keys(change).length) {
        await tx.query(
          `UPDATE "User" SET "name" = COALESCE($2, "name"), "role" = COALESCE($3::"Role", "role"), "teamId" = CASE WHEN $4 THEN $5::uuid ELSE "teamId" END, "updatedAt" = now() WHERE "id" = $1`,
          [user.id, change.name ?? null, change.role ?? null, "teamId" in change, change.teamId ?? null],
        );
        outcomes.push({ key: item.key, status: "updated", targetId, before: { name: user.name, role: user.role, teamId: user.teamId } });
      } else outcomes.push({ key: item.key, status: "unchanged", targetId });
    } else {
      const name = d.name || d.email.split("@")[0]!;
      const { rows: [created] } = await tx.query<{ id: string }>(
        `INSERT INTO "User" ("organizationId", "email", "name", "passwordHash", "role", "teamId", "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", $6, now()) RETURNING "id"`,
        [org, d.email, name, NO_PASSWORD, d.role ?? "REP", wantTeam ?? null],
      );
      targetId = created!.id;
      byEmail.set(d.email, { id: targetId, organizationId: org, email: d.email, name, role: d.role ?? "REP", teamId: wantTeam ?? null });
      outcomes.push({ key: item.key, status: "created", targetId });
    }
    if (d.externalId && keyOf.get(d.externalId) !== targetId) {
      await tx.query(
        `INSERT INTO "ImportKey" ("organizationId", "entity", "externalId", "targetId", "runId") VALUES ($1, 'rep', $2, $3, $4)
         ON CONFLICT ("organizationId", "entity", "externalId") DO UPDATE SET "targetId" = EXCLUDED."targetId", "runId" = EXCLUDED."runId"`,
        [org, d.externalId, targetId, run.id],
      );
    }
  }
  return outcomes;
}

/** A team's manager: the manager e-mail most of its imported members name. */
async function applyTeamManagers(tx: Client, run: RunInfo, items: ItemRow[]): Promise<Outcome[]> {
  const names = items.map((i) => String(i.data.name));
  const { rows: votes } = await tx.query<{ team: string; manager: string; n: number }>(
    `SELECT lower(i."data"->>'team') AS team, i."data"->>'managerEmail' AS manager, count(*)::int AS n FROM "ImportItem" i
     WHERE i."runId" = $1 AND i."entity" = 'rep' AND i."status" <> 'failed' AND i."data"->>'managerEmail' IS NOT NULL AND lower(i."data"->>'team') = ANY($2)
     GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
    [run.id, names.map((n) => n.toLowerCase())],
  );
  const pick = new Map<string, string>();
  for (const v of votes) if (!pick.has(v.team)) pick.set(v.team, v.manager);
  const { rows: managers } = await tx.query<{ id: string; email: string; role: string }>(
    `SELECT "id", lower("email") AS email, "role"::text AS role FROM "User" WHERE "organizationId" = $1 AND lower("email") = ANY($2)`,
    [run.organizationId, [...pick.values()]],
  );
  const byEmail = new Map(managers.map((m) => [m.email, m]));
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const email = pick.get(String(item.data.name).toLowerCase());
    if (!email) continue;
    const manager = byEmail.get(email);
    if (!manager || !["MANAGER", "LEADER"].includes(manager.role)) {
      outcomes.push({ key: item.key, status: item.status, problems: [problem("Manager e-mail", `${email} is not a manager or leader in Keel, so team ${String(item.data.name)} keeps its manager.`, "rep.managerEmail")] });
      continue;
    }
    const { rows: [team] } = await tx.query<{ name: string; managerId: string | null }>(`SELECT "name", "managerId" FROM "Team" WHERE "id" = $1`, [item.targetId]);
    if (!team || team.managerId === manager.id) continue;
    await tx.query(`UPDATE "Team" SET "managerId" = $2 WHERE "id" = $1`, [item.targetId, manager.id]);
    if (item.status === "unchanged") outcomes.push({ key: item.key, status: "updated", before: { name: team.name, managerId: team.managerId } });
  }
  return outcomes;
}

const ACCOUNT_FIELDS = ["name", "industry", "employees", "revenue", "region"] as const;
type AccountRow = { id: string; externalId: string | null; name: string; industry: string | null; employees: number | null; revenue: number | null; region: string | null };

async function applyAccounts(tx: Client, run: RunInfo, items: ItemRow[]): Promise<Outcome[]> {
  const org = run.organizationId;
  const ext = items.map((i) => String(i.data.externalId));
  const { rows: byExt } = await tx.query<AccountRow>(
    `SELECT "id", "externalId", "name", "industry", "employees", "revenue", "region" FROM "CustomerAccount" WHERE "organizationId" = $1 AND "externalId" = ANY($2)`, [org, ext]);
  const found = new Map(byExt.map((a) => [a.externalId!, a]));
  const missingNames = items.filter((i) => !found.has(String(i.data.externalId)) && i.data.name).map((i) => String(i.data.name).toLowerCase());
  const { rows: byName } = await tx.query<AccountRow>(
    `SELECT DISTINCT ON (lower("name")) "id", "externalId", "name", "industry", "employees", "revenue", "region" FROM "CustomerAccount"
     WHERE "organizationId" = $1 AND "externalId" IS NULL AND lower("name") = ANY($2) ORDER BY lower("name"), "createdAt"`, [org, missingNames]);
  const named = new Map(byName.map((a) => [a.name.toLowerCase(), a]));
  const outcomes: Outcome[] = [];
  const creates: { key: string; row: Record<string, unknown> }[] = [];
  for (const item of items) {
    const d = item.data as Partial<Omit<AccountRow, "id">> & { externalId: string };
    const existing = found.get(d.externalId) ?? (d.name ? named.get(d.name.toLowerCase()) : undefined);
    if (!existing) {
      creates.push({ key: item.key, row: { ext: d.externalId, name: d.name ?? d.externalId, industry: d.industry ?? null, employees: d.employees ?? null, revenue: d.revenue ?? null, region: d.region ?? null } });
      continue;
    }
    const change = ACCOUNT_FIELDS.filter((f) => f in d && d[f] !== undefined && (d[f] ?? null) !== existing[f] && !(f === "name" && !d[f]));
    if (!change.length && existing.externalId === d.externalId) {
      outcomes.push({ key: item.key, status: "unchanged", targetId: existing.id });
      continue;
    }
    const next = { ...existing, ...Object.fromEntries(change.map((f) => [f, d[f] ?? null])) };
    await tx.query(
      `UPDATE "CustomerAccount" SET "externalId" = $2, "name" = $3, "industry" = $4, "employees" = $5, "revenue" = $6, "region" = $7, "updatedAt" = now() WHERE "id" = $1`,
      [existing.id, d.externalId, next.name, next.industry, next.employees, next.revenue, next.region],
    );
    outcomes.push({ key: item.key, status: "updated", targetId: existing.id, before: existing });
  }
  if (creates.length) {
    const { rows } = await tx.query<{ id: string; externalId: string }>(
      `INSERT INTO "CustomerAccount" ("organizationId", "externalId", "name", "industry", "employees", "revenue", "region", "createdById", "updatedAt")
       SELECT $1, t.ext, t.name, t.industry, t.employees, t.revenue, t.region, $2, now()
       FROM jsonb_to_recordset($3::jsonb) AS t(ext text, name text, industry text, employees int, revenue float8, region text)
       RETURNING "id", "externalId"`,
      [org, run.createdById, JSON.stringify(creates.map((c) => c.row))],
    );
    const ids = new Map(rows.map((r) => [r.externalId, r.id]));
    for (const c of creates) outcomes.push({ key: c.key, status: "created", targetId: ids.get(String(c.row.ext)) });
  }
  return outcomes;
}

async function applyProducts(tx: Client, run: RunInfo, items: ItemRow[]): Promise<Outcome[]> {
  const { rows: keys } = await tx.query<{ externalId: string; targetId: string }>(
    `SELECT "externalId", "targetId" FROM "ImportKey" WHERE "organizationId" = $1 AND "entity" = 'product' AND "externalId" = ANY($2)`,
    [run.organizationId, items.map((i) => i.key)],
  );
  const current = new Map(keys.map((k) => [k.externalId, k.targetId]));
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const target = String(item.data.productKey);
    const before = current.get(item.key);
    if (before === target) {
      outcomes.push({ key: item.key, status: "unchanged", targetId: target });
      continue;
    }
    await tx.query(
      `INSERT INTO "ImportKey" ("organizationId", "entity", "externalId", "targetId", "runId") VALUES ($1, 'product', $2, $3, $4)
       ON CONFLICT ("organizationId", "entity", "externalId") DO UPDATE SET "targetId" = EXCLUDED."targetId", "runId" = EXCLUDED."runId"`,
      [run.organizationId, item.key, target, run.id],
    );
    outcomes.push(before ? { key: item.key, status: "updated", targetId: target, before: { targetId: before } } : { key: item.key, status: "created", targetId: target });
  }
  return outcomes;
}

type DealData = {
  externalId: string; name: string; stage: string; closeDate: string | null; accountKey: string; owner: { email?: string; externalId?: string };
  line?: { productKey: string | null; productExternalId: string | null; quantity: number; unitPrice: number | null; discountPct: number } | null;
  amount: number; primaryCriterion?: string | null; notes?: string;
};
type DealRow = { id: string; externalId: string; name: string; stage: string; expectedCloseDate: Date | null; primaryCriterion: string | null; notes: string; amount: number; accountId: string; ownerId: string; teamId: string | null; revision: number };
type Line = { dealId: string; productKey: string; productName: string; quantity: number; unitPrice: number; discountPct: number };

async function resolveAccounts(tx: Client, run: RunInfo, keys: string[]) {
  const out = new Map<string, AccountRow>();
  const { rows: fromRun } = await tx.query<{ key: string; targetId: string }>(
    `SELECT "key", "targetId" FROM "ImportItem" WHERE "runId" = $1 AND "entity" = 'account' AND "key" = ANY($2) AND "targetId" IS NOT NULL`, [run.id, keys]);
  const ids = new Map(fromRun.map((r) => [r.key, r.targetId]));
  const idKeys = keys.filter((k) => !ids.has(k) && !k.startsWith("name:"));
  const nameKeys = keys.filter((k) => !ids.has(k) && k.startsWith("name:")).map((k) => k.slice(5));
  const { rows } = await tx.query<AccountRow & { matchKey: string }>(
    `SELECT DISTINCT ON ("matchKey") * FROM (
       SELECT a."id", a."externalId", a."name", a."industry", a."employees", a."revenue", a."region",
         CASE WHEN a."id" = ANY($2::uuid[]) THEN a."id"::text WHEN a."externalId" = ANY($3) THEN a."externalId" ELSE 'name:' || lower(a."name") END AS "matchKey", a."createdAt"
       FROM "CustomerAccount" a
       WHERE a."organizationId" = $1 AND (a."id" = ANY($2::uuid[]) OR a."externalId" = ANY($3) OR lower(a."name") = ANY($4))
     ) x ORDER BY "matchKey", "createdAt"`,
    [run.organizationId, [...ids.values()], idKeys, nameKeys],
  );
  const byMatch = new Map(rows.map((r) => [r.matchKey, r]));
  for (const k of keys) {
    const a = ids.has(k) ? byMatch.get(ids.get(k)!) : byMatch.get(k);
    if (a) out.set(k, a);
  }
  return out;
}

async function applyDeals(tx: Client, run: RunInfo, items: ItemRow[], snapshot: StrategySnapshot): Promise<Outcome[]> {
  const org = run.organizationId;
  const data = items.map((i) => i.data as unknown as DealData);
  const accounts = await resolveAccounts(tx, run, [...new Set(data.map((d) => d.accountKey))]);
  const emails = data.map((d) => d.owner?.email).filter((x): x is string => !!x);
  const ownerExt = data.map((d) => d.owner?.externalId).filter((x): x is string => !!x);
  const { rows: owners } = await tx.query<{ id: string; email: string; teamId: string | null; ext: string | null }>(
    `SELECT u."id", lower(u."email") AS email, u."teamId", k."externalId" AS ext FROM "User" u LEFT JOIN "ImportKey" k ON k."targetId" = u."id" AND k."entity" = 'rep' AND k."organizationId" = $1
     WHERE u."organizationId" = $1 AND (lower(u."email") = ANY($2) OR k."externalId" = ANY($3))`, [org, emails, ownerExt]);
  const ownerBy = new Map<string, { id: string; teamId: string | null }>();
  for (const o of owners) {
    ownerBy.set(`e:${o.email}`, o);
    if (o.ext) ownerBy.set(`x:${o.ext}`, o);
  }
  const productExt = data.map((d) => d.line?.productExternalId).filter((x): x is string => !!x);
  const { rows: productKeys } = await tx.query<{ externalId: string; targetId: string }>(
    `SELECT "externalId", "targetId" FROM "ImportKey" WHERE "organizationId" = $1 AND "entity" = 'product' AND "externalId" = ANY($2)`, [org, productExt]);
  const productBy = new Map(productKeys.map((p) => [p.externalId, p.targetId]));
  const products = new Map(snapshot.products.map((p) => [p.id, p]));
  const { rows: existing } = await tx.query<DealRow>(
    `SELECT "id", "externalId", "name", "stage"::text AS stage, "expectedCloseDate", "primaryCriterion", "notes", "amount", "accountId", "ownerId", "teamId", "revision"
     FROM "Deal" WHERE "organizationId" = $1 AND "externalId" = ANY($2)`, [org, items.map((i) => i.key)]);
  const dealBy = new Map(existing.map((d) => [d.externalId, d]));
  const { rows: oldLines } = await tx.query<Line>(
    `SELECT "dealId", "productKey", "productName", "quantity", "unitPrice", "discountPct" FROM "DealLineItem" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`, [existing.map((d) => d.id)]);
  const linesBy = new Map<string, Line[]>();
  for (const l of oldLines) (linesBy.get(l.dealId) ?? linesBy.set(l.dealId, []).get(l.dealId)!).push(l);

  const outcomes: Outcome[] = [];
  type Next = { key: string; row: Record<string, unknown>; lines: Omit<Line, "dealId">[] | null; account: AccountRow; prev?: DealRow };
  const creates: Next[] = [];
  const updates: Next[] = [];
  items.forEach((item, i) => {
    const d = data[i]!;
    const problems: Problem[] = [];
    const account = accounts.get(d.accountKey);
    if (!account) problems.push(problem("Account", `Missing account: “${d.accountKey.replace(/^name:/, "")}” is neither in the files nor in Keel.`, "account.externalId"));
    const owner = d.owner?.email ? ownerBy.get(`e:${d.owner.email}`) : d.owner?.externalId ? ownerBy.get(`x:${d.owner.externalId}`) : undefined;
    if (!owner) problems.push(problem("Owner", `Unknown owner: ${d.owner?.email ?? d.owner?.externalId ?? "none"} is not a rep in the files or in Keel.`, "rep.email"));
    let lines: Omit<Line, "dealId">[] | null = null;
    if (d.line !== undefined) {
      lines = [];
      if (d.line) {
        const key = d.line.productKey ?? (d.line.productExternalId ? productBy.get(d.line.productExternalId) : undefined);
        const product = key ? products.get(key) : undefined;
        if (!product) problems.push(problem("Product", `Unknown product: “${d.line.productExternalId ?? d.line.productKey}” is not a product of the published strategy.`, "product.externalId"));
        else lines.push({ productKey: product.id, productName: product.name, quantity: d.line.quantity, unitPrice: d.line.unitPrice ?? product.listPrice, discountPct: d.line.discountPct });
      }
    }
    if (problems.length || !account || !owner) {
      outcomes.push({ key: item.key, status: "failed", problems });
      return;
    }
    const prev = dealBy.get(item.key);
    const amount = lines?.length ? Math.round(lines.reduce((s, l) => s + l.quantity * l.unitPrice * (1 - l.discountPct / 100), 0) * 100) / 100 : d.amount;
    const row = {
      name: d.name, stage: d.stage.toUpperCase(), closeDate: d.closeDate, accountId: account.id, ownerId: owner.id, teamId: owner.teamId,
      amount, primaryCriterion: d.primaryCriterion !== undefined ? d.primaryCriterion : prev?.primaryCriterion ?? null, notes: d.notes !== undefined ? d.notes : prev?.notes ?? "",
    };
    if (!prev) {
      creates.push({ key: item.key, row, lines: lines ?? [], account });
      return;
    }
    const before = linesBy.get(prev.id) ?? [];
    const sameLines = lines === null || (lines.length === before.length && lines.every((l, j) => l.productKey === before[j]!.productKey && l.quantity === before[j]!.quantity && l.unitPrice === before[j]!.unitPrice && l.discountPct === before[j]!.discountPct));
    const same = sameLines && prev.name === row.name && prev.stage === row.stage && isoDay(prev.expectedCloseDate) === row.closeDate && prev.accountId === row.accountId && prev.ownerId === row.ownerId
      && prev.teamId === row.teamId && Math.abs(prev.amount - (lines === null ? row.amount : amount)) < 0.005 && prev.primaryCriterion === row.primaryCriterion && prev.notes === row.notes;
    if (same) outcomes.push({ key: item.key, status: "unchanged", targetId: prev.id });
    else updates.push({ key: item.key, row: lines === null ? { ...row, amount: d.amount ?? prev.amount } : row, lines, account, prev });
  });

  const scoring: RescoreBatch = [];
  const toInput = (n: Next, lines: Omit<Line, "dealId">[], extra: { commitments: DealInput["commitments"]; requests: DealInput["requests"] }): DealInput => ({
    account: { name: n.account.name, industry: n.account.industry, employees: n.account.employees, revenue: n.account.revenue, region: n.account.region },
    stage: String(n.row.stage).toLowerCase() as DealInput["stage"],
    expectedCloseDate: (n.row.closeDate as string | null) ?? null,
    lineItems: lines.map((l) => ({ productId: l.productKey, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct })),
    primaryCriterion: (n.row.primaryCriterion as DealInput["primaryCriterion"]) ?? null,
    ...extra,
  });

  if (creates.length) {
    const { rows } = await tx.query<{ id: string; externalId: string }>(
      `INSERT INTO "Deal" ("organizationId", "externalId", "accountId", "ownerId", "teamId", "name", "stage", "expectedCloseDate", "primaryCriterion", "notes", "amount", "updatedAt")
       SELECT $1, t.ext, t."accountId", t."ownerId", t."teamId", t.name, t.stage::"DealStage", t."closeDate", t."primaryCriterion", t.notes, t.amount, now()
       FROM jsonb_to_recordset($2::jsonb) AS t(ext text, "accountId" uuid, "ownerId" uuid, "teamId" uuid, name text, stage text, "closeDate" date, "primaryCriterion" text, notes text, amount float8)
       RETURNING "id", "externalId"`,
      [org, JSON.stringify(creates.map((c) => ({ ext: c.key, ...c.row })))],
    );
    const ids = new Map(rows.map((r) => [r.externalId, r.id]));
    for (const c of creates) {
      const id = ids.get(c.key)!;
      outcomes.push({ key: c.key, status: "created", targetId: id });
      scoring.push({ id, revision: 0, input: toInput(c, c.lines ?? [], { commitments: [], requests: [] }) });
    }
    await insertLines(tx, org, creates.flatMap((c) => (c.lines ?? []).map((l, position) => ({ ...l, dealId: ids.get(c.key)!, position }))));
  }
  if (updates.length) {
    const ids = updates.map((u) => u.prev!.id);
    await tx.query(
      `UPDATE "Deal" d SET "name" = t.name, "stage" = t.stage::"DealStage", "expectedCloseDate" = t."closeDate", "accountId" = t."accountId", "ownerId" = t."ownerId", "teamId" = t."teamId",
         "amount" = t.amount, "primaryCriterion" = t."primaryCriterion", "notes" = t.notes, "revision" = d."revision" + 1, "reviewState" = NULL, "approvedRevision" = NULL, "updatedAt" = now()
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, "accountId" uuid, "ownerId" uuid, "teamId" uuid, name text, stage text, "closeDate" date, "primaryCriterion" text, notes text, amount float8)
       WHERE d."id" = t.id`,
      [JSON.stringify(updates.map((u) => ({ id: u.prev!.id, ...u.row })))],
    );
    const replaced = updates.filter((u) => u.lines !== null);
    if (replaced.length) {
      await tx.query(`DELETE FROM "DealLineItem" WHERE "dealId" = ANY($1::uuid[])`, [replaced.map((u) => u.prev!.id)]);
      await insertLines(tx, org, replaced.flatMap((u) => u.lines!.map((l, position) => ({ ...l, dealId: u.prev!.id, position }))));
    }
    const extra = await childrenOf(tx, ids);
    for (const u of updates) {
      const prev = u.prev!;
      const lines = u.lines ?? (linesBy.get(prev.id) ?? []);
      outcomes.push({ key: u.key, status: "updated", targetId: prev.id, before: { ...prev, expectedCloseDate: isoDay(prev.expectedCloseDate), lines: linesBy.get(prev.id) ?? [] } });
      scoring.push({ id: prev.id, revision: prev.revision + 1, input: toInput(u, lines, extra.get(prev.id) ?? { commitments: [], requests: [] }) });
    }
  }
  await writeScores(tx, org, snapshot, scoring);
  return outcomes;
}

async function insertLines(tx: Client, org: string, lines: (Omit<Line, never> & { position: number })[]) {
  if (!lines.length) return;
  await tx.query(
    `INSERT INTO "DealLineItem" ("organizationId", "dealId", "position", "productKey", "productName", "quantity", "unitPrice", "discountPct")
     SELECT $1, t."dealId", t.position, t."productKey", t."productName", t.quantity, t."unitPrice", t."discountPct"
     FROM jsonb_to_recordset($2::jsonb) AS t("dealId" uuid, position int, "productKey" uuid, "productName" text, quantity float8, "unitPrice" float8, "discountPct" float8)`,
    [org, JSON.stringify(lines)],
  );
}

/** Commitments and requests logged in Keel stay with an updated deal, and count in its score. */
async function childrenOf(tx: Client, ids: string[]) {
  const out = new Map<string, { commitments: DealInput["commitments"]; requests: DealInput["requests"] }>();
  if (!ids.length) return out;
  for (const id of ids) out.set(id, { commitments: [], requests: [] });
  const { rows: commitments } = await tx.query<{ dealId: string; text: string; kind: string; dueDate: Date | null }>(
    `SELECT "dealId", "text", "kind", "dueDate" FROM "Commitment" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`, [ids]);
  const { rows: requests } = await tx.query<{ dealId: string; text: string }>(
    `SELECT "dealId", "text" FROM "CustomerRequest" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`, [ids]);
  for (const c of commitments) out.get(c.dealId)!.commitments.push({ text: c.text, kind: c.kind as DealInput["commitments"][number]["kind"], dueDate: isoDay(c.dueDate) });
  for (const r of requests) out.get(r.dealId)!.requests.push({ text: r.text });
  return out;
}

// ---- rollback -----------------------------------------------------------------------------

async function rollbackItems(tx: Client, run: RunInfo, entity: string, items: ItemRow[], snapshot: StrategySnapshot | null): Promise<Outcome[]> {
  const created = items.filter((i) => i.status === "created" && i.targetId);
  const updated = items.filter((i) => i.status === "updated" && i.targetId && i.before);
  const ids = created.map((i) => i.targetId!);
  const outcomes: Outcome[] = [];
  const deletedSet = async (sql: string) => new Set((await tx.query<{ id: string }>(sql, [ids, run.organizationId])).rows.map((r) => r.id));
  let deleted = new Set<string>();
  if (entity === "deal") {
    deleted = await deletedSet(`DELETE FROM "Deal" WHERE "id" = ANY($1::uuid[]) AND "organizationId" = $2 RETURNING "id"`);
    const scoring: RescoreBatch = [];
    for (const item of updated) {
      const b = item.before as unknown as DealRow & { expectedCloseDate: string | null; lines: Line[] };
      const { rows: [row] } = await tx.query<{ revision: number }>(
        `UPDATE "Deal" SET "name" = $2, "stage" = $3::"DealStage", "expectedCloseDate" = $4::date, "primaryCriterion" = $5, "notes" = $6, "amount" = $7, "accountId" = $8, "ownerId" = $9, "teamId" = $10,
           "revision" = "revision" + 1, "reviewState" = NULL, "approvedRevision" = NULL, "updatedAt" = now() WHERE "id" = $1 RETURNING "revision"`,
        [item.targetId, b.name, b.stage, b.expectedCloseDate, b.primaryCriterion, b.notes, b.amount, b.accountId, b.ownerId, b.teamId],
      );
      if (!row) continue;
      await tx.query(`DELETE FROM "DealLineItem" WHERE "dealId" = $1`, [item.targetId]);
      await insertLines(tx, run.organizationId, b.lines.map((l, position) => ({ ...l, dealId: item.targetId!, position })));
      if (snapshot) {
        const { rows: [a] } = await tx.query<AccountRow>(`SELECT * FROM "CustomerAccount" WHERE "id" = $1`, [b.accountId]);
        const extra = (await childrenOf(tx, [item.targetId!])).get(item.targetId!)!;
        scoring.push({ id: item.targetId!, revision: row.revision, input: {
          account: { name: a!.name, industry: a!.industry, employees: a!.employees, revenue: a!.revenue, region: a!.region },
          stage: b.stage.toLowerCase() as DealInput["stage"], expectedCloseDate: b.expectedCloseDate,
          lineItems: b.lines.map((l) => ({ productId: l.productKey, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct })),
          primaryCriterion: (b.primaryCriterion as DealInput["primaryCriterion"]) ?? null, ...extra,
        } });
      }
    }
    if (snapshot) await writeScores(tx, run.organizationId, snapshot, scoring);
  } else if (entity === "product") {
    await tx.query(`DELETE FROM "ImportKey" WHERE "organizationId" = $1 AND "entity" = 'product' AND "externalId" = ANY($2)`, [run.organizationId, created.map((i) => i.key)]);
    deleted = new Set(ids);
    for (const item of updated) await tx.query(`UPDATE "ImportKey" SET "targetId" = $3 WHERE "organizationId" = $1 AND "entity" = 'product' AND "externalId" = $2`, [run.organizationId, item.key, item.before!.targetId]);
  } else if (entity === "account") {
    deleted = await deletedSet(`DELETE FROM "CustomerAccount" a WHERE a."id" = ANY($1::uuid[]) AND a."organizationId" = $2
      AND NOT EXISTS (SELECT 1 FROM "Deal" d WHERE d."accountId" = a."id") AND NOT EXISTS (SELECT 1 FROM "CustomerRequest" r WHERE r."accountId" = a."id") RETURNING a."id"`);
    for (const item of updated) {
      const b = item.before as unknown as AccountRow;
      await tx.query(`UPDATE "CustomerAccount" SET "externalId" = $2, "name" = $3, "industry" = $4, "employees" = $5, "revenue" = $6, "region" = $7, "updatedAt" = now() WHERE "id" = $1`,
        [item.targetId, b.externalId, b.name, b.industry, b.employees, b.revenue, b.region]);
    }
  } else if (entity === "rep") {
    deleted = await deletedSet(`DELETE FROM "User" u WHERE u."id" = ANY($1::uuid[]) AND u."organizationId" = $2 AND NOT EXISTS (SELECT 1 FROM "Deal" d WHERE d."ownerId" = u."id") RETURNING u."id"`);
    await tx.query(`DELETE FROM "ImportKey" WHERE "organizationId" = $1 AND "entity" = 'rep' AND "targetId" = ANY($2::uuid[])`, [run.organizationId, [...deleted]]);
    for (const item of updated) {
      const b = item.before as { name: string; role: string; teamId: string | null };
      await tx.query(`UPDATE "User" SET "name" = $2, "role" = $3::"Role", "teamId" = $4, "updatedAt" = now() WHERE "id" = $1`, [item.targetId, b.name, b.role, b.teamId]);
    }
  } else if (entity === "team") {
    deleted = await deletedSet(`DELETE FROM "Team" WHERE "id" = ANY($1::uuid[]) AND "organizationId" = $2 RETURNING "id"`);
    for (const item of updated) await tx.query(`UPDATE "Team" SET "managerId" = $2 WHERE "id" = $1`, [item.targetId, (item.before as { managerId: string | null }).managerId]);
  }
  for (const item of created) outcomes.push({ key: item.key, status: deleted.has(item.targetId!) ? "rolled_back" : "kept", problems: deleted.has(item.targetId!) ? [] : [problem("", "Kept: records added in Keel since the import still use it.")] });
  for (const item of updated) outcomes.push({ key: item.key, status: "restored" });
  return outcomes;
}

// ---- the batch ----------------------------------------------------------------------------

type RunInfo = { id: string; organizationId: string; createdById: string | null; settings: ImportSettings; headers: Map<string, string[]>; context: Parameters<typeof extractRow>[0] };

async function loadRun(tx: Client, runId: string): Promise<RunInfo> {
  const { rows: [run] } = await tx.query<{ id: string; organizationId: string; createdById: string | null; settings: ImportSettings }>(
    `SELECT "id", "organizationId", "createdById", "settings" FROM "ImportRun" WHERE "id" = $1`, [runId]);
  if (!run) throw new Error(`import run ${runId} not found`);
  const { rows: files } = await tx.query<{ id: string; headers: string[] }>(`SELECT "id", "headers" FROM "ImportFile" WHERE "runId" = $1`, [runId]);
  const snapshot = await currentSnapshot(run.organizationId);
  return {
    ...run,
    headers: new Map(files.map((f) => [f.id, f.headers])),
    context: { settings: run.settings, products: (snapshot?.products ?? []).map((p) => ({ key: p.id, name: p.name, listPrice: p.listPrice })) },
  };
}

/** Summary counts per entity and outcome. */
export async function countOutcomes(q: Pick<Client, "query">, runId: string) {
  const { rows } = await q.query<{ entity: string; status: string; n: number }>(
    `SELECT "entity", "status", count(*)::int AS n FROM "ImportItem" WHERE "runId" = $1 GROUP BY 1, 2`, [runId]);
  return rows;
}

/**
 * Runs one batch of an import (or rollback) job. Returns false when the job has nothing left (and
 * marks the run done, in the same transaction as its last cursor).
 */
export async function runImportBatch(job: JobRow): Promise<boolean> {
  const payload = job.payload as ImportPayload;
  const limit = payload.batch ?? (Number(process.env.KEEL_IMPORT_BATCH) || IMPORT_BATCH); // smaller in fault tests
  const snapshot = await currentSnapshot(job.organizationId);
  return rawTransaction(async (tx) => {
    await tx.query("SET LOCAL synchronous_commit = off"); // as in rescore: batch and cursor commit or vanish together
    const { rows: [state] } = await tx.query<{ cursor: string | null; done: number; total: number; status: string }>(`SELECT "cursor", "done", "total", "status" FROM "Job" WHERE "id" = $1 FOR UPDATE`, [job.id]);
    if (state!.status === "cancelled") return false; // a rollback took over this run
    const run = await loadRun(tx, payload.runId);
    let cursor: Cursor = state!.cursor ? (JSON.parse(state!.cursor) as Cursor) : payload.mode === "rollback" ? { phase: "rollback", step: 0, key: null } : { phase: "extract", file: 0, row: 0 };
    let done = state!.done;
    let total = state!.total;
    for (;;) {
      if (cursor.phase === "extract") {
        const next = await extractBatch(tx, run, cursor, limit);
        if (!next) {
          const { rows: [pending] } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ImportItem" WHERE "runId" = $1 AND "status" = 'pending'`, [run.id]);
          total = done + pending!.n;
          // Every staged row is an item now (with its data and problems); the staged copies are
          // not read again (not by apply, rollback or resume), so they go, with this cursor.
          await tx.query(`DELETE FROM "ImportRow" WHERE "fileId" IN (SELECT "id" FROM "ImportFile" WHERE "runId" = $1)`, [run.id]);
          cursor = { phase: "apply", step: 0, key: null };
          continue;
        }
        cursor = next.cursor;
        if (!next.units) continue;
        done += next.units;
        break;
      }
      const steps = cursor.phase === "apply" ? APPLY_STEPS : ROLLBACK_STEPS;
      const step = steps[cursor.step];
      if (!step) {
        await finishRun(tx, run, payload.mode);
        await tx.query(`UPDATE "Job" SET "cursor" = $2, "done" = GREATEST("total", $3::int), "total" = GREATEST("total", $3::int) WHERE "id" = $1`, [job.id, JSON.stringify(cursor), done]);
        return false;
      }
      let items: ItemRow[];
      let outcomes: Outcome[];
      if (cursor.phase === "apply") {
        const entity = step === "teamManager" ? "team" : step;
        items = await loadItems(tx, run.id, entity, cursor.key, limit, step === "teamManager" ? ["created", "updated", "unchanged"] : ["pending"]);
        if (!items.length) {
          cursor = { phase: "apply", step: cursor.step + 1, key: null };
          continue;
        }
        if (step === "deal" && !snapshot) throw new Error("No published strategy: deals cannot be scored, so none are imported.");
        outcomes =
          step === "team" ? await applyTeams(tx, run, items)
          : step === "rep" ? await applyReps(tx, run, items)
          : step === "teamManager" ? await applyTeamManagers(tx, run, items)
          : step === "account" ? await applyAccounts(tx, run, items)
          : step === "product" ? await applyProducts(tx, run, items)
          : await applyDeals(tx, run, items, snapshot!);
        await saveOutcomes(tx, run.id, entity, outcomes);
        if (step !== "teamManager") done += items.length;
      } else {
        items = await loadItems(tx, run.id, step, cursor.key, limit, ["created", "updated"]);
        if (!items.length) {
          cursor = { phase: "rollback", step: cursor.step + 1, key: null };
          continue;
        }
        outcomes = await rollbackItems(tx, run, step, items, snapshot);
        await saveOutcomes(tx, run.id, step, outcomes);
        done += items.length;
      }
      cursor = { phase: cursor.phase, step: cursor.step, key: items[items.length - 1]!.key };
      break;
    }
    await tx.query(
      `UPDATE "Job" SET "cursor" = $2, "done" = $3::int, "total" = GREATEST($4::int, $3::int), "lockedUntil" = now() + make_interval(secs => $5) WHERE "id" = $1`,
      [job.id, JSON.stringify(cursor), done, total, LEASE_SECONDS],
    );
    await tx.query(`UPDATE "ImportRun" SET "status" = $2, "updatedAt" = now() WHERE "id" = $1 AND "status" IN ('queued', 'running', 'rolling_back')`, [run.id, payload.mode === "rollback" ? "rolling_back" : "running"]);
    return true;
  });
}

async function finishRun(tx: Client, run: RunInfo, mode: ImportPayload["mode"]) {
  const counts = await countOutcomes(tx, run.id);
  await tx.query(`UPDATE "ImportRun" SET "status" = $2, "finishedAt" = now(), "updatedAt" = now() WHERE "id" = $1`, [run.id, mode === "rollback" ? "rolled_back" : "done"]);
  await tx.query(
    `INSERT INTO "AuditLog" ("organizationId", "actorId", "action", "entityType", "entityId", "after") VALUES ($1, $2, $3, 'ImportRun', $4, $5)`,
    [run.organizationId, run.createdById, mode === "rollback" ? "import.rollback" : "import.finish", run.id, JSON.stringify({ counts })],
  );
}

