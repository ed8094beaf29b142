import "server-only";
// The import wizard's domain: upload (chunks → disk → staged rows), mapping suggestions and the
// preview, starting the background job, its progress, resume and rollback. Every function takes
// the actor and scopes every query by its organisation.
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { rawPool } from "@/lib/db-raw";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { currentSnapshot } from "@/lib/deals/scoring";
import { enqueueJob } from "@/lib/jobs/queue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { FIELDS, TABLE_FIELDS, suggestMapping, suggestStage, suggestTable, type ColumnMap, type FieldId, type KeelStage, type Table } from "@/lib/imports/fields";
import { detectDateOrder, detectNumberStyle, normKey, variantGroups, type DateOrder, type NumberStyle } from "@/lib/imports/normalize";
import { extractRow, PRIMARY, type FileSettings, type ImportSettings, type Problem } from "@/lib/imports/extract";
import { IMPORT_KIND, countOutcomes, orderedFiles } from "@/lib/imports/job";
import { appendChunk, removeRunFiles, stageFile } from "@/lib/imports/stage";

const PREVIEW_ROWS = 10;
const SAMPLE_ROWS = 50;

async function runOf(actor: Actor, runId: string) {
  const run = await db.importRun.findFirst({ where: { id: runId, organizationId: actor.organizationId }, include: { files: { orderBy: { position: "asc" } } } });
  if (!run) throw notFound("That import");
  return run;
}

// ---- upload -------------------------------------------------------------------------------

/** Starts a file (and the run, when none is given); chunks follow with uploadChunk. */
export async function startFile(actor: Actor, input: { runId?: string | null; name: string }) {
  const name = input.name.trim().slice(0, 200);
  if (!name) throw new AppError("VALIDATION_FAILED", "The file needs a name.", { fieldErrors: { name: ["The file needs a name."] } });
  const runId = input.runId ?? (await db.importRun.create({ data: { organizationId: actor.organizationId, createdById: actor.userId } })).id;
  const run = await runOf(actor, runId);
  if (run.status !== "draft") throw new AppError("CONFLICT", "This import has started; start a new one to add files.");
  if (run.files.length >= 10) throw new AppError("VALIDATION_FAILED", "Upload at most 10 files per import.");
  const file = await db.importFile.create({ data: { organizationId: actor.organizationId, runId, name, position: run.files.length } });
  return { runId, fileId: file.id };
}

export async function uploadChunk(actor: Actor, input: { runId: string; fileId: string; offset: number; final: boolean }, body: ReadableStream<Uint8Array> | Readable | null) {
  const run = await runOf(actor, input.runId);
  const file = run.files.find((f) => f.id === input.fileId);
  if (!file) throw notFound("That file");
  if (run.status !== "draft" || file.staged) throw new AppError("CONFLICT", "That file is uploaded already.");
  const received = await appendChunk(run.id, file.id, input.offset, body);
  if (!input.final) return { received, staged: null };
  try {
    const staged = await stageFile(run.id, file.id);
    return { received, staged: { fileId: file.id, name: file.name, ...staged } };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("VALIDATION_FAILED", `“${file.name}” could not be read as CSV: ${(error as Error).message}`);
  }
}

export async function removeFile(actor: Actor, input: { runId: string; fileId: string }) {
  const run = await runOf(actor, input.runId);
  if (run.status !== "draft") throw new AppError("CONFLICT", "This import has started.");
  await db.importFile.deleteMany({ where: { id: input.fileId, runId: run.id } });
  return { runId: run.id };
}

// ---- mapping and preview -----------------------------------------------------------------

export type PreviewCell = { field: FieldId | "product.key"; value: string; problems: string[] };
export type Analysis = {
  runId: string;
  status: string;
  files: { id: string; name: string; rowCount: number; headers: string[]; table: Table; columns: ColumnMap; numberStyle: NumberStyle; samples: string[][] }[];
  stages: { key: string; values: string[]; count: number; stage: KeelStage | ""; suggested: KeelStage | null }[];
  dates: { ambiguous: boolean; detected: DateOrder | null; order: DateOrder | null; examples: string[] };
  products: { key: string; values: string[]; count: number; productKey: string; suggested: string | null; similar: boolean }[];
  productOptions: { key: string; name: string }[];
  teams: { key: string; values: string[]; count: number; name: string; existing: boolean }[];
  preview: { fileId: string; name: string; table: Table; fields: { id: string; label: string }[]; rows: { rowNo: number; cells: PreviewCell[]; problems: Problem[] }[] }[];
  blocking: string[];
  settings: ImportSettings;
  hasStrategy: boolean;
};

