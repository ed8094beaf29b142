import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction, createDealAction, logRequestAction, updateDealAction } from "@/app/(app)/deals/actions";
import { answerThemeAction, mergeThemeAction, renameThemeAction, splitRequestAction } from "@/app/(app)/signals/actions";
import { answersForDeal, enablementGaps, roadmapDemand, signalBoard, signalFiltersSchema, themeDetail } from "@/lib/signals/queries";
import { createUser } from "../factories";
import { dealForm } from "../factories/deals";
import { actorOf, ok, orgWithStrategy, type R } from "./fixtures";
import { as, db } from "./helpers";

// Three reps log the same new ask in their own words; leadership sees one theme with the money
// behind it, answers it, and each rep hears back. Corrections (rename, merge, split) stick.

const WALLET = [
  "Tickets in Apple Wallet so fans stop printing them",
  "Can buyers add their e-tickets to the iPhone wallet?",
  "Wallet passes for the tickets (Apple and Google)",
];
const filters = signalFiltersSchema.parse({ period: "all" });

type Org = Awaited<ReturnType<typeof orgWithStrategy>>;
let org: Org;
let thirdRep: { id: string };
const dealIds: string[] = [];

async function account(repId: string, name: string) {
  return as(repId, () => ok<{ id: string }>(createAccountAction({ name, industry: "Live events", employees: "120", revenue: "", region: "EU" })));
}

beforeAll(async () => {
  org = await orgWithStrategy();
  thirdRep = await createUser(db, { organizationId: org.organization.id, role: "REP", teamId: org.team.id });
  const reps = [org.rep.id, org.otherRep.id, thirdRep.id];
  for (let i = 0; i < 3; i++) {
    const acc = await account(reps[i]!, `Promoter ${i + 1}`);
    const created = await as(reps[i]!, () => ok<{ id: string }>(createDealAction(dealForm(acc.id, org.productKey, { name: `Deal ${i + 1}`, requests: [{ text: WALLET[i]! }] }))));
    dealIds.push(created.id);
  }
});

async function walletTheme() {
  const board = await signalBoard(await actorOf(org.leader.id), filters);
  const theme = board.themes.find((t) => t.requests >= 3);
  expect(theme, JSON.stringify(board.themes.map((t) => [t.name, t.requests]))).toBeDefined();
  return theme!;
}

describe("grouping", () => {
  it("puts three reps' paraphrases in one theme, with three accounts and the open revenue behind them", async () => {
    const theme = await walletTheme();
    const deals = await db.deal.findMany({ where: { id: { in: dealIds } } });
    expect(theme).toMatchObject({ requests: 3, accounts: 3, reps: 3 });
    expect(theme.revenue).toBeCloseTo(deals.reduce((s, d) => s + d.amount, 0), 2);
    const detail = await themeDetail(await actorOf(org.leader.id), theme.id);
    expect(detail.members.every((m) => m.similarity !== null)).toBe(true);
    expect(detail.members.filter((m) => m.similarity! < 1).every((m) => m.shared.length > 0)).toBe(true);
  });

  it("shows a request for what we already offer as an enablement gap, not a theme", async () => {
    const acc = await account(org.rep.id, "Gap Promoter");
    await as(org.rep.id, () => ok(logRequestAction({ accountId: acc.id, text: "Cart recovery e-mails for people who abandon checkout" })));
    const gaps = await enablementGaps(await actorOf(org.leader.id), filters);
    expect(gaps).toContainEqual(expect.objectContaining({ capability: "Abandoned basket e-mails", requests: 1 }));
    const board = await signalBoard(await actorOf(org.leader.id), filters);
    expect(board.themes.some((t) => t.name.toLowerCase().includes("cart"))).toBe(false);
  });

  it("counts a request for a roadmap capability towards it", async () => {
    const acc = await account(org.rep.id, "Roadmap Promoter");
    await as(org.rep.id, () => ok(logRequestAction({ accountId: acc.id, text: "Machine learning pricing for peak nights" })));
    const demand = await roadmapDemand(await actorOf(org.leader.id), filters);
    expect(demand).toContainEqual(expect.objectContaining({ capability: "AI dynamic pricing", accounts: 1 }));
  });

  it("keeps a deal's unchanged requests in their theme when the deal is edited, and lets a removed one go", async () => {
    const theme = await walletTheme();
    const deal = await db.deal.findUniqueOrThrow({ where: { id: dealIds[0]! }, include: { requests: true, lineItems: true } });
    const before = deal.requests[0]!;
    const form = dealForm(deal.accountId, org.productKey, { name: deal.name, requests: [{ text: WALLET[0]! }, { text: "A second, unrelated ask about parking vouchers" }] });
    await as(org.rep.id, () => ok(updateDealAction({ ...form, dealId: deal.id, revision: deal.revision })));
    const kept = await db.customerRequest.findUniqueOrThrow({ where: { id: before.id } });
    expect(kept.themeId).toBe(theme.id);
    const edited = await db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    await as(org.rep.id, () => ok(updateDealAction({ ...form, requests: [{ text: WALLET[0]! }], dealId: deal.id, revision: edited.revision })));
    expect(await db.customerRequest.count({ where: { dealId: deal.id } })).toBe(1);
    expect((await db.requestTheme.findUniqueOrThrow({ where: { id: theme.id } })).size).toBe(3);
  });
});

