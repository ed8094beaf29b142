import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction, createDealAction } from "@/app/(app)/deals/actions";
import { GET as exportDashboard } from "@/app/api/dashboard/export/route";
import { GET as exportDeals } from "@/app/api/deals/export/route";
import { dashboardFiltersSchema } from "@/lib/dashboard/filters";
import { currentPeriods } from "@/lib/dashboard/targets";
import { isoDay } from "@/lib/dates";
import { leadershipView, managerDashboard, repView } from "@/lib/dashboard/queries";
import { dealListQuerySchema, listDeals } from "@/lib/deals/queries";
import type { Actor } from "@/lib/auth/sessions";
import { NextRequest } from "next/server";
import { createTeam, createUser } from "../factories";
import { dealForm } from "../factories/deals";
import type { SectionInput } from "@/lib/validations/strategy";
import { actorOf, ok, orgWithStrategy } from "./fixtures";
import { as, db } from "./helpers";

// Figures are checked against what the rows say, computed here independently; and every
// drill-down link must open a deal list with exactly the deals the figure counted.

// Dashboards look at "now"; the targets are set for the current quarter and deals close today.
const NOW = new Date();
const QUARTER = currentPeriods(NOW)[0]!;
const TODAY = isoDay(NOW)!;
const TARGETS: SectionInput["targets"]["targets"] = [
  { period: QUARTER, scope: "company", scopeId: null, metric: "revenue", value: 100_000 },
  { period: QUARTER, scope: "company", scopeId: null, metric: "off_strategy_count", value: 1 },
  { period: QUARTER, scope: "company", scopeId: null, metric: "avg_alignment_score", value: 80 },
];
const filters = (raw: Record<string, string> = {}) => dashboardFiltersSchema.parse(raw);

type Fixture = Awaited<ReturnType<typeof orgWithStrategy>> & { farRep: { id: string }; farTeam: { id: string }; stranger: Awaited<ReturnType<typeof orgWithStrategy>> };
let f: Fixture;

async function logDeals(org: Awaited<ReturnType<typeof orgWithStrategy>>, repId: string, forms: Parameters<typeof dealForm>[2][]) {
  for (const overrides of forms) await as(repId, () => ok(createDealAction(dealForm(org.account.id, org.productKey, { expectedCloseDate: TODAY, ...overrides }))));
}

beforeAll(async () => {
  const org = await orgWithStrategy(TARGETS);
  const o = org.organization.id;
  // A second team with its own rep: outside the manager's scope, inside leadership's.
  const farTeam = await createTeam(db, { organizationId: o, name: "Far team" });
  const farRep = await createUser(db, { organizationId: o, role: "REP", teamId: farTeam.id });
  const city = await as(org.rep.id, () => ok<{ id: string }>(createAccountAction({ name: "City Hall", industry: "Government", employees: "4000", revenue: "", region: "EU" })));

  await logDeals(org, org.rep.id, [
    { name: "Aligned", stage: "proposal" },
    { name: "On-prem promise", stage: "negotiation", commitments: [{ text: "We will host it on-premise for them", kind: "feature", dueDate: null }] },
    { name: "Deep discount", stage: "qualifying", lineItems: [{ productKey: org.productKey, quantity: 1, unitPrice: 24000, discountPct: 30 }] },
    { name: "Won one", stage: "won" },
  ]);
  await as(org.rep.id, () => ok(createDealAction({ ...dealForm(city.id, org.productKey), expectedCloseDate: TODAY, name: "Public sector" })));
  await logDeals(org, org.otherRep.id, [
    { name: "Other rep on-prem", stage: "proposal", commitments: [{ text: "Self-hosted install on their servers", kind: "feature", dueDate: null }] },
  ]);
  await logDeals(org, farRep.id, [{ name: "Far deal", stage: "prospecting" }]);

  const stranger = await orgWithStrategy();
  await logDeals(stranger, stranger.rep.id, [{ name: "Stranger deal", stage: "proposal" }]);
  f = { ...org, farRep, farTeam, stranger };
});

