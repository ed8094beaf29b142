import { describe, expect, it } from "vitest";
import pg from "pg";
import {
  acknowledgeAction, answerQuestionAction, askQuestionAction, importStrategyAction, publishAction, saveSectionAction, startDraftAction,
} from "@/app/(app)/strategy/actions";
import { GET as exportRoute } from "@/app/api/strategy/versions/[number]/route";
import { actorForSession, createSession } from "@/lib/auth/sessions";
import { acknowledgementStatus, listQuestions } from "@/lib/strategy/people";
import { getVersion, listVersions } from "@/lib/strategy/versions";
import { compareVersions } from "@/lib/strategy/compare";
import { CAPABILITIES, GUARDRAILS, MISSION, PRODUCTS, SEGMENTS, TARGETS } from "../factories/strategy";
import { createOrganizationWithRoles } from "../factories";
import { as, db } from "./helpers";
import { NextRequest } from "next/server";

type Org = Awaited<ReturnType<typeof createOrganizationWithRoles>>;

async function ok<T>(promise: Promise<{ ok: boolean; data?: T; message?: string; code?: string; fieldErrors?: unknown }>): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.data as T;
}

/** A leader fills every section and publishes; returns the published version's id. */
async function publishFullStrategy(org: Org, note = "First strategy") {
  return as(org.leader.id, async () => {
    const draft = await ok<{ versionId: string; revision: number }>(startDraftAction(undefined));
    const versionId = draft.versionId;
    let revision = draft.revision;
    const save = async (section: string, data: unknown) => {
      revision = (await ok<{ revision: number }>(saveSectionAction({ section, versionId, revision, data }))).revision;
    };
    await save("mission", MISSION);
    await save("valueProposition", { valuePosition: 60, valueRationale: "We win on insight, not on price." });
    await save("segments", { segments: SEGMENTS });
    await save("capabilities", { capabilities: CAPABILITIES });
    await save("guardrails", { guardrails: GUARDRAILS });
    await save("products", { products: PRODUCTS });
    await save("targets", { targets: [...TARGETS, { period: "2027-Q1", scope: "team", scopeId: org.team.id, metric: "new_logos", value: 4 }] });
    await ok(publishAction({ versionId, revision, changeNote: note }));
    return versionId;
  });
}

describe("drafting and publishing", () => {
  it("publishes a full strategy as version 1; the next draft starts as a copy with the same keys", async () => {
    const org = await createOrganizationWithRoles(db);
    const v1 = await publishFullStrategy(org);
    const actor = (await actorForSession(await createSession(org.leader.id)))!;
    const published = await getVersion(actor, { number: 1 });
    expect(published).toMatchObject({ id: v1, status: "published", number: 1, changeNote: "First strategy" });
    expect(published.capabilities.map((c) => c.name)).toEqual(CAPABILITIES.map((c) => c.name));
    expect(published.targets).toHaveLength(3);

    const draft = await as(org.leader.id, () => ok<{ versionId: string }>(startDraftAction(undefined)));
    const copy = await getVersion(actor, { id: draft.versionId });
    expect(copy.status).toBe("draft");
    expect(copy.capabilities.map((c) => c.key)).toEqual(published.capabilities.map((c) => c.key));
    expect(compareVersions(published, copy).every((d) => !d.added.length && !d.removed.length && !d.changed.length)).toBe(true);
    // Asking again returns the same draft, never a second one.
    const again = await as(org.leader.id, () => ok<{ versionId: string }>(startDraftAction(undefined)));
    expect(again.versionId).toBe(draft.versionId);
  });

  it("numbers versions 1, 2, … and compares them section by section", async () => {
    const org = await createOrganizationWithRoles(db);
    await publishFullStrategy(org);
    await as(org.leader.id, async () => {
      const { versionId, revision } = await ok<{ versionId: string; revision: number }>(startDraftAction(undefined));
      const actor = (await actorForSession(await createSession(org.leader.id)))!;
      const draft = await getVersion(actor, { id: versionId });
      const caps = draft.capabilities.map((c) => (c.name === "Mobile app" ? { ...c, status: "roadmap" as const, expectedDate: "2027-09-30" } : c));
      const r1 = await ok<{ revision: number }>(saveSectionAction({ section: "capabilities", versionId, revision, data: { capabilities: [...caps, { name: "Seat maps", aliases: [], status: "beta" }] } }));
      const r2 = await ok<{ revision: number }>(saveSectionAction({ section: "valueProposition", versionId, revision: r1.revision, data: { valuePosition: -20, valueRationale: "Volume." } }));
      expect(await ok(publishAction({ versionId, revision: r2.revision, changeNote: "Mobile app planned" }))).toMatchObject({ number: 2 });
      const [v1, v2] = await Promise.all([getVersion(actor, { number: 1 }), getVersion(actor, { number: 2 })]);
      const diff = Object.fromEntries(compareVersions(v1, v2).map((d) => [d.section, d]));
      expect(diff.capabilities!.added.map((a) => a.name)).toEqual(["Seat maps"]);
      expect(diff.capabilities!.changed).toEqual([
        expect.objectContaining({ name: "Mobile app", changes: [{ field: "status", before: "not_offered", after: "roadmap" }, { field: "expectedDate", before: null, after: "2027-09-30" }] }),
      ]);
      expect(diff.valueProposition!.changed[0]!.changes.map((c) => c.field)).toEqual(["valuePosition", "valueRationale"]);
      expect(diff.segments!.changed).toEqual([]);
      expect((await listVersions(actor)).map((v) => v.number)).toEqual([2, 1]);
    });
  });

  it("refuses a publish without a change note or with an empty mission, field by field", async () => {
    const org = await createOrganizationWithRoles(db);
    await as(org.leader.id, async () => {
      const { versionId, revision } = await ok<{ versionId: string; revision: number }>(startDraftAction(undefined));
      expect(await publishAction({ versionId, revision, changeNote: " " })).toMatchObject({ ok: false, fieldErrors: { changeNote: expect.any(Array) } });
      expect(await publishAction({ versionId, revision, changeNote: "Go" })).toMatchObject({ ok: false, fieldErrors: { "mission.whoWeAre": expect.any(Array) } });
    });
  });
});