describe("leadership's answer", () => {
  it("plans a theme: a roadmap capability lands in the draft and every rep who asked is told, on their deal", async () => {
    const theme = await walletTheme();
    const bad = (await as(org.leader.id, () => answerThemeAction({ themeId: theme.id, status: "planned", answer: "" }))) as R<string>;
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors).toHaveProperty("capabilityName");
    expect(bad.fieldErrors).toHaveProperty("expectedDate");

    const message = await as(org.leader.id, () => ok<string>(answerThemeAction({ themeId: theme.id, status: "planned", answer: "Wallet passes ship in Q2.", capabilityName: "Mobile wallet passes", expectedDate: "2027-06-30" })));
    expect(message).toBe("Answered; 3 reps were notified.");
    const draft = await db.strategyVersion.findFirstOrThrow({ where: { organizationId: org.organization.id, status: "DRAFT" }, include: { capabilities: true } });
    expect(draft.capabilities.find((c) => c.name === "Mobile wallet passes")).toMatchObject({ status: "ROADMAP" });
    for (const rep of [org.rep.id, org.otherRep.id, thirdRep.id]) {
      const n = await db.notification.findFirst({ where: { userId: rep, kind: "signal.answered" } });
      expect(n?.title).toContain("is planned");
      expect(n?.href).toMatch(/^\/deals\//);
    }
    for (const id of dealIds) {
      const answers = await answersForDeal(id, org.organization.id);
      expect([...answers.values()]).toContainEqual(expect.objectContaining({ status: "planned", answer: "Wallet passes ship in Q2." }));
    }
  });

  it("is leadership's alone, and one organisation never sees another's themes", async () => {
    const theme = await walletTheme();
    const refused = (await as(org.rep.id, () => renameThemeAction({ themeId: theme.id, name: "Mine" }))) as R<string>;
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const stranger = await orgWithStrategy();
    await expect(themeDetail(await actorOf(stranger.leader.id), theme.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const crossed = (await as(stranger.leader.id, () => renameThemeAction({ themeId: theme.id, name: "Theirs" }))) as R<string>;
    expect(crossed).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("corrections stick", () => {
  it("a renamed theme keeps its name as requests join; a split request stays apart; a merged theme receives nothing", async () => {
    const theme = await walletTheme();
    await as(org.leader.id, () => ok(renameThemeAction({ themeId: theme.id, name: "Wallet passes" })));
    const acc = await account(org.rep.id, "Late Promoter");
    await as(org.rep.id, () => ok(logRequestAction({ accountId: acc.id, text: "Apple Wallet tickets please" })));
    const after = await db.requestTheme.findUniqueOrThrow({ where: { id: theme.id } });
    expect(after).toMatchObject({ name: "Wallet passes", size: 4 });

    const member = await db.customerRequest.findFirstOrThrow({ where: { themeId: theme.id, text: "Apple Wallet tickets please" } });
    await as(org.leader.id, () => ok(splitRequestAction({ requestId: member.id })));
    const split = await db.customerRequest.findUniqueOrThrow({ where: { id: member.id } });
    expect(split.themeId).not.toBe(theme.id);
    expect(split.themePinned).toBe(true);
    expect((await db.requestTheme.findUniqueOrThrow({ where: { id: theme.id } })).size).toBe(3);

    await as(org.leader.id, () => ok(mergeThemeAction({ sourceId: split.themeId!, targetId: theme.id })));
    const merged = await db.requestTheme.findUniqueOrThrow({ where: { id: split.themeId! } });
    expect(merged.mergedIntoId).toBe(theme.id);
    expect((await db.requestTheme.findUniqueOrThrow({ where: { id: theme.id } })).size).toBe(4);
    await as(org.rep.id, () => ok(logRequestAction({ accountId: acc.id, text: "Apple Wallet tickets please" })));
    expect(await db.customerRequest.count({ where: { themeId: merged.id } })).toBe(0);
  });
});

describe("the answer form's input", () => {
  it("reads an untouched select or date as none, and still asks for what planning needs", async () => {
    const { themeAnswerSchema } = await import("@/lib/validations/signals");
    const parsed = themeAnswerSchema.safeParse({ themeId: "00000000-0000-4000-8000-000000000000", status: "planned", answer: "", capabilityKey: "", capabilityName: "", expectedDate: "" });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths.sort()).toEqual(["capabilityName", "expectedDate"]);
    expect(themeAnswerSchema.parse({ themeId: "00000000-0000-4000-8000-000000000000", status: "available", capabilityKey: "", expectedDate: "" })).toMatchObject({ capabilityKey: null, expectedDate: null, answer: "" });
  });
});

describe("theme pages", () => {
  it("answer 404, not a database error, for an id that is not one", async () => {
    await expect(themeDetail(await actorOf(org.leader.id), "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a refused answer", () => {
  it("changes nothing: no capability lands in the draft for a theme of another organisation", async () => {
    const stranger = await orgWithStrategy();
    const theme = await walletTheme();
    const drafts = async () => db.strategyVersion.count({ where: { organizationId: stranger.organization.id, status: "DRAFT" } });
    const before = await drafts();
    const refused = (await as(stranger.leader.id, () => answerThemeAction({ themeId: theme.id, status: "planned", answer: "", capabilityName: "Sneaky", expectedDate: "2027-01-01" }))) as R<string>;
    expect(refused).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await drafts()).toBe(before);
    const foreignKey = (await as(org.leader.id, () => answerThemeAction({ themeId: theme.id, status: "planned", answer: "", capabilityKey: "00000000-0000-4000-8000-000000000000" }))) as R<string>;
    expect(foreignKey).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { capabilityKey: ["Choose a capability of the strategy."] } });
  });
});