async function distinctValues(fileId: string, column: number, limit = 1000) {
  const { rows } = await rawPool().query<{ v: string | null; n: number }>(
    `SELECT "cells"->>$2::int AS v, count(*)::int AS n FROM "ImportRow" WHERE "fileId" = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT $3`,
    [fileId, column, limit],
  );
  return rows.filter((r) => r.v !== null).map((r) => ({ value: r.v!, count: r.n }));
}

/** Suggests (or applies the admin's) mapping, then reads the first rows as Keel would store them. */
export async function prepareImport(actor: Actor, input: { runId: string; settings?: Partial<ImportSettings> | null }): Promise<Analysis> {
  const run = await runOf(actor, input.runId);
  const files = run.files.filter((f) => f.staged);
  if (!files.length) throw new AppError("VALIDATION_FAILED", "Upload at least one CSV file first.");
  const snapshot = await currentSnapshot(actor.organizationId);
  const products = (snapshot?.products ?? []).map((p) => ({ key: p.id, name: p.name, listPrice: p.listPrice }));
  const given = { ...(run.settings as Partial<ImportSettings>), ...(input.settings ?? {}) };
  const pool = rawPool();

  const fileSettings: (FileSettings & { samples: string[][]; headers: string[]; name: string; rowCount: number })[] = [];
  for (const f of files) {
    const { rows } = await pool.query<{ cells: string[] }>(`SELECT "cells" FROM "ImportRow" WHERE "fileId" = $1 ORDER BY "rowNo" LIMIT $2`, [f.id, SAMPLE_ROWS]);
    const samples = rows.map((r) => r.cells);
    const prior = given.files?.find((x) => x.fileId === f.id);
    const table = prior?.table ?? suggestTable(f.name, f.headers);
    const columns = prior && prior.table === table ? sanitize(prior.columns, table, f.headers.length) : suggestMapping(table, f.headers, samples);
    const numeric = (["deal.amount", "deal.unitPrice", "account.revenue"] as FieldId[]).filter((c) => columns[c] !== undefined).flatMap((c) => samples.map((s) => s[columns[c]!] ?? ""));
    fileSettings.push({ fileId: f.id, table, columns, numberStyle: prior?.numberStyle ?? detectNumberStyle(numeric), samples, headers: f.headers, name: f.name, rowCount: f.rowCount });
  }

  // Stages, dates, products and teams: distinct values over whole files (SQL on the staged rows).
  const collect = async (field: FieldId, table?: Table) => {
    const out: { value: string; count: number }[] = [];
    for (const f of fileSettings) {
      if (table && f.table !== table) continue;
      const column = f.columns[field];
      if (column !== undefined && TABLE_FIELDS[f.table].includes(field)) out.push(...(await distinctValues(f.fileId, column)));
    }
    return out;
  };
  const stageGroups = variantGroups(await collect("deal.stage", "deals"));
  const stages = stageGroups.map((g) => {
    const suggested = suggestStage(g.spellings[0]!.value);
    const chosen = given.stages?.[g.key];
    return { key: g.key, values: g.spellings.map((s) => s.value), count: g.spellings.reduce((n, s) => n + s.count, 0), stage: (chosen !== undefined ? chosen : suggested ?? "") as KeelStage | "", suggested };
  });
  const dateValues = (await collect("deal.closeDate", "deals")).map((d) => d.value);
  const detected = detectDateOrder(dateValues);
  const order = given.dateOrder ?? detected.order;
  const productGroups = variantGroups(await collect("product.name"));
  const productsByKey = new Map(products.map((p) => [normKey(p.name), p]));
  const productRows = productGroups.map((g) => {
    const match = productsByKey.get(g.key) ?? null;
    const chosen = given.products?.[g.key];
    return {
      key: g.key, values: g.spellings.map((s) => s.value), count: g.spellings.reduce((n, s) => n + s.count, 0),
      productKey: chosen !== undefined ? chosen : match?.key ?? "", suggested: match?.key ?? null,
      similar: !!match && g.spellings.some((s) => s.value !== match.name),
    };
  });
  const existingTeams = await db.team.findMany({ where: { organizationId: actor.organizationId }, select: { name: true } });
  const teamByKey = new Map(existingTeams.map((t) => [normKey(t.name), t.name]));
  const teams = variantGroups(await collect("rep.team")).map((g) => {
    const existing = teamByKey.get(g.key);
    return { key: g.key, values: g.spellings.map((s) => s.value), count: g.spellings.reduce((n, s) => n + s.count, 0), name: given.teams?.[g.key] || existing || g.spellings[0]!.value, existing: !!existing };
  });

  const settings: ImportSettings = {
    files: fileSettings.map(({ fileId, table, columns, numberStyle }) => ({ fileId, table, columns, numberStyle })),
    dateOrder: order,
    stages: Object.fromEntries(stages.map((s) => [s.key, s.stage])),
    products: Object.fromEntries(productRows.map((p) => [p.key, p.productKey])),
    teams: Object.fromEntries(teams.map((t) => [t.key, t.name])),
  };

  const blocking: string[] = [];
  if (!snapshot) blocking.push("Publish a strategy first: imported deals are scored against it and their products map onto its products.");
  for (const f of fileSettings) {
    for (const field of TABLE_FIELDS[f.table]) {
      const def = FIELDS[field] as { label: string; required?: readonly Table[] };
      if (def.required?.includes(f.table) && f.columns[field] === undefined) blocking.push(`${f.name}: choose the column for ${def.label}.`);
    }
    if (f.table === "deals" && f.columns["account.externalId"] === undefined && f.columns["account.name"] === undefined) blocking.push(`${f.name}: choose the column for the account (ID or name).`);
    if (f.table === "deals" && f.columns["rep.email"] === undefined && f.columns["rep.externalId"] === undefined) blocking.push(`${f.name}: choose the column for the owner (e-mail or rep ID).`);
  }
  if (detected.ambiguous && !order) blocking.push("Choose how to read dates like 03/04/2026: every day in the files is 12 or less, so either order fits.");

  // Preview: the first rows of each file through the same code the job runs.
  const ctx = { settings, products };
  const preview: Analysis["preview"] = [];
  for (const f of orderedFiles(settings)) {
    const meta = fileSettings.find((x) => x.fileId === f.fileId)!;
    const primary = PRIMARY[f.table];
    const rows = meta.samples.slice(0, PREVIEW_ROWS).map((cells, i) => {
      const items = extractRow(ctx, f, meta.headers, cells, i + 1);
      const item = items.find((it) => it.entity === primary && it.primary);
      return { rowNo: i + 1, data: item?.data ?? {}, problems: item?.problems ?? [], cells };
    });
    await addReferenceProblems(actor, f, fileSettings, rows);
    const fields = previewFields(f.table, f.columns);
    preview.push({
      fileId: f.fileId, name: meta.name, table: f.table, fields: fields.map((x) => ({ id: x.id, label: x.label })),
      rows: rows.map((r) => ({
        rowNo: r.rowNo,
        problems: r.problems,
        cells: fields.map((x) => ({ field: x.id, value: x.show(r.data, products), problems: r.problems.filter((p) => x.covers.includes(p.field)).map((p) => p.message) })),
      })),
    });
  }
  await db.importRun.update({ where: { id: run.id }, data: { settings: settings as unknown as Prisma.InputJsonValue } });
  return {
    runId: run.id, status: run.status,
    files: fileSettings.map((f) => ({ id: f.fileId, name: f.name, rowCount: f.rowCount, headers: f.headers, table: f.table, columns: f.columns, numberStyle: f.numberStyle ?? "dot", samples: f.samples.slice(0, 3) })),
    stages, dates: { ambiguous: detected.ambiguous, detected: detected.order, order, examples: dateValues.slice(0, 5) },
    products: productRows, productOptions: products.map((p) => ({ key: p.key, name: p.name })), teams,
    preview, blocking, settings, hasStrategy: !!snapshot,
  };
}

