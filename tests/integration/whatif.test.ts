// What-if against the real database: the open pipeline scored against a draft, compared with the
// current scores, never stored as real scores; progress, cancel, resume, staleness, and a publish
// whose real scores agree.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createDealAction } from "@/app/(app)/deals/actions";
import { cancelWhatIfAction, publishAction, runWhatIfAction, saveSectionAction, startDraftAction } from "@/app/(app)/strategy/actions";
import { GET as exportRoute } from "@/app/api/strategy/whatif/export/route";
import { GET as progressRoute } from "@/app/api/strategy/whatif/route";
import { toDealInput } from "@/lib/deals/scoring";
import { claimJob } from "@/lib/jobs/queue";
import { runJobsUntilIdle } from "@/lib/jobs/worker";
import { scoreDeal } from "@/lib/scoring";
import { loadVersion } from "@/lib/strategy/content";
import { toSnapshot } from "@/lib/strategy/snapshot";
import { agreementOf, latestWhatIf, whatIfDeals } from "@/lib/whatif/queries";
import { runWhatIfBatch, WHATIF_KIND } from "@/lib/whatif/run";
import { whatIfDealsQuerySchema } from "@/lib/validations/whatif";
import { dealForm } from "../factories/deals";
import { actorOf, ok, orgWithStrategy } from "./fixtures";
import { as, db } from "./helpers";

type Org = Awaited<ReturnType<typeof orgWithStrategy>>;
let f: Org;
let stranger: Org;
let draft: { versionId: string; revision: number };

/** Calls a route handler as `userId`, through a real session. */
const call = (handler: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, userId: string | null) =>
  as(userId, () => handler(new NextRequest(new URL(path, "http://127.0.0.1")), { params: Promise.resolve({}) }));