describe("two leaders on one draft", () => {
  it("refuses the second, stale save with the newer content; a double submit of the same content succeeds", async () => {
    const org = await createOrganizationWithRoles(db);
    const secondLeader = await db.user.create({ data: { organizationId: org.organization.id, role: "LEADER", name: "Second Leader", email: `l2-${org.organization.slug}@example.test`, passwordHash: "x" } });
    const { versionId, revision } = await as(org.leader.id, () => ok<{ versionId: string; revision: number }>(startDraftAction(undefined)));
    const mine = { ...MISSION, whoWeAre: "Mine" };
    const theirs = { ...MISSION, whoWeAre: "Theirs" };
    const [a, b] = await Promise.all([
      as(org.leader.id, () => saveSectionAction({ section: "mission", versionId, revision, data: mine })),
      as(secondLeader.id, () => saveSectionAction({ section: "mission", versionId, revision, data: theirs })),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", details: { section: "mission", revision: revision + 1 } });
    const winner = a.ok ? mine : theirs;
    expect(!refused.ok && (refused.details as { current: unknown }).current).toEqual(winner);
    const stored = await db.strategyVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(stored.whoWeAre).toBe(winner.whoWeAre);
    expect(stored.revision).toBe(revision + 1);

    // The winner's double submit (same content, old revision) is not a conflict and changes nothing.
    const winnerId = a.ok ? org.leader.id : secondLeader.id;
    expect(await as(winnerId, () => saveSectionAction({ section: "mission", versionId, revision, data: winner }))).toMatchObject({ ok: true, data: { unchanged: true } });
    expect((await db.strategyVersion.findUniqueOrThrow({ where: { id: versionId } })).revision).toBe(revision + 1);
  });
});

describe("published versions are immutable", () => {
  it("through the app, and in the database itself", async () => {
    const org = await createOrganizationWithRoles(db);
    const v1 = await publishFullStrategy(org);
    const published = await db.strategyVersion.findUniqueOrThrow({ where: { id: v1 } });
    expect(await as(org.leader.id, () => saveSectionAction({ section: "mission", versionId: v1, revision: published.revision, data: MISSION }))).toMatchObject({ ok: false, code: "CONFLICT" });

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query(`UPDATE "StrategyVersion" SET "whoWeAre" = 'x' WHERE id = $1`, [v1])).rejects.toThrow(/published and immutable/);
      await expect(client.query(`UPDATE "StrategyCapability" SET "name" = 'x' WHERE "versionId" = $1`, [v1])).rejects.toThrow(/published and immutable/);
      await expect(client.query(`INSERT INTO "StrategyGuardrail" ("organizationId","versionId","key","position","name","aliases") VALUES ($1,$2,gen_random_uuid(),9,'x','{}')`, [org.organization.id, v1])).rejects.toThrow(/published and immutable/);
    } finally {
      await client.end();
    }
    expect((await db.strategyVersion.findUniqueOrThrow({ where: { id: v1 } })).whoWeAre).toBe(MISSION.whoWeAre);
  });
});

