import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createDealAction, previewScoreAction, reviewDealAction, updateDealAction } from "@/app/(app)/deals/actions";
import { publishAction, saveSectionAction, startDraftAction } from "@/app/(app)/strategy/actions";
import { getDeal, listDeals, dealListQuerySchema, reviewQueue } from "@/lib/deals/queries";
import { runJobsUntilIdle } from "@/lib/jobs/worker";
import { claimJob } from "@/lib/jobs/queue";
import { runRescoreBatch } from "@/lib/jobs/rescore";
import type { Finding } from "@/lib/scoring/types";
import { createOrganizationWithRoles } from "../factories";
import { dealForm } from "../factories/deals";
import { as, db } from "./helpers";

import { actorOf, ok, orgWithStrategy } from "./fixtures";

let shared: Awaited<ReturnType<typeof orgWithStrategy>>;
beforeAll(async () => {
  shared = await orgWithStrategy();
});

describe("a rep logs a deal", () => {
  it("stores it with its score, findings and the version it was scored against, in one go", async () => {
    const { rep, manager, account, productKey, v1 } = shared;
    const form = dealForm(account.id, productKey, {
      commitments: [
        { text: "Our AI will set prices automatically before launch", kind: "feature", dueDate: "2027-03-01" },
        { text: "We will build a custom integration with their box office", kind: "custom_work", dueDate: null },
      ],
    });
    const created = await as(rep.id, () => ok(createDealAction(form)));
    expect(created.score?.offStrategy).toBe(true);
    const deal = await db.deal.findUniqueOrThrow({ where: { id: created.id }, include: { scores: true, commitments: true, lineItems: true } });
    expect(deal).toMatchObject({ offStrategy: true, score: created.score!.score, scoredVersionId: v1.id, amount: 45600, teamId: rep.teamId });
    expect(deal.commitments.map((c) => c.text)).toEqual(form.commitments.map((c) => c.text));
    expect(deal.scores).toHaveLength(1);
    expect(deal.scores[0]).toMatchObject({ strategyVersionId: v1.id, dealRevision: 0, offStrategy: true });
    const findings = deal.scores[0]!.findings as unknown as Finding[];
    const roadmap = findings.find((f) => f.evidence.subject.kind === "commitment" && f.evidence.subject.index === 0)!;
    expect(roadmap).toMatchObject({ severity: "critical", evidence: { matched: { name: "AI dynamic pricing" } } });
    expect(roadmap.message.length).toBeGreaterThan(20);
    expect(findings.some((f) => f.evidence.matched?.name === "Custom development")).toBe(true);
    // The team's manager hears about it.
    expect(await db.notification.findFirst({ where: { userId: manager.id, kind: "deal.flagged", href: `/deals/${created.id}` } })).not.toBeNull();
  });

  it("previews the score while typing without saving anything", async () => {
    const { rep, account, productKey } = shared;
    const before = await db.deal.count();
    const preview = await as(rep.id, () => ok(previewScoreAction(dealForm(account.id, productKey, { commitments: [{ text: "We will host it on-premise for them", kind: "feature", dueDate: null }] }))));
    expect(preview?.offStrategy).toBe(true);
    expect(preview!.findings[0]!.evidence.matched?.name).toBe("On-premise hosting");
    expect(await db.deal.count()).toBe(before);
  });

  it("refuses bad input field by field and saves nothing", async () => {
    const { rep, account, productKey } = shared;
    const other = await createOrganizationWithRoles(db);
    const foreign = await db.customerAccount.create({ data: { organizationId: other.organization.id, name: "Not yours" } });
    const before = await db.deal.count();
    const cases: [string, Record<string, unknown>, string][] = [
      ["negative quantity", { lineItems: [{ productKey, quantity: -1, unitPrice: 10, discountPct: 0 }] }, "lineItems.0.quantity"],
      ["discount over 100 %", { lineItems: [{ productKey, quantity: 1, unitPrice: 10, discountPct: 150 }] }, "lineItems.0.discountPct"],
      ["close date in a bad format", { expectedCloseDate: "31/02/2027" }, "expectedCloseDate"],
      ["100 KB in a commitment", { commitments: [{ text: "x".repeat(100_000), kind: "feature", dueDate: null }] }, "commitments.0.text"],
      ["unknown product", { lineItems: [{ productKey: crypto.randomUUID(), quantity: 1, unitPrice: 10, discountPct: 0 }] }, "lineItems.0.productKey"],
      ["an account of another organisation", { accountId: foreign.id }, "accountId"],
      ["unknown stage", { stage: "signed" }, "stage"],
    ];
    for (const [name, patch, path] of cases) {
      const result = await as(rep.id, () => createDealAction({ ...dealForm(account.id, productKey), ...patch }));
      expect(result.ok, name).toBe(false);
      expect(!result.ok && Object.keys(result.fieldErrors ?? {}), name).toContain(path);
    }
    expect(await db.deal.count()).toBe(before);
  });
});