/** Open pipeline value and aligned value of the rows a scope covers, computed with Prisma. */
async function expected(where: object) {
  const deals = await db.deal.findMany({ where: { organizationId: f.organization.id, stage: { notIn: ["WON", "LOST"] }, ...where } });
  const value = deals.reduce((s, d) => s + d.amount, 0);
  const aligned = deals.filter((d) => !d.offStrategy).reduce((s, d) => s + d.amount, 0);
  return { value, alignedShare: Math.round((1000 * aligned) / value) / 10, promises: deals.reduce((s, d) => s + d.promiseIssues, 0) };
}

async function drillTotal(actor: Actor, href: string) {
  const params = Object.fromEntries(new URL(href, "http://x").searchParams);
  return (await listDeals(actor, dealListQuerySchema.parse(params))).total;
}

describe("the manager dashboard", () => {
  it("shows leadership the organisation's figures, and nothing of another organisation", async () => {
    const leader = await actorOf(f.leader.id);
    const d = await managerDashboard(leader, filters({ period: "qtd" }), NOW);
    const want = await expected({});
    const h = Object.fromEntries(d.headlines.map((x) => [x.key, x]));
    expect(h.pipeline!.value).toBeCloseTo(want.value, 2);
    expect(h.alignedShare!.value).toBe(want.alignedShare);
    expect(h.offStrategyPromises!.value).toBe(want.promises);
    expect(want.promises).toBe(2);
    expect(d.byRep.map((r) => r.deals).reduce((a, b) => a + b, 0)).toBe(7);
    expect(d.byTeam.map((r) => r.label).sort()).toEqual([f.team.name, "Far team"].sort());
  });

  it("keeps a manager to their own teams, even when the URL names another", async () => {
    const manager = await actorOf(f.manager.id);
    const want = await expected({ teamId: f.team.id });
    const views: Record<string, string>[] = [{ period: "qtd" }, { period: "qtd", team: f.farTeam.id }];
    for (const raw of views) {
      const d = await managerDashboard(manager, filters(raw), NOW);
      expect(d.headlines[0]!.value).toBeCloseTo(want.value, 2);
      expect(d.byRep.map((r) => r.key)).not.toContain(f.farRep.id);
    }
  });

  it("has a drill-down for every bar that opens exactly the deals it counted", async () => {
    const leader = await actorOf(f.leader.id);
    const d = await managerDashboard(leader, filters({ period: "qtd" }), NOW);
    const rows = [...d.byRep, ...d.byTeam, ...d.bySegment, ...d.byProduct, ...d.byRule, ...d.distribution, ...d.weekly];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect({ href: row.href, total: await drillTotal(leader, row.href) }).toEqual({ href: row.href, total: row.deals });
    const avoided = d.byRule.find((r) => r.ruleId === "segment.avoided");
    expect(avoided?.deals).toBe(1);
    const atRisk = d.stages.find((s) => s.stage === "negotiation")!;
    expect(atRisk.atRisk).toBeGreaterThan(0);
    expect(await drillTotal(leader, atRisk.href)).toBe(1);
  });

  it("puts the discount of every priced deal against its allowance", async () => {
    const d = await managerDashboard(await actorOf(f.leader.id), filters({ period: "qtd" }), NOW);
    const deep = d.scatter.find((p) => p.name === "Deep discount")!;
    expect(deep).toMatchObject({ discountPct: 30, allowancePct: 10, offStrategy: true });
    expect(d.scatter).toHaveLength(7);
  });

  it("measures targets of the period: won revenue with its projection, counts and averages", async () => {
    const d = await managerDashboard(await actorOf(f.leader.id), filters({ period: "qtd" }), NOW);
    const won = await db.deal.findFirstOrThrow({ where: { organizationId: f.organization.id, name: "Won one" } });
    const revenue = d.targets.find((t) => t.label === "Revenue won")!;
    expect(revenue.actual).toBeCloseTo(won.amount, 1);
    expect(revenue.projected!).toBeGreaterThan(revenue.actual!);
    const off = d.targets.find((t) => t.label === "Off-strategy deals")!;
    const offCount = await db.deal.count({ where: { organizationId: f.organization.id, offStrategy: true } });
    expect(off.actual).toBe(offCount);
    expect(off.direction).toBe("atMost");
    expect(off.status).toBe("off_track");
  });
});