describe("validation, field by field", () => {
  const cases: [string, string, unknown, string][] = [
    ["empty mission", "mission", { whoWeAre: "", whyWeAreHere: "x", whyItMatters: "y" }, "data.whoWeAre"],
    ["position outside −100..100", "valueProposition", { valuePosition: 140, valueRationale: "" }, "data.valuePosition"],
    ["min above max", "segments", { segments: [{ ...SEGMENTS[0], employeeMin: 500, employeeMax: 50 }] }, "data.segments.0.employeeMax"],
    ["overlapping segments", "segments", { segments: [SEGMENTS[0], { ...SEGMENTS[0], name: "Copy", priority: "avoid" }] }, "data.segments.1.employeeMin"],
    ["negative price", "products", { products: [{ ...PRODUCTS[0], listPrice: -1 }] }, "data.products.0.listPrice"],
    ["discount above 100 %", "products", { products: [{ ...PRODUCTS[0], maxDiscountPct: 150 }] }, "data.products.0.maxDiscountPct"],
    ["duplicate capability name", "capabilities", { capabilities: [CAPABILITIES[0], { ...CAPABILITIES[1], name: "abandoned-basket  E-mails" }] }, "data.capabilities.1.name"],
    ["duplicate alias", "capabilities", { capabilities: [CAPABILITIES[0], { ...CAPABILITIES[1], aliases: ["Cart Recovery"] }] }, "data.capabilities.1.aliases"],
    ["roadmap without a date", "capabilities", { capabilities: [{ ...CAPABILITIES[2], expectedDate: null }] }, "data.capabilities.0.expectedDate"],
    ["team target without a team", "targets", { targets: [{ period: "2027-Q1", scope: "team", scopeId: null, metric: "revenue", value: 1 }] }, "data.targets.0.scopeId"],
    ["bad period", "targets", { targets: [{ period: "Q1 2027", scope: "company", scopeId: null, metric: "revenue", value: 1 }] }, "data.targets.0.period"],
  ];
  for (const [name, section, data, path] of cases) {
    it(`refuses ${name} at ${path}`, async () => {
      const org = await createOrganizationWithRoles(db);
      await as(org.leader.id, async () => {
        const { versionId, revision } = await ok<{ versionId: string; revision: number }>(startDraftAction(undefined));
        const result = await saveSectionAction({ section, versionId, revision, data });
        expect(result.ok).toBe(false);
        expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toContain(path);
        expect((await db.strategyVersion.findUniqueOrThrow({ where: { id: versionId } })).revision).toBe(revision);
      });
    });
  }
});