function sanitize(columns: ColumnMap, table: Table, width: number): ColumnMap {
  const out: ColumnMap = {};
  for (const [field, column] of Object.entries(columns)) {
    if (TABLE_FIELDS[table].includes(field as FieldId) && typeof column === "number" && column >= 0 && column < width) out[field as FieldId] = column;
  }
  return out;
}

type PreviewField = { id: FieldId | "product.key"; label: string; covers: string[]; show: (d: Record<string, unknown>, products: { key: string; name: string }[]) => string };
const str = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "number" ? v.toLocaleString("en", { maximumFractionDigits: 2 }) : String(v));

function previewFields(table: Table, columns: ColumnMap): PreviewField[] {
  const f = (id: FieldId, key: string, covers: string[] = [id]): PreviewField => ({ id, label: FIELDS[id].label, covers, show: (d) => str(d[key]) });
  if (table === "accounts") return [f("account.externalId", "externalId"), f("account.name", "name"), f("account.industry", "industry"), f("account.employees", "employees"), f("account.revenue", "revenue"), f("account.region", "region")];
  if (table === "reps") return [f("rep.email", "email"), f("rep.name", "name"), f("rep.role", "role"), f("rep.team", "team"), f("rep.managerEmail", "managerEmail")].filter((x) => x.id === "rep.email" || columns[x.id as FieldId] !== undefined);
  if (table === "products") return [f("product.externalId", "externalId"), f("product.name", "name"), { id: "product.key", label: "Keel product", covers: [], show: (d, products) => products.find((p) => p.key === d.productKey)?.name ?? "" }];
  const line = (key: string) => (d: Record<string, unknown>) => str((d.line as Record<string, unknown> | null | undefined)?.[key]);
  return [
    f("deal.externalId", "externalId"), f("deal.name", "name"), f("deal.stage", "stage"), f("deal.closeDate", "closeDate"),
    { id: "account.externalId", label: "Account", covers: ["account.externalId", "account.name"], show: (d) => str(d.accountKey).replace(/^name:/, "") },
    { id: "rep.email", label: "Owner", covers: ["rep.email", "rep.externalId"], show: (d) => str((d.owner as { email?: string; externalId?: string } | null)?.email ?? (d.owner as { externalId?: string } | null)?.externalId) },
    { id: "product.name", label: "Product", covers: ["product.name", "product.externalId"], show: (d, products) => products.find((p) => p.key === (d.line as { productKey?: string } | null)?.productKey)?.name ?? str((d.line as { productExternalId?: string } | null)?.productExternalId) },
    { id: "deal.quantity", label: "Quantity", covers: ["deal.quantity"], show: line("quantity") },
    { id: "deal.unitPrice", label: "Unit price", covers: ["deal.unitPrice"], show: line("unitPrice") },
    { id: "deal.discountPct", label: "Discount %", covers: ["deal.discountPct"], show: line("discountPct") },
    f("deal.amount", "amount"),
    ...(columns["deal.primaryCriterion"] !== undefined ? [f("deal.primaryCriterion", "primaryCriterion")] : []),
  ];
}

