// The demo organisation's content: a published strategy and deals that show every kind of finding.
// Built through the same domain functions the app uses, so the demo is what a real user would get.
import type { Actor } from "@/lib/auth/sessions";
import { ensureDraft, publishDraft, saveSection } from "@/lib/strategy/draft";
import { createAccount } from "@/lib/deals/accounts";
import { createDeal } from "@/lib/deals/deals";
import { reviewDeal } from "@/lib/deals/reviews";
import { db } from "@/lib/db";
import { capabilitiesSchema, guardrailsSchema, productsSchema, segmentsSchema, targetsSchema, type SaveSectionInput } from "@/lib/validations/strategy";

type SectionSave = SaveSectionInput extends infer U ? (U extends unknown ? Omit<U, "versionId" | "revision"> : never) : never;
import type { DealForm } from "@/lib/validations/deal";
import { CAPABILITIES, GUARDRAILS, MISSION, MORE_CAPABILITIES, PRODUCTS, SEGMENTS, TARGETS } from "../tests/factories/strategy";


async function actorFor(email: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
  return { userId: u.id, organizationId: u.organizationId, organizationName: u.organization.name, role: u.role, teamId: u.teamId, name: u.name, email: u.email };
}

/** The quarter we are in (2026-Q4) and its last day: demo deals close in it, so its targets have data. */
function currentQuarter(now = new Date()) {
  const q = Math.floor(now.getUTCMonth() / 3);
  const end = new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0));
  return { period: `${now.getUTCFullYear()}-Q${q + 1}`, lastDay: end.toISOString().slice(0, 10) };
}

export async function seedDemoContent(emails: { leader: string; manager: string; rep: string; rep2: string }) {
  const leader = await actorFor(emails.leader);
  const draft = await ensureDraft(leader);
  let revision = draft.revision;
  const save = async (input: SectionSave) => {
    revision = (await saveSection(leader, { ...input, versionId: draft.id, revision } as SaveSectionInput)).revision;
  };
  await save({ section: "mission", data: MISSION });
  await save({ section: "valueProposition", data: { valuePosition: 60, valueRationale: "We win on insight and service, not on price: promoters pay for seats they would not otherwise sell." } });
  // The fixtures are section inputs; parsing applies the same defaults and checks as a save from the form.
  await save({ section: "segments", data: segmentsSchema.parse({ segments: SEGMENTS }) });
  await save({ section: "capabilities", data: capabilitiesSchema.parse({ capabilities: [...CAPABILITIES, ...MORE_CAPABILITIES] }) });
  await save({ section: "guardrails", data: guardrailsSchema.parse({ guardrails: GUARDRAILS }) });
  await save({ section: "products", data: productsSchema.parse({ products: PRODUCTS }) });
  const quarter = currentQuarter();
  const team = await db.team.findFirst({ where: { organizationId: leader.organizationId, name: "Enterprise" }, select: { id: true } });
  const current = [
    { period: quarter.period, scope: "company", scopeId: null, metric: "revenue", value: 60_000 },
    { period: quarter.period, scope: "company", scopeId: null, metric: "avg_alignment_score", value: 80 },
    { period: quarter.period, scope: "company", scopeId: null, metric: "off_strategy_count", value: 2 },
    { period: quarter.period, scope: "company", scopeId: null, metric: "target_segment_share", value: 70 },
    ...(team ? [{ period: quarter.period, scope: "team", scopeId: team.id, metric: "revenue", value: 50_000 }] : []),
  ];
  await save({ section: "targets", data: targetsSchema.parse({ targets: [...current, ...TARGETS] }) });
  await publishDraft(leader, { versionId: draft.id, revision, changeNote: "Our first written strategy: sell insight, not discounts." });

  const products = await db.strategyProduct.findMany({ where: { versionId: draft.id } });
  const pro = products.find((p) => p.name === "Insight Pro")!.key;
  const starter = products.find((p) => p.name === "Insight Starter")!.key;
  const rita = await actorFor(emails.rep);
  const ravi = await actorFor(emails.rep2);
  const manager = await actorFor(emails.manager);

  const account = (name: string, industry: string, employees: number, region: string) =>
    createAccount(rita, { name, industry, employees, revenue: null, region, externalId: null });
  const festival = await account("Festival Republic", "Live events", 180, "EU");
  const arena = await account("Rotterdam Arena", "Live events", 900, "EU");
  const city = await account("City of Utrecht", "Government", 4000, "EU");
  const club = await account("Paradiso Club", "Live events", 60, "EU");
  const tour = await account("Northern Tours", "Ticketing", 240, "EU");

  const deal = (overrides: Partial<DealForm> & Pick<DealForm, "accountId" | "name">): DealForm => ({
    stage: "proposal", expectedCloseDate: quarter.lastDay, primaryCriterion: "quality", notes: "", externalId: null,
    lineItems: [{ productKey: pro, quantity: 1, unitPrice: 24000, discountPct: 5 }], commitments: [], requests: [], ...overrides,
  });
  await createDeal(rita, deal({ accountId: festival.id, name: "Festival season 2027", commitments: [{ text: "Abandoned basket e-mails from the first on-sale", kind: "feature", dueDate: null }], requests: [{ text: "Remind people who left tickets in the basket" }, { text: "Seat maps for the main stage grandstand" }] }));
  const onPrem = await createDeal(rita, deal({ accountId: arena.id, name: "Arena analytics", stage: "negotiation", commitments: [{ text: "We will host it on-premise in their data centre", kind: "feature", dueDate: null }, { text: "AI will set ticket prices automatically before the summer", kind: "feature", dueDate: "2027-05-01" }], requests: [{ text: "Dynamic pricing for peak nights" }] }));
  await createDeal(ravi, deal({ accountId: city.id, name: "Municipal venues pilot", stage: "qualifying", primaryCriterion: "price", lineItems: [{ productKey: starter, quantity: 3, unitPrice: 6000, discountPct: 35 }], requests: [{ text: "Nudge buyers who did not check out" }] }));
  await createDeal(ravi, deal({ accountId: club.id, name: "Club nights", stage: "prospecting", lineItems: [{ productKey: starter, quantity: 1, unitPrice: 6000, discountPct: 10 }], commitments: [{ text: "Customer segments for their mailing list", kind: "feature", dueDate: null }], requests: [{ text: "An abandoned cart e-mail" }] }));
  const custom = await createDeal(ravi, deal({ accountId: tour.id, name: "Tour analytics", stage: "proposal", lineItems: [{ productKey: pro, quantity: 2, unitPrice: 24000, discountPct: 12 }], commitments: [{ text: "A custom integration with their box office", kind: "custom_work", dueDate: null }, { text: "A mobile app for door scanning", kind: "feature", dueDate: null }], requests: [{ text: "Waitlist when a show sells out" }] }));
  await createDeal(rita, deal({ accountId: festival.id, name: "Winter festival", stage: "won", commitments: [{ text: "Sales dashboards per show", kind: "feature", dueDate: null }] }));
  await reviewDeal(manager, { dealId: onPrem.id, kind: "request_changes", body: "We do not host on-premise and AI pricing is on the roadmap for June. Offer our EU cloud and the pricing pilot instead.", revision: onPrem.revision });
  await reviewDeal(manager, { dealId: custom.id, kind: "comment", body: "Let's talk about the box office integration before you send the proposal.", revision: custom.revision });
}