describe("roles and organisations", () => {
  it("lets only leadership and admins draft and publish; reps and managers read, acknowledge and ask", async () => {
    const org = await createOrganizationWithRoles(db);
    for (const user of [org.rep, org.manager]) {
      expect(await as(user.id, () => startDraftAction(undefined))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await as(org.admin.id, () => startDraftAction(undefined))).toMatchObject({ ok: true });
    expect(await as(null, () => startDraftAction(undefined))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const v1 = await publishFullStrategy(org);
    const { versionId, revision } = await as(org.leader.id, () => ok<{ versionId: string; revision: number }>(startDraftAction(undefined)));
    expect(await as(org.rep.id, () => saveSectionAction({ section: "mission", versionId, revision, data: MISSION }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await as(org.manager.id, () => publishAction({ versionId, revision, changeNote: "x" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // Reps never see drafts, even by id.
    const repActor = (await actorForSession(await createSession(org.rep.id)))!;
    await expect(getVersion(repActor, { id: versionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listVersions(repActor)).map((v) => v.status)).toEqual(["PUBLISHED"]);

    // Acknowledge (twice is fine), ask, answer; the manager sees the team.
    expect(await as(org.rep.id, () => acknowledgeAction({ versionId: v1 }))).toMatchObject({ ok: true });
    expect(await as(org.rep.id, () => acknowledgeAction({ versionId: v1 }))).toMatchObject({ ok: true });
    expect(await as(org.rep.id, () => askQuestionAction({ versionId: v1, section: "guardrails", body: "Can we host on-prem for banks?" }))).toMatchObject({ ok: true });
    const question = await db.strategyQuestion.findFirstOrThrow({ where: { versionId: v1 } });
    expect(await as(org.rep.id, () => answerQuestionAction({ questionId: question.id, answer: "Yes" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await as(org.leader.id, () => answerQuestionAction({ questionId: question.id, answer: "No: on-premise stays out, banks included." }))).toMatchObject({ ok: true });
    expect((await listQuestions(repActor, v1))[0]).toMatchObject({ answer: "No: on-premise stays out, banks included." });
    expect(await db.notification.findFirst({ where: { userId: org.rep.id, kind: "question.answered" } })).not.toBeNull();
    const managerActor = (await actorForSession(await createSession(org.manager.id)))!;
    const status = (await acknowledgementStatus(managerActor))!;
    expect(status.rows.map((r) => [r.id, !!r.acknowledgedAt]).sort()).toEqual([[org.rep.id, true], [org.otherRep.id, false]].sort());
    await expect(acknowledgementStatus(repActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps organisation B out of A's strategy through every entry point", async () => {
    const a = await createOrganizationWithRoles(db);
    const b = await createOrganizationWithRoles(db);
    const v1 = await publishFullStrategy(a);
    const { versionId, revision } = await as(a.leader.id, () => ok<{ versionId: string; revision: number }>(startDraftAction(undefined)));
    expect(await as(b.leader.id, () => saveSectionAction({ section: "mission", versionId, revision, data: MISSION }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(b.leader.id, () => publishAction({ versionId, revision, changeNote: "hijack" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(b.rep.id, () => acknowledgeAction({ versionId: v1 }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await as(b.rep.id, () => askQuestionAction({ versionId: v1, section: "mission", body: "?" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await as(a.rep.id, () => askQuestionAction({ versionId: v1, section: "mission", body: "Why?" }));
    const q = await db.strategyQuestion.findFirstOrThrow({ where: { versionId: v1 } });
    expect(await as(b.leader.id, () => answerQuestionAction({ questionId: q.id, answer: "mine now" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const bActor = (await actorForSession(await createSession(b.leader.id)))!;
    await expect(getVersion(bActor, { id: v1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listVersions(bActor)).toEqual([]);
    const response = await as(b.leader.id, () => exportRoute(new NextRequest("http://x/api/strategy/versions/1"), { params: Promise.resolve({ number: "1" }) }));
    expect(response.status).toBe(404);
    expect((await db.strategyQuestion.findUniqueOrThrow({ where: { id: q.id } })).answer).toBeNull();
  });
});

describe("strategy files", () => {
  it("round-trip: export version 1 of A, import into B's draft, publish; same content, targets re-linked by name", async () => {
    const a = await createOrganizationWithRoles(db);
    await publishFullStrategy(a);
    const exported = await as(a.leader.id, () => exportRoute(new NextRequest("http://x/api/strategy/versions/1"), { params: Promise.resolve({ number: "1" }) }));
    expect(exported.status).toBe(200);
    const file = await exported.json();
    expect(file.format).toBe("keel.strategy/v1");
    expect(file.targets.find((t: { scope: string }) => t.scope === "team").scopeRef).toBe(a.team.name);

    const b = await createOrganizationWithRoles(db);
    await db.team.update({ where: { id: b.team.id }, data: { name: a.team.name } });
    expect(await as(b.leader.id, () => importStrategyAction({ json: JSON.stringify(file) }))).toMatchObject({ ok: true });
    const bActor = (await actorForSession(await createSession(b.leader.id)))!;
    const draft = (await db.strategyVersion.findFirstOrThrow({ where: { organizationId: b.organization.id, status: "DRAFT" } }));
    const imported = await getVersion(bActor, { id: draft.id });
    expect(imported.capabilities.map(({ key: _k, ...c }) => c)).toEqual(file.capabilities);
    expect(imported.targets.find((t) => t.scope === "team")!.scopeId).toBe(b.team.id);
  });

  it("rejects a bad file with the path of its first error, and changes nothing", async () => {
    const org = await createOrganizationWithRoles(db);
    const bad = { format: "keel.strategy/v1", mission: MISSION, valueProposition: { valuePosition: 0, valueRationale: "" }, segments: [], capabilities: [{ name: "X", aliases: [], status: "roadmap", expectedDate: null, description: "" }], guardrails: [], products: [], targets: [] };
    const result = await as(org.leader.id, () => importStrategyAction({ json: JSON.stringify(bad) }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(!result.ok && result.message).toContain("capabilities[0].expectedDate: A roadmap capability needs an expected date.");
    expect(await as(org.leader.id, () => importStrategyAction({ json: "{not json" }))).toMatchObject({ ok: false, fieldErrors: { file: ["The file is not valid JSON."] } });
    expect(await db.strategyVersion.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });
});