/** Missing accounts, unknown owners and product IDs: looked up in the other files and in Keel. */
async function addReferenceProblems(actor: Actor, file: FileSettings, all: (FileSettings & { headers: string[] })[], rows: { data: Record<string, unknown>; problems: Problem[] }[]) {
  if (file.table !== "deals") return;
  const pool = rawPool();
  const inFiles = async (field: FieldId, values: string[], lower: boolean) => {
    const found = new Set<string>();
    for (const f of all) {
      const column = f.columns[field];
      const contributes = f.table === PRIMARY_TABLE[field] || (f.table === "deals" && (field.startsWith("account.") ? f.columns["account.name"] !== undefined : field.startsWith("rep.") ? f.columns["rep.name"] !== undefined : f.columns["product.name"] !== undefined));
      if (column === undefined || !contributes || !values.length) continue;
      const { rows: hits } = await pool.query<{ v: string }>(
        `SELECT DISTINCT ${lower ? "lower(btrim(\"cells\"->>$2::int))" : "btrim(\"cells\"->>$2::int)"} AS v FROM "ImportRow" WHERE "fileId" = $1 AND ${lower ? "lower(btrim(\"cells\"->>$2::int))" : "btrim(\"cells\"->>$2::int)"} = ANY($3)`,
        [f.fileId, column, values],
      );
      for (const h of hits) found.add(h.v);
    }
    return found;
  };
  const idKeys = rows.map((r) => r.data.accountKey as string | null).filter((k): k is string => !!k && !k.startsWith("name:"));
  const nameKeys = rows.map((r) => r.data.accountKey as string | null).filter((k): k is string => !!k && k.startsWith("name:")).map((k) => k.slice(5));
  const accountIds = await inFiles("account.externalId", idKeys, false);
  const accountNames = await inFiles("account.name", nameKeys, true);
  const dbAccounts = await db.customerAccount.findMany({ where: { organizationId: actor.organizationId, OR: [{ externalId: { in: idKeys } }, { name: { in: nameKeys, mode: "insensitive" } }] }, select: { externalId: true, name: true } });
  for (const a of dbAccounts) {
    if (a.externalId) accountIds.add(a.externalId);
    accountNames.add(a.name.toLowerCase());
  }
  const emails = rows.map((r) => (r.data.owner as { email?: string } | null)?.email).filter((e): e is string => !!e);
  const knownEmails = await inFiles("rep.email", emails, true);
  for (const u of await db.user.findMany({ where: { organizationId: actor.organizationId, email: { in: emails, mode: "insensitive" } }, select: { email: true } })) knownEmails.add(u.email.toLowerCase());
  const productIds = rows.map((r) => (r.data.line as { productExternalId?: string } | null)?.productExternalId).filter((p): p is string => !!p);
  const knownProducts = await inFiles("product.externalId", productIds, false);
  for (const k of await db.importKey.findMany({ where: { organizationId: actor.organizationId, entity: "product", externalId: { in: productIds } }, select: { externalId: true } })) knownProducts.add(k.externalId);
  for (const r of rows) {
    const key = r.data.accountKey as string | null;
    if (key && !(key.startsWith("name:") ? accountNames.has(key.slice(5)) : accountIds.has(key))) {
      r.problems.push({ field: key.startsWith("name:") ? "account.name" : "account.externalId", column: "Account", message: `Missing account: “${key.replace(/^name:/, "")}” is neither in the files nor in Keel.` });
    }
    const email = (r.data.owner as { email?: string } | null)?.email;
    if (email && !knownEmails.has(email)) r.problems.push({ field: "rep.email", column: "Owner", message: `Unknown owner: ${email} is not a rep in the files or in Keel.` });
    const pid = (r.data.line as { productExternalId?: string } | null)?.productExternalId;
    if (pid && !knownProducts.has(pid)) r.problems.push({ field: "product.externalId", column: "Product", message: `Unknown product: “${pid}” is not in the products file or an earlier import.` });
  }
}
const PRIMARY_TABLE: Partial<Record<FieldId, Table>> = { "account.externalId": "accounts", "account.name": "accounts", "rep.email": "reps", "product.externalId": "products" };