describe("the leadership view", () => {
  it("finds the promise two reps made that the strategy rules out", async () => {
    const v = await leadershipView(await actorOf(f.leader.id), filters({ period: "qtd" }), NOW);
    const onPrem = v.recurring.find((r) => r.name === "On-premise hosting");
    expect(onPrem).toMatchObject({ reps: 2, deals: 2, kind: "guardrail" });
    expect(await drillTotal(await actorOf(f.leader.id), onPrem!.href)).toBe(2);
    const adoption = v.adoption.find((a) => a.teamId === f.team.id)!;
    expect(adoption).toMatchObject({ members: 2, acknowledged: 0, share: 0 });
    expect(v.teamTrend.teams.map((t) => t.name)).toContain("Far team");
  });
});

describe("the rep view", () => {
  it("shows a rep their own deals and the findings to fix, with remedies", async () => {
    const rep = await actorOf(f.rep.id);
    const v = await repView(rep, filters({ period: "qtd" }), NOW);
    const want = await expected({ ownerId: f.rep.id });
    expect(v.headlines[0]!.value).toBeCloseTo(want.value, 2);
    expect(new Set(v.findings.map((x) => x.dealName))).toEqual(new Set(["On-prem promise", "Deep discount", "Public sector"]));
    expect(v.findings.every((x) => x.remedy.length > 0)).toBe(true);
  });
});

describe("CSV exports", () => {
  const get = (userId: string, handler: typeof exportDeals, url: string) =>
    as(userId, () => handler(new NextRequest(url), { params: Promise.resolve({}) }));

  it("exports the deal list as filtered, in the caller's scope", async () => {
    const res = await get(f.manager.id, exportDeals, "http://localhost/api/deals/export?promises=1");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toContain("Deal id,Deal,Account");
    expect(lines.slice(1).map((l) => l.split(",")[1]).sort()).toEqual(["On-prem promise", "Other rep on-prem"]);
  });

  it("exports a dashboard table and refuses unknown tables with a field error", async () => {
    const res = await get(f.leader.id, exportDashboard, "http://localhost/api/dashboard/export?table=teams&period=all");
    const body = await res.text();
    expect(body).toContain("Far team");
    const bad = await get(f.leader.id, exportDashboard, "http://localhost/api/dashboard/export?table=secrets");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fields: [{ path: "table" }] } });
    const rep = await get(f.rep.id, exportDashboard, "http://localhost/api/dashboard/export?table=teams");
    expect(rep.status).toBe(404);
    const anon = await as(null, () => exportDashboard(new NextRequest("http://localhost/api/dashboard/export?table=teams"), { params: Promise.resolve({}) }));
    expect(anon.status).toBe(401);
  });
});

describe("deal-list drill-down filters", () => {
  it("drop malformed values instead of reaching the database with them", () => {
    const q = dealListQuerySchema.parse({ promise: "'; drop", segment: "x", team: "managed", rule: "segment.avoided", smin: "-4", cto: "2026-13-01" });
    expect(q).toMatchObject({ team: "managed", rule: "segment.avoided" });
    expect(q.promise).toBeUndefined();
    expect(q.segment).toBeUndefined();
    expect(q.smin).toBeUndefined();
    expect(q.cto).toBeUndefined();
  });
});
