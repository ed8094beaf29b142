// CSV import from another CRM (issue 9): a multi-file export with every quirk, imported, imported
// again unchanged, imported as an updated copy, rolled back; a large file killed midway, resumed
// and rolled back. Counts and values checked exactly.
import { existsSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { importStatusAction, prepareImportAction, rollbackImportAction, startImportAction } from "@/app/(app)/admin/import/actions";
import { POST as upload } from "@/app/api/import/upload/route";
import { claimJob } from "@/lib/jobs/queue";
import { runJobsUntilIdle } from "@/lib/jobs/worker";
import { runImportBatch } from "@/lib/imports/job";
import type { Analysis, RunStatus } from "@/lib/imports/runs";
import { IMPORT_ROOT } from "@/lib/imports/stage";
import { ok, orgWithStrategy } from "./fixtures";
import { as, db } from "./helpers";

let org: Awaited<ReturnType<typeof orgWithStrategy>>;

const BOM = "\uFEFF";
const crlf = (lines: string[]) => BOM + lines.join("\r\n") + "\r\n";

const ACCOUNTS = crlf([
  "Account ID,Account Name,Industry,Employees,Annual Revenue,Billing Country",
  "A-1,Festival Co ,Live events,120,\"$1,200,000.50\",EU",
  "A-2,\"Acme\nHoldings\",Manufacturing,\"1,500\",$900000,US",
  "A-3,Tiny Shop,Retail,8,,",
]);
const USERS = [
  "User ID,Full Name,Email,Role,Team,Manager Email",
  "U-1,Mia Manager,MIA@acme.test ,Sales Manager,EMEA Sales,",
  "U-2,Rob Rep,rob@acme.test,Account Executive,EMEA Sales,mia@acme.test",
  "U-3,Rae Rep,rae@acme.test,Sales Rep,emea-sales,mia@acme.test",
].join("\n");
const PRODUCTS = ["Product Code,Product Name", "P-1,Insight Pro", "P-2,InsightStarter"].join("\r\n");
const DEAL_HEADER = "Opportunity ID,Opportunity Name,Stage,Close Date,Amount,Discount,Account ID,Owner Email,Product Code";
const DEALS = [
  DEAL_HEADER,
  "O-1,Big Festival Deal,Closed Won,03/04/2027,\"$24,000.00\",0,A-1,rob@acme.test,P-1",
  "O-2,\"Acme\nRenewal\",Proposal/Price Quote,12/01/2027,\"21.600,00 €\",10%,A-2,RAE@acme.test,P-2",
  "O-3,Tiny Starter,qualification ,,,,A-3,rob@acme.test,P-2",
  "O-4,Lost one,Closed Lost,1/2/2027,5000,,A-1,mia@acme.test,",
  "O-5,Bad date,Negotiation/Review,31/31/2027,100,,A-1,rob@acme.test,P-1",
  "O-6,Won without date,Closed Won,,100,,A-1,rob@acme.test,P-1",
  "O-7,Unknown product,Qualification,,100,,A-1,rob@acme.test,P-9",
  "O-8,Missing account,Qualification,,100,,A-9,rob@acme.test,P-1",
  "O-1,Duplicate of one,Closed Won,03/04/2027,1,,A-1,rob@acme.test,P-1",
].join("\r\n");

async function post(params: Record<string, string>, body: string | Uint8Array) {
  const url = `http://localhost/api/import/upload?${new URLSearchParams(params)}`;
  const res = await upload(new NextRequest(url, { method: "POST", body: typeof body === "string" ? body : Buffer.from(body) }), { params: Promise.resolve({}) });
  const json = (await res.json()) as { runId: string; fileId: string; received: number; staged: { rowCount: number; headers: string[] } | null; error?: { message: string } };
  if (!res.ok) throw new Error(`upload failed ${res.status}: ${json.error?.message}`);
  return json;
}

/** Uploads files as the browser does: chunks of `chunk` bytes, the last one final. */
async function uploadFiles(files: Record<string, string>, chunk = 64) {
  let runId: string | undefined;
  for (const [name, text] of Object.entries(files)) {
    const bytes = new TextEncoder().encode(text);
    let fileId: string | undefined;
    for (let offset = 0; offset < bytes.length || offset === 0; offset += chunk) {
      const final = offset + chunk >= bytes.length;
      const r = await post({ ...(runId ? { run: runId } : {}), ...(fileId ? { file: fileId } : { name }), offset: String(offset), final: final ? "1" : "0" }, bytes.slice(offset, offset + chunk));
      runId = r.runId;
      fileId = r.fileId;
      if (final) break;
    }
  }
  return runId!;
}

async function importFiles(files: Record<string, string>, adjust: (a: Analysis) => Analysis["settings"] = (a) => ({ ...a.settings, dateOrder: "dmy" })) {
  return as(org.admin.id, async () => {
    const runId = await uploadFiles(files);
    const analysis = await ok<Analysis>(prepareImportAction({ runId }));
    await ok(startImportAction({ runId, settings: adjust(analysis) }));
    await runJobsUntilIdle();
    return { runId, analysis, status: await ok<RunStatus>(importStatusAction({ runId })) };
  });
}

const counts = (s: RunStatus) => Object.fromEntries(s.entities.map((e) => [e.entity, { created: e.created, updated: e.updated, unchanged: e.unchanged, failed: e.failed }]));
const FILES = { "accounts.csv": ACCOUNTS, "users.csv": USERS, "products.csv": PRODUCTS, "opportunities.csv": DEALS };

beforeAll(async () => {
  org = await orgWithStrategy();
});

describe("CSV import", () => {
  let first: Awaited<ReturnType<typeof importFiles>>;

  it("suggests the mapping, asks for the date order, and previews every problem per column", async () => {
    await as(org.admin.id, async () => {
      const runId = await uploadFiles(FILES);
      const a = await ok<Analysis>(prepareImportAction({ runId }));
      expect(a.files.map((f) => [f.name, f.table, f.rowCount])).toEqual([["accounts.csv", "accounts", 3], ["users.csv", "reps", 3], ["products.csv", "products", 2], ["opportunities.csv", "deals", 9]]);
      const deals = a.files.find((f) => f.table === "deals")!;
      expect(deals.columns).toMatchObject({ "deal.externalId": 0, "deal.name": 1, "deal.stage": 2, "deal.closeDate": 3, "deal.amount": 4, "deal.discountPct": 5, "account.externalId": 6, "rep.email": 7, "product.externalId": 8 });
      expect(a.files[0]!.headers[0]).toBe("Account ID"); // BOM gone
      expect(a.files.find((f) => f.table === "reps")!.columns).toMatchObject({ "rep.externalId": 0, "rep.name": 1, "rep.email": 2, "rep.role": 3, "rep.team": 4, "rep.managerEmail": 5 });
      expect(Object.fromEntries(a.stages.map((s) => [s.values.join("|"), s.stage]))).toEqual({
        "Closed Won": "won", "Proposal/Price Quote": "proposal", "Qualification|qualification": "qualifying", "Closed Lost": "lost", "Negotiation/Review": "negotiation",
      });
      expect(a.dates).toMatchObject({ ambiguous: true, order: null });
      expect(a.blocking.some((b) => b.includes("dates like 03/04/2026"))).toBe(true);
      const starter = org.v1.products.find((p) => p.name === "Insight Starter")!;
      expect(a.products.find((p) => p.key === "insightstarter")).toMatchObject({ productKey: starter.key, similar: true, values: ["InsightStarter"] });
      expect(a.teams).toEqual([{ key: "emeasales", values: ["EMEA Sales", "emea-sales"], count: 3, name: "EMEA Sales", existing: false }]);
      // Ambiguous dates are a problem until the order is chosen.
      const dealPreview = a.preview.find((p) => p.table === "deals")!;
      expect(dealPreview.rows[0]!.cells.find((c) => c.field === "deal.closeDate")!.problems[0]).toContain("day/month or month/day");
      const again = await ok<Analysis>(prepareImportAction({ runId, settings: { ...a.settings, dateOrder: "dmy" } }));
      expect(again.blocking).toEqual([]);
      const rows = again.preview.find((p) => p.table === "deals")!.rows;
      const cell = (row: number, field: string) => rows[row]!.cells.find((c) => c.field === field)!;
      expect(cell(0, "deal.closeDate").value).toBe("2027-04-03");
      expect(cell(0, "deal.closeDate").problems).toEqual([]);
      expect(cell(1, "deal.name").value).toBe("Acme\nRenewal");
      expect(cell(1, "deal.unitPrice").value).toBe("24,000"); // 21.600,00 € at 10 % off
      expect(cell(1, "rep.email").value).toBe("rae@acme.test");
      expect(cell(2, "deal.unitPrice").value).toBe(""); // the list price, once P-2 is known (see the import)
      expect(cell(4, "deal.closeDate").problems).toEqual(["“31/31/2027” is not a date."]);
      expect(cell(5, "deal.closeDate").problems).toEqual(["A won deal needs its close date."]);
      expect(cell(6, "product.name").problems).toEqual(["Unknown product: “P-9” is not in the products file or an earlier import."]);
      expect(cell(7, "account.externalId").problems).toEqual(["Missing account: “A-9” is neither in the files nor in Keel."]);
      const accounts = again.preview.find((p) => p.table === "accounts")!.rows;
      expect(accounts[0]!.cells.map((c) => c.value)).toEqual(["A-1", "Festival Co", "Live events", "120", "1,200,000.5", "EU"]);
      expect(accounts[1]!.cells.map((c) => c.value)).toEqual(["A-2", "Acme\nHoldings", "Manufacturing", "1,500", "900,000", "US"]);
    });
  });

  it("imports the export: creates, links the existing account, scores every deal, fails bad rows", async () => {
    first = await importFiles(FILES);
    expect(first.status.status).toBe("done");
    expect(await db.importRow.count({ where: { file: { runId: first.runId } } })).toBe(0); // staged copies dropped
    expect(existsSync(path.join(IMPORT_ROOT(), first.runId))).toBe(false); // and the uploads on disk
    expect(counts(first.status)).toEqual({
      deal: { created: 4, updated: 0, unchanged: 0, failed: 5 },
      account: { created: 2, updated: 1, unchanged: 0, failed: 0 },
      rep: { created: 3, updated: 0, unchanged: 0, failed: 0 },
      team: { created: 1, updated: 0, unchanged: 0, failed: 0 },
      product: { created: 2, updated: 0, unchanged: 0, failed: 0 },
    });
    expect(first.status.failures.filter((f) => f.entity === "deal").map((f) => [f.row, f.problems.map((p) => p.message).join(" ")])).toEqual([
      [6, "“31/31/2027” is not a date."],
      [7, "A won deal needs its close date."],
      [8, "Unknown product: “P-9” is not a product of the published strategy."],
      [9, "Missing account: “A-9” is neither in the files nor in Keel."],
      [10, "The deal ID “O-1” appears more than once; only its first row is imported."],
    ]);
    const o = org.organization.id;
    const deals = await db.deal.findMany({ where: { organizationId: o, externalId: { not: null } }, include: { lineItems: true, scores: true, account: true, owner: true }, orderBy: { externalId: "asc" } });
    expect(deals.map((d) => [d.externalId, d.name, d.stage, d.expectedCloseDate?.toISOString().slice(0, 10) ?? null, d.amount, d.account.externalId, d.owner.email])).toEqual([
      ["O-1", "Big Festival Deal", "WON", "2027-04-03", 24000, "A-1", "rob@acme.test"],
      ["O-2", "Acme\nRenewal", "PROPOSAL", "2027-01-12", 21600, "A-2", "rae@acme.test"],
      ["O-3", "Tiny Starter", "QUALIFYING", null, 6000, "A-3", "rob@acme.test"],
      ["O-4", "Lost one", "LOST", "2027-02-01", 5000, "A-1", "mia@acme.test"],
    ]);
    expect(deals[1]!.lineItems.map((l) => [l.productName, l.quantity, l.unitPrice, l.discountPct])).toEqual([["Insight Starter", 1, 24000, 10]]);
    expect(deals[3]!.lineItems).toEqual([]);
    for (const d of deals) {
      expect(d.scores).toHaveLength(1);
      expect(d.score).toBe(d.scores[0]!.score);
      expect(d.scoredVersionId).toBe(org.v1.id);
    }
    const festival = await db.customerAccount.findUniqueOrThrow({ where: { id: org.account.id } });
    expect([festival.externalId, festival.name, festival.revenue, festival.employees]).toEqual(["A-1", "Festival Co", 1200000.5, 120]);
    const team = await db.team.findFirstOrThrow({ where: { organizationId: o, name: "EMEA Sales" }, include: { manager: true, members: { orderBy: { email: "asc" } } } });
    expect(team.manager!.email).toBe("mia@acme.test");
    expect(team.members.map((m) => [m.email, m.role, m.name])).toEqual([["mia@acme.test", "MANAGER", "Mia Manager"], ["rae@acme.test", "REP", "Rae Rep"], ["rob@acme.test", "REP", "Rob Rep"]]);
    expect(deals[0]!.teamId).toBe(team.id);
  });

  it("changes nothing when the same files come again", async () => {
    const before = await db.dealScore.count({ where: { organizationId: org.organization.id } });
    const again = await importFiles(FILES);
    expect(again.status.totals).toEqual({ created: 0, updated: 0, unchanged: 13, failed: 5 });
    expect(counts(again.status).deal).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 5 });
    expect(await db.dealScore.count({ where: { organizationId: org.organization.id } })).toBe(before);
  });

  let updatedRun: string;
  it("updates only what changed in an updated copy, and re-scores the changed deals", async () => {
    const deals = DEALS.replace("O-3,Tiny Starter,qualification ,,,,A-3", "O-3,Tiny Starter,Closed Won,05/06/2027,,,A-3") + "\r\nO-9,Brand new,Prospecting,,\"$6,000\",,A-2,rae@acme.test,P-2";
    const accounts = ACCOUNTS.replace("A-3,Tiny Shop,Retail,8,,", "A-3,Tiny Shop,Retail,15,,");
    const r = await importFiles({ "accounts.csv": accounts, "users.csv": USERS, "products.csv": PRODUCTS, "opportunities.csv": deals });
    updatedRun = r.runId;
    expect(counts(r.status)).toEqual({
      deal: { created: 1, updated: 1, unchanged: 3, failed: 5 },
      account: { created: 0, updated: 1, unchanged: 2, failed: 0 },
      rep: { created: 0, updated: 0, unchanged: 3, failed: 0 },
      team: { created: 0, updated: 0, unchanged: 1, failed: 0 },
      product: { created: 0, updated: 0, unchanged: 2, failed: 0 },
    });
    const o3 = await db.deal.findFirstOrThrow({ where: { organizationId: org.organization.id, externalId: "O-3" }, include: { scores: true } });
    expect([o3.stage, o3.expectedCloseDate?.toISOString().slice(0, 10), o3.revision, o3.scores.length]).toEqual(["WON", "2027-06-05", 1, 2]);
    expect((await db.customerAccount.findFirstOrThrow({ where: { organizationId: org.organization.id, externalId: "A-3" } })).employees).toBe(15);
  });

  it("rolls back the latest import: deletes what it created, restores what it updated", async () => {
    await as(org.admin.id, async () => {
      await ok(rollbackImportAction({ runId: updatedRun }));
      await runJobsUntilIdle();
      const s = await ok<RunStatus>(importStatusAction({ runId: updatedRun }));
      expect(s.status).toBe("rolled_back");
    });
    const o = org.organization.id;
    expect(await db.deal.count({ where: { organizationId: o, externalId: "O-9" } })).toBe(0);
    const o3 = await db.deal.findFirstOrThrow({ where: { organizationId: o, externalId: "O-3" }, include: { lineItems: true } });
    expect([o3.stage, o3.expectedCloseDate, o3.amount, o3.lineItems.length, o3.score !== null]).toEqual(["QUALIFYING", null, 6000, 1, true]);
    expect((await db.customerAccount.findFirstOrThrow({ where: { organizationId: o, externalId: "A-3" } })).employees).toBe(8);
  });

  it("resumes a large import killed midway from its last committed batch, then rolls it back", async () => {
    const N = 2500;
    const lines = [DEAL_HEADER];
    for (let i = 1; i <= N; i++) lines.push(`BIG-${String(i).padStart(5, "0")},Deal ${i},${i % 3 ? "Qualification" : "Closed Won"},${(i % 28) + 1}.${(i % 12) + 1}.2027,"${(1000 + i).toLocaleString("en")}.00",,A-${(i % 3) + 1},rob@acme.test,P-${(i % 2) + 1}`);
    const runId = await as(org.admin.id, async () => {
      const id = await uploadFiles({ "big.csv": lines.join("\n") }, 16 * 1024);
      const a = await ok<Analysis>(prepareImportAction({ runId: id }));
      expect(a.dates).toMatchObject({ ambiguous: false, order: "dmy" });
      expect(a.blocking).toEqual([]);
      await ok(startImportAction({ runId: id, settings: a.settings }));
      return id;
    });
    const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
    await db.job.update({ where: { id: run.jobId! }, data: { payload: { runId, mode: "import", batch: 500 } } });
    const before = await db.deal.count({ where: { organizationId: org.organization.id } });
    // A runner claims it, commits five batches (extract 2,500 rows; apply the rep and two account batches…), then dies.
    const job = (await claimJob(["import"]))!;
    expect(job.id).toBe(run.jobId);
    for (let i = 0; i < 9; i++) expect(await runImportBatch(job)).toBe(true);
    const midway = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    // Past the extract phase the staged copies of the rows are gone (the items hold the data).
    expect(await db.importRow.count({ where: { file: { runId } } })).toBe(0);
    expect(await db.importItem.count({ where: { runId, entity: "deal" } })).toBe(N);
    const dealsMidway = await db.deal.count({ where: { organizationId: org.organization.id } }) - before;
    expect(dealsMidway % 500).toBe(0); // whole batches only
    expect(dealsMidway).toBeGreaterThan(0);
    expect(dealsMidway).toBeLessThan(N);
    expect(await db.importItem.count({ where: { runId, entity: "deal", status: "created" } })).toBe(dealsMidway);
    // The lease runs out; the admin sees it interrupted; the next runner resumes.
    await db.job.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const interrupted = await as(org.admin.id, () => ok<RunStatus>(importStatusAction({ runId })));
    expect([interrupted.interrupted, interrupted.canResume, interrupted.canRollBack]).toEqual([true, true, true]);
    expect(interrupted.job!.done).toBe(midway.done);
    await runJobsUntilIdle();
    const done = await as(org.admin.id, () => ok<RunStatus>(importStatusAction({ runId })));
    expect(done.status).toBe("done");
    expect(counts(done).deal).toEqual({ created: N, updated: 0, unchanged: 0, failed: 0 });
    expect(await db.deal.count({ where: { organizationId: org.organization.id } })).toBe(before + N);
    expect(await db.deal.count({ where: { organizationId: org.organization.id, externalId: { startsWith: "BIG-" }, score: null } })).toBe(0);
    expect(await db.dealScore.count({ where: { deal: { organizationId: org.organization.id, externalId: { startsWith: "BIG-" } } } })).toBe(N);
    const sample = await db.deal.findFirstOrThrow({ where: { organizationId: org.organization.id, externalId: "BIG-00031" }, include: { lineItems: true } });
    expect([sample.expectedCloseDate?.toISOString().slice(0, 10), sample.amount, sample.stage, sample.lineItems[0]!.productName]).toEqual(["2027-08-04", 1031, "QUALIFYING", "Insight Starter"]);

    await as(org.admin.id, () => ok(rollbackImportAction({ runId })));
    await runJobsUntilIdle();
    expect(await db.deal.count({ where: { organizationId: org.organization.id } })).toBe(before);
    const rolled = await as(org.admin.id, () => ok<RunStatus>(importStatusAction({ runId })));
    expect(rolled.status).toBe("rolled_back");
    expect(rolled.entities.find((e) => e.entity === "deal")!.rolledBack).toBe(N);
  });

  it("refuses other roles and other organisations", async () => {
    const r = await as(org.rep.id, () => prepareImportAction({ runId: first.runId }));
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const other = await orgWithStrategy();
    const x = await as(other.admin.id, () => prepareImportAction({ runId: first.runId }));
    expect(x).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