// ---- run, progress, resume, rollback -----------------------------------------------------

export async function startImport(actor: Actor, input: { runId: string; settings: ImportSettings }) {
  const analysis = await prepareImport(actor, input);
  if (analysis.blocking.length) throw new AppError("VALIDATION_FAILED", analysis.blocking[0]!, { details: { blocking: analysis.blocking } });
  const started = await db.$transaction(async (tx) => {
    const busy = await tx.importRun.findFirst({ where: { organizationId: actor.organizationId, status: { in: ["queued", "running", "rolling_back"] }, NOT: { id: input.runId } }, select: { id: true } });
    if (busy) throw new AppError("CONFLICT", "Another import is running; wait for it to finish (or roll it back) first.");
    const claimed = await tx.importRun.updateMany({ where: { id: input.runId, organizationId: actor.organizationId, status: "draft" }, data: { status: "queued" } });
    if (!claimed.count) throw new AppError("CONFLICT", "This import has started already.");
    const rows = analysis.files.reduce((n, f) => n + f.rowCount, 0);
    const job = await enqueueJob(tx, { organizationId: actor.organizationId, kind: IMPORT_KIND, payload: { runId: input.runId, mode: "import" }, total: rows * 2 });
    await tx.importRun.update({ where: { id: input.runId }, data: { jobId: job.id } });
    await recordAudit(tx, actor, { action: "import.start", entityType: "ImportRun", entityId: input.runId, after: { files: analysis.files.map((f) => ({ name: f.name, table: f.table, rows: f.rowCount })) } });
    return { runId: input.runId, jobId: job.id };
  });
  // The uploaded files are staged in the database; the job never reads the copies on disk.
  await removeRunFiles(input.runId);
  return started;
}

export type RunStatus = Awaited<ReturnType<typeof importStatus>>;