describe("who sees which deals", () => {
  it("a rep their own, a manager the team's, leadership all; never another organisation's", async () => {
    const { rep, otherRep, manager, leader, account, productKey, organization } = shared;
    const mine = await as(rep.id, () => ok<{ id: string }>(createDealAction(dealForm(account.id, productKey, { name: "Rita's deal" }))));
    const theirs = await as(otherRep.id, () => ok<{ id: string }>(createDealAction(dealForm(account.id, productKey, { name: "Ravi's deal" }))));
    const q = dealListQuerySchema.parse({});
    const ids = async (userId: string) => (await listDeals(await actorOf(userId), { ...q, q: "'s deal" })).rows.map((r) => r.id).sort();
    expect(await ids(rep.id)).toEqual([mine.id]);
    expect(await ids(otherRep.id)).toEqual([theirs.id]);
    expect(await ids(manager.id)).toEqual([mine.id, theirs.id].sort());
    expect(await ids(leader.id)).toEqual([mine.id, theirs.id].sort());
    await expect(getDeal(await actorOf(otherRep.id), mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const edit = await as(otherRep.id, () => updateDealAction({ ...dealForm(account.id, productKey), dealId: mine.id, revision: 0 }));
    expect(edit).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const stranger = await createOrganizationWithRoles(db);
    await expect(getDeal(await actorOf(stranger.admin.id), mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listDeals(await actorOf(stranger.leader.id), q)).total).toBe(0);
    expect(await as(stranger.manager.id, () => reviewDealAction({ dealId: mine.id, kind: "approve_exception", body: "ok", revision: 0 }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.deal.findUniqueOrThrow({ where: { id: mine.id } })).organizationId).toBe(organization.id);
  });

  it("filters, sorts and pages on the server, with totals per stage", async () => {
    const { leader } = shared;
    const actor = await actorOf(leader.id);
    const all = await listDeals(actor, dealListQuerySchema.parse({ sort: "amount", dir: "desc" }));
    expect(all.rows.map((r) => r.amount)).toEqual([...all.rows.map((r) => r.amount)].sort((a, b) => b - a));
    const flagged = await listDeals(actor, dealListQuerySchema.parse({ offStrategy: "1" }));
    expect(flagged.rows.every((r) => r.offStrategy)).toBe(true);
    expect(all.byStage.reduce((n, s) => n + s.count, 0)).toBe(all.total);
    const junk = dealListQuerySchema.parse({ stage: "nope", page: "-4", sort: "drop table" });
    expect(junk).toMatchObject({ stage: undefined, page: 1, sort: "updated" });
  });
});

describe("editing a deal", () => {
  it("refuses a stale edit with the newer revision, and re-scores every saved change", async () => {
    const { rep, manager, account, productKey } = shared;
    const deal = await as(rep.id, () => ok<{ id: string }>(createDealAction(dealForm(account.id, productKey, { name: "Concurrent" }))));
    const [a, b] = await Promise.all([
      as(rep.id, () => updateDealAction({ ...dealForm(account.id, productKey, { name: "Edit A" }), dealId: deal.id, revision: 0 })),
      as(manager.id, () => updateDealAction({ ...dealForm(account.id, productKey, { name: "Edit B" }), dealId: deal.id, revision: 0 })),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
    const stored = await db.deal.findUniqueOrThrow({ where: { id: deal.id }, include: { scores: { orderBy: { createdAt: "asc" } } } });
    expect(stored.revision).toBe(1);
    expect(stored.scores.map((s) => s.dealRevision)).toEqual([0, 1]);
  });
});

describe("review", () => {
  it("request changes → rep notified → fixed deal leaves the queue; an approved exception stays visible and leaves the queue", async () => {
    const { rep, manager, account, productKey } = shared;
    const bad = [{ text: "We will host it on-premise", kind: "feature" as const, dueDate: null }];
    const d1 = await as(rep.id, () => ok<{ id: string }>(createDealAction(dealForm(account.id, productKey, { name: "Needs fixing", commitments: bad }))));
    const d2 = await as(rep.id, () => ok<{ id: string }>(createDealAction(dealForm(account.id, productKey, { name: "Exception", commitments: bad }))));
    const managerActor = await actorOf(manager.id);
    const queued = async () => (await reviewQueue(managerActor)).map((d) => d.id);
    expect(await queued()).toEqual(expect.arrayContaining([d1.id, d2.id]));

    expect(await as(rep.id, () => reviewDealAction({ dealId: d1.id, kind: "approve_exception", body: "self", revision: 0 }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await as(manager.id, () => reviewDealAction({ dealId: d1.id, kind: "request_changes", body: "We do not host on-premise; offer our EU cloud.", revision: 0 }))).toMatchObject({ ok: true });
    expect(await db.notification.findFirst({ where: { userId: rep.id, kind: "review.decided", href: `/deals/${d1.id}` } })).not.toBeNull();
    await as(rep.id, () => ok(updateDealAction({ ...dealForm(account.id, productKey, { name: "Needs fixing", commitments: [{ text: "Checkout reminder e-mails for abandoned baskets", kind: "feature", dueDate: null }] }), dealId: d1.id, revision: 0 })));
    expect((await db.deal.findUniqueOrThrow({ where: { id: d1.id } })).offStrategy).toBe(false);
    expect(await queued()).not.toContain(d1.id);

    expect(await as(manager.id, () => reviewDealAction({ dealId: d2.id, kind: "approve_exception", body: "Strategic logo; hosting via partner.", revision: 0 }))).toMatchObject({ ok: true });
    expect(await queued()).not.toContain(d2.id);
    const approved = await getDeal(await actorOf(rep.id), d2.id);
    expect(approved).toMatchObject({ reviewState: "approved", offStrategy: true });
    expect(approved.scores[0]!.findings.some((f) => f.severity === "critical")).toBe(true);
    // Changing the deal after approval sends it back to the queue while it is still off-strategy.
    await as(rep.id, () => ok(updateDealAction({ ...dealForm(account.id, productKey, { name: "Exception v2", commitments: bad }), dealId: d2.id, revision: 0 })));
    expect(await queued()).toContain(d2.id);
  });
});

describe("publishing a new version re-scores open deals in the background", () => {
  it("adds a score per open deal against the new version, never rewriting history, and resumes after a runner dies", async () => {
    const org = await orgWithStrategy();
    const deals = [];
    for (let i = 0; i < 5; i++) {
      deals.push(await as(org.rep.id, () => ok<{ id: string }>(createDealAction(dealForm(org.account.id, org.productKey, { name: `Deal ${i}`, stage: i === 4 ? "won" : "proposal" })))));
    }
    // v2 turns abandoned-basket e-mails into "not offered": the open deals' promise becomes critical.
    const { versionId, revision } = await as(org.leader.id, () => ok<{ versionId: string; revision: number }>(startDraftAction(undefined)));
    const draft = await db.strategyCapability.findMany({ where: { versionId }, orderBy: { position: "asc" } });
    const caps = draft.map((c) => ({ key: c.key, name: c.name, description: c.description, aliases: c.aliases, status: c.name === "Abandoned basket e-mails" ? "not_offered" : c.status.toLowerCase(), expectedDate: c.expectedDate?.toISOString().slice(0, 10) ?? null }));
    const saved = await as(org.leader.id, () => ok<{ revision: number }>(saveSectionAction({ section: "capabilities", versionId, revision, data: { capabilities: caps } })));
    await as(org.leader.id, () => ok(publishAction({ versionId, revision: saved.revision, changeNote: "Basket e-mails retired" })));

    const job = await db.job.findFirstOrThrow({ where: { organizationId: org.organization.id, kind: "rescore", payload: { path: ["versionId"], equals: versionId } } });
    expect(job).toMatchObject({ status: "queued", total: 4 });
    // A runner takes two deals, commits them, then dies before finishing (its lease lapses).
    await db.job.update({ where: { id: job.id }, data: { payload: { versionId, batch: 2 } } });
    const claimed = (await claimJob(["rescore"]))!;
    expect(claimed.id).toBe(job.id);
    expect(await runRescoreBatch(claimed)).toBe(true);
    await db.job.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await runJobsUntilIdle();

    const finished = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(finished).toMatchObject({ status: "done", done: 4, total: 4 });
    for (const [i, d] of deals.entries()) {
      const scores = await db.dealScore.findMany({ where: { dealId: d.id }, orderBy: { createdAt: "asc" } });
      if (i === 4) {
        expect(scores.map((s) => s.strategyVersionId)).toEqual([org.v1.id]); // won deals keep their history
        continue;
      }
      expect(scores.map((s) => s.strategyVersionId)).toEqual([org.v1.id, versionId]);
      expect(scores[0]!.offStrategy).toBe(false);
      expect(scores[1]!.offStrategy).toBe(true);
      expect(await db.deal.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ scoredVersionId: versionId, offStrategy: true });
    }
    // History is append-only, in the database itself.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await expect(client.query(`UPDATE "DealScore" SET "score" = 100 WHERE "dealId" = $1`, [deals[0]!.id])).rejects.toThrow(/history/);
    await client.end();
  });
});