/** The draft's scores, computed here from the deal rows and the draft, independently of the what-if job. */
async function expectedScores(org: Org, versionId: string) {
  const snapshot = toSnapshot((await loadVersion(org.organization.id, { id: versionId }))!);
  const deals = await db.deal.findMany({
    where: { organizationId: org.organization.id, stage: { in: ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"] } },
    include: { account: true, lineItems: { orderBy: { position: "asc" } }, commitments: { orderBy: { position: "asc" } }, requests: { orderBy: { position: "asc" } } },
  });
  return deals.map((d) => {
    const input = toDealInput({
      stage: d.stage.toLowerCase() as never,
      expectedCloseDate: d.expectedCloseDate?.toISOString().slice(0, 10) ?? null,
      lineItems: d.lineItems.map((l) => ({ productKey: l.productKey, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct })),
      primaryCriterion: d.primaryCriterion as never,
      commitments: d.commitments.map((c) => ({ text: c.text, kind: c.kind as never, dueDate: c.dueDate?.toISOString().slice(0, 10) ?? null })),
      requests: d.requests.map((r) => ({ text: r.text })),
    }, d.account);
    const result = scoreDeal(input, snapshot);
    return { id: d.id, name: d.name, amount: d.amount, before: { score: d.score, off: d.offStrategy }, after: { score: result.score, off: result.offStrategy } };
  });
}

beforeAll(async () => {
  f = await orgWithStrategy();
  stranger = await orgWithStrategy();
  const log = (name: string, overrides: Parameters<typeof dealForm>[2]) =>
    as(f.rep.id, () => ok(createDealAction(dealForm(f.account.id, f.productKey, { name, ...overrides }))));
  await log("Basket promise", { stage: "proposal" });
  await log("Second basket promise", { stage: "negotiation", lineItems: [{ productKey: f.productKey, quantity: 1, unitPrice: 24000, discountPct: 0 }] });
  await log("Nothing promised", { stage: "qualifying", commitments: [], requests: [], lineItems: [{ productKey: f.productKey, quantity: 1, unitPrice: 24000, discountPct: 0 }] });
  await log("Mobile promise", { stage: "proposal", commitments: [{ text: "Their staff get our iOS app", kind: "feature", dueDate: null }], requests: [], lineItems: [{ productKey: f.productKey, quantity: 1, unitPrice: 24000, discountPct: 0 }] });
  await log("On-prem promise", { stage: "prospecting", commitments: [{ text: "We will host it on-premise for them", kind: "feature", dueDate: null }], requests: [] });
  await log("Closed and won", { stage: "won" });
  await as(stranger.rep.id, () => ok(createDealAction(dealForm(stranger.account.id, stranger.productKey, { name: "Stranger deal" }))));

  // The draft: abandoned basket e-mails are withdrawn, the mobile app becomes available.
  await as(f.leader.id, async () => {
    const d = await ok<{ versionId: string; revision: number }>(startDraftAction(undefined));
    const content = (await loadVersion(f.organization.id, { id: d.versionId }))!;
    const capabilities = content.capabilities.map(({ key, name, description, aliases, status, expectedDate }) => ({
      key, name, description, aliases, expectedDate,
      status: name === "Abandoned basket e-mails" ? ("not_offered" as const) : name === "Mobile app" ? ("available" as const) : status,
    }));
    const saved = await ok<{ revision: number }>(saveSectionAction({ section: "capabilities", versionId: d.versionId, revision: d.revision, data: { capabilities } }));
    draft = { versionId: d.versionId, revision: saved.revision };
  });
});

describe("what-if", () => {
  it("scores every open deal against the draft, compares with today's scores, and stores no real score", async () => {
    const scoresBefore = await db.dealScore.count({ where: { organizationId: f.organization.id } });
    const dealsBefore = await db.deal.findMany({ where: { organizationId: f.organization.id }, select: { id: true, score: true, offStrategy: true, scoredVersionId: true }, orderBy: { id: "asc" } });

    const started = await as(f.leader.id, () => ok<{ runId: string; total: number }>(runWhatIfAction(draft)));
    expect(started.total).toBe(5); // the won deal and the other organisation's deal are not in it
    const queued = await (await call(progressRoute, "/api/strategy/whatif", f.leader.id)).json();
    expect(queued.run).toMatchObject({ id: started.runId, status: "queued", done: 0, total: 5 });

    await runJobsUntilIdle();
    const run = (await latestWhatIf(await actorOf(f.leader.id)))!;
    expect(run.status).toBe("done");
    expect(run.stale).toBe(false);
    const s = run.summary!;

    const expected = await expectedScores(f, draft.versionId);
    const results = await db.whatIfResult.findMany({ where: { runId: run.id } });
    expect(results).toHaveLength(5);
    for (const e of expected) {
      const r = results.find((x) => x.dealId === e.id)!;
      expect({ name: e.name, score: r.scoreAfter, off: r.offAfter, before: r.scoreBefore }).toEqual({ name: e.name, score: e.after.score, off: e.after.off, before: e.before.score });
    }
    const byName = Object.fromEntries(expected.map((e) => [e.name, e]));
    // The scenario does what it says: basket promises turn off-strategy, the mobile promise turns aligned.
    expect(byName["Basket promise"]!.before.off).toBe(false);
    expect(byName["Basket promise"]!.after.off).toBe(true);
    expect(byName["Mobile promise"]!.before.off).toBe(true);
    expect(byName["Mobile promise"]!.after.off).toBe(false);
    expect(byName["On-prem promise"]!.after.off).toBe(true);
    expect(byName["Nothing promised"]!.after.off).toBe(false);

    const toOff = expected.filter((e) => !e.before.off && e.after.off);
    const toAligned = expected.filter((e) => e.before.off && !e.after.off);
    const sum = (xs: typeof expected) => xs.reduce((t, e) => t + e.amount, 0);
    expect(s.deals).toBe(5);
    expect(s.value).toBeCloseTo(sum(expected), 2);
    expect(s.toOff).toEqual({ deals: toOff.length, value: sum(toOff) });
    expect(s.toAligned).toEqual({ deals: toAligned.length, value: sum(toAligned) });
    expect(s.offAfter.deals).toBe(expected.filter((e) => e.after.off).length);
    expect(s.scoreChanged).toBe(expected.filter((e) => e.before.score !== e.after.score).length);
    // The cause: deals turning off-strategy promised what is no longer offered; the mobile deal no longer did.
    expect(s.rules.find((r) => r.rule === "promise.not_offered")).toMatchObject({ toOff: { deals: toOff.length, value: sum(toOff) }, toAligned: { deals: 1 } });
    expect(s.reps.find((r) => r.key === f.rep.id)).toMatchObject({ deals: 5, toOff: { deals: toOff.length }, toAligned: { deals: 1 } });
    expect(s.movers.length).toBe(expected.filter((e) => e.before.score !== e.after.score || e.before.off !== e.after.off).length);
    expect(s.movers[0]!.offBefore !== s.movers[0]!.offAfter).toBe(true);

    // Nothing stored as a real score.
    expect(await db.dealScore.count({ where: { organizationId: f.organization.id } })).toBe(scoresBefore);
    expect(await db.deal.findMany({ where: { organizationId: f.organization.id }, select: { id: true, score: true, offStrategy: true, scoredVersionId: true }, orderBy: { id: "asc" } })).toEqual(dealsBefore);

    // The drill-down list and the CSV hold exactly the deals behind the figures.
    const leader = await actorOf(f.leader.id);
    const list = await whatIfDeals(leader, whatIfDealsQuerySchema.parse({ run: run.id, move: "off" }));
    expect(list.total).toBe(toOff.length);
    expect(list.rows.map((r) => r.name).sort()).toEqual(toOff.map((e) => e.name).sort());
    const byRule = await whatIfDeals(leader, whatIfDealsQuerySchema.parse({ run: run.id, move: "aligned", rule: "promise.not_offered" }));
    expect(byRule.rows.map((r) => r.name)).toEqual(["Mobile promise"]);
    const csv = await (await call(exportRoute, `/api/strategy/whatif/export?run=${run.id}&move=all`, f.leader.id)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 5);
    expect(lines[0]).toContain("Score under draft");
    expect(csv).toContain("Promised what we do not offer");
  });

  it("walks the pipeline in one stream that reads exactly what the batched loader reads", async () => {
    const { rawPool } = await import("@/lib/db-raw");
    const { loadBatch } = await import("@/lib/jobs/rescore");
    const { nextOpenDeals } = await import("@/lib/jobs/deal-stream");
    const batched = await loadBatch(rawPool(), f.organization.id, null, 100, null);
    const none = "00000000-0000-0000-0000-000000000000"; // a run with no results yet
    const first = await nextOpenDeals("test-walk", f.organization.id, none, null, 2);
    const rest = await nextOpenDeals("test-walk", f.organization.id, none, first[1]!.id, 100);
    expect([...first, ...rest].sort((a, b) => a.id.localeCompare(b.id))).toEqual(batched);
    expect(await nextOpenDeals("test-walk", f.organization.id, none, rest.at(-1)!.id, 100)).toEqual([]);
  });

  it("keeps the result with the draft until the draft changes", async () => {
    const content = (await loadVersion(f.organization.id, { id: draft.versionId }))!;
    const saved = await as(f.leader.id, () => ok<{ revision: number }>(saveSectionAction({
      section: "valueProposition", versionId: draft.versionId, revision: draft.revision, data: { ...content.valueProposition, valueRationale: "Sell insight." },
    })));
    expect((await latestWhatIf(await actorOf(f.leader.id)))!.stale).toBe(true);
    // A run for the old revision is refused; a run for the current one is fresh again.
    const refused = await as(f.leader.id, () => runWhatIfAction(draft));
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    draft = { versionId: draft.versionId, revision: saved.revision };
    await as(f.leader.id, () => ok(runWhatIfAction(draft)));
    await runJobsUntilIdle();
    const run = (await latestWhatIf(await actorOf(f.leader.id)))!;
    expect(run).toMatchObject({ status: "done", stale: false });
    expect(await db.whatIfRun.count({ where: { organizationId: f.organization.id } })).toBe(1); // the older run and its rows are gone
  });

  it("can be cancelled, and resumes after its runner dies mid-way without duplicating rows", async () => {
    const { runId } = await as(f.leader.id, () => ok<{ runId: string }>(runWhatIfAction(draft)));
    expect(await as(f.leader.id, () => cancelWhatIfAction({ runId }))).toMatchObject({ ok: true, data: "What-if cancelled." });
    await runJobsUntilIdle();
    const cancelled = (await latestWhatIf(await actorOf(f.leader.id)))!;
    expect(cancelled).toMatchObject({ id: runId, status: "cancelled", summary: null });

    // Two deals per batch; the runner dies after the first batch (its lease runs out), another resumes.
    const { runId: second } = await as(f.leader.id, () => ok<{ runId: string }>(runWhatIfAction(draft)));
    const run = await db.whatIfRun.findUniqueOrThrow({ where: { id: second } });
    await db.job.update({ where: { id: run.jobId! }, data: { payload: { runId: second, batch: 2 } } });
    const claimed = (await claimJob([WHATIF_KIND]))!;
    expect(await runWhatIfBatch(claimed)).toBe(true);
    expect(await db.whatIfResult.count({ where: { runId: second } })).toBe(2);
    await db.job.update({ where: { id: run.jobId! }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await runJobsUntilIdle();
    const done = (await latestWhatIf(await actorOf(f.leader.id)))!;
    expect(done).toMatchObject({ id: second, status: "done", done: 5, total: 5 });
    expect(await db.whatIfResult.count({ where: { runId: second } })).toBe(5);
    expect(done.summary!.deals).toBe(5);
  });

  it("agrees with the real scores after the draft is published", async () => {
    const before = (await latestWhatIf(await actorOf(f.leader.id)))!;
    await as(f.leader.id, () => ok(publishAction({ ...draft, changeNote: "Basket e-mails withdrawn; the app ships." })));
    const leader = await actorOf(f.leader.id);
    const published = (await latestWhatIf(leader))!;
    expect(published.publishedAs).toBe(2);
    await runJobsUntilIdle();
    const { agreement } = await agreementOf(leader, published);
    expect(agreement).toEqual({ compared: 5, agree: 5, changedSince: 0 });
    const deals = await db.deal.findMany({ where: { organizationId: f.organization.id, stage: { notIn: ["WON", "LOST"] } } });
    expect(deals.filter((d) => d.offStrategy).length).toBe(before.summary!.offAfter.deals);
  });

  it("belongs to leadership of its own organisation", async () => {
    const run = (await latestWhatIf(await actorOf(f.leader.id)))!;
    expect(await as(f.rep.id, () => runWhatIfAction(draft))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await as(f.manager.id, () => cancelWhatIfAction({ runId: run.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await as(stranger.leader.id, () => cancelWhatIfAction({ runId: run.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(stranger.leader.id, () => runWhatIfAction(draft))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const foreign = await call(exportRoute, `/api/strategy/whatif/export?run=${run.id}`, stranger.leader.id);
    expect(foreign.status).toBe(404);
    const rep = await call(exportRoute, `/api/strategy/whatif/export?run=${run.id}`, f.rep.id);
    expect(rep.status).toBe(403);
    const bad = await call(exportRoute, "/api/strategy/whatif/export?run=not-a-uuid", f.leader.id);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors).toHaveProperty("run");
  });
});