export async function importStatus(actor: Actor, runId: string) {
  const run = await runOf(actor, runId);
  const jobIds = [run.jobId, run.rollbackJobId].filter((x): x is string => !!x);
  const jobs = await db.job.findMany({ where: { id: { in: jobIds }, organizationId: actor.organizationId } });
  const job = jobs.find((j) => j.id === (run.rollbackJobId ?? run.jobId)) ?? null;
  const counts = await countOutcomes(rawPool(), run.id);
  const by = (entity: string, status: string) => counts.find((c) => c.entity === entity && c.status === status)?.n ?? 0;
  const entities = ["deal", "account", "rep", "team", "product"].map((entity) => ({
    entity, created: by(entity, "created"), updated: by(entity, "updated"), unchanged: by(entity, "unchanged"), failed: by(entity, "failed"),
    rolledBack: by(entity, "rolled_back") + by(entity, "restored"), kept: by(entity, "kept"),
  }));
  const totals = entities.reduce((t, e) => ({ created: t.created + e.created, updated: t.updated + e.updated, unchanged: t.unchanged + e.unchanged, failed: t.failed + e.failed }), { created: 0, updated: 0, unchanged: 0, failed: 0 });
  const failures = await db.importItem.findMany({
    where: { runId: run.id, status: { in: ["failed", "kept"] } }, orderBy: [{ entity: "asc" }, { rowNo: "asc" }], take: 50,
    select: { entity: true, key: true, rowNo: true, fileId: true, problems: true },
  });
  const interrupted = !!job && (job.status === "failed" || (job.status === "running" && !!job.lockedUntil && job.lockedUntil < new Date()));
  const latest = await db.importRun.findFirst({ where: { organizationId: actor.organizationId, status: { notIn: ["draft", "rolled_back"] } }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return {
    id: run.id, status: run.status, createdAt: run.createdAt, finishedAt: run.finishedAt,
    files: run.files.map((f) => ({ id: f.id, name: f.name, rowCount: f.rowCount })),
    job: job ? { status: job.status, done: job.done, total: job.total, error: job.error } : null,
    interrupted,
    canResume: interrupted && job?.id === run.jobId,
    canRollBack: latest?.id === run.id && ["done", "running", "queued"].includes(run.status) && (run.status === "done" || interrupted),
    entities, totals,
    failures: failures.map((f) => ({ entity: f.entity, key: f.key.startsWith("#") ? "" : f.key, row: f.rowNo + 1, file: run.files.find((x) => x.id === f.fileId)?.name ?? "", problems: f.problems as Problem[] })),
  };
}

export async function listImportRuns(actor: Actor) {
  return db.importRun.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" }, take: 20,
    select: { id: true, status: true, createdAt: true, finishedAt: true, files: { select: { name: true, rowCount: true }, orderBy: { position: "asc" } } },
  });
}

/** An interrupted import (runner died, or a batch failed) continues from its last committed batch. */
export async function resumeImport(actor: Actor, runId: string) {
  const status = await importStatus(actor, runId);
  if (!status.canResume) throw new AppError("CONFLICT", "This import is not interrupted; nothing to resume.");
  const run = await runOf(actor, runId);
  await db.job.updateMany({ where: { id: run.jobId!, organizationId: actor.organizationId }, data: { status: "queued", error: null, lockedUntil: null, finishedAt: null } });
  await db.importRun.update({ where: { id: run.id }, data: { status: "queued" } });
  return { runId };
}

/** Rolls back the latest import: deletes what it created, restores what it updated (a job too). */
export async function rollbackImport(actor: Actor, runId: string) {
  const status = await importStatus(actor, runId);
  if (!status.canRollBack) {
    throw new AppError("CONFLICT", status.job && ["queued", "running"].includes(status.job.status) && !status.interrupted
      ? "This import is still running; wait for it to finish or stop, then roll it back."
      : "Only the latest import, finished or interrupted, can be rolled back.");
  }
  const run = await runOf(actor, runId);
  return db.$transaction(async (tx) => {
    // The interrupted import never runs again: its committed batches are what the rollback undoes.
    if (run.jobId) await tx.job.updateMany({ where: { id: run.jobId, status: { in: ["queued", "running", "failed"] } }, data: { status: "cancelled", lockedUntil: null, finishedAt: new Date() } });
    const total = await tx.importItem.count({ where: { runId: run.id, status: { in: ["created", "updated"] } } });
    const job = await enqueueJob(tx, { organizationId: actor.organizationId, kind: IMPORT_KIND, payload: { runId: run.id, mode: "rollback" }, total });
    await tx.importRun.update({ where: { id: run.id }, data: { status: "rolling_back", rollbackJobId: job.id } });
    await recordAudit(tx, actor, { action: "import.rollback.start", entityType: "ImportRun", entityId: run.id });
    return { runId, jobId: job.id };
  });
}

/** Deletes a draft (never started) import and its files. */
export async function discardImport(actor: Actor, runId: string) {
  const run = await runOf(actor, runId);
  if (run.status !== "draft") throw new AppError("CONFLICT", "Only an import that has not started can be discarded.");
  await db.importRun.delete({ where: { id: run.id } });
  await removeRunFiles(run.id);
  return { runId };
}

