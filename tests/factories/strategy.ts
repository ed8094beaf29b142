// A realistic strategy, as a leader would fill it, for tests and the demo seed.
import type { SectionInput } from "@/lib/validations/strategy";

export const MISSION: SectionInput["mission"] = {
  whoWeAre: "Northwind Analytics builds ticketing analytics for live-event promoters.",
  whyWeAreHere: "Promoters lose revenue because they cannot see who buys, who drops out and why.",
  whyItMatters: "Every seat sold on insight rather than discount keeps independent venues alive.",
};

export const SEGMENTS: SectionInput["segments"]["segments"] = [
  { name: "Mid-market promoters", industries: ["Live events", "Ticketing"], employeeMin: 50, employeeMax: 499, revenueMin: null, revenueMax: null, regions: ["EU"], priority: "primary", buyingCriteria: ["quality", "innovation"] },
  { name: "Large venues", industries: ["Live events"], employeeMin: 500, employeeMax: null, revenueMin: null, revenueMax: null, regions: ["EU"], priority: "secondary", buyingCriteria: ["service"] },
  { name: "Public sector", industries: ["Government"], employeeMin: null, employeeMax: null, revenueMin: null, revenueMax: null, regions: [], priority: "avoid", buyingCriteria: ["price"] },
];

export const CAPABILITIES: SectionInput["capabilities"]["capabilities"] = [
  { name: "Abandoned basket e-mails", description: "Nudge buyers who left tickets in the basket.", aliases: ["cart recovery", "checkout reminders"], status: "available", expectedDate: null },
  { name: "Audience segmentation", description: "", aliases: ["customer segments"], status: "available", expectedDate: null },
  { name: "AI dynamic pricing", description: "", aliases: ["automatic price optimisation", "machine learning pricing"], status: "roadmap", expectedDate: "2027-06-30" },
  { name: "Mobile app", description: "", aliases: ["iOS app", "Android app"], status: "not_offered", expectedDate: null },
];

/** The demo's further capabilities (prisma/demo.ts and lib/demo/generate.ts use both lists). */
export const MORE_CAPABILITIES: SectionInput["capabilities"]["capabilities"] = [
  { name: "Sales dashboards", description: "Ticket sales by show, channel and day.", aliases: ["sales reports", "revenue dashboard"], status: "available", expectedDate: null },
  { name: "Waiting lists", description: "", aliases: ["waitlist", "sold-out notifications"], status: "available", expectedDate: null },
  { name: "Seat maps", description: "", aliases: ["seating plan", "interactive venue map"], status: "beta", expectedDate: null },
  { name: "Resale marketplace", description: "", aliases: ["secondary ticketing", "fan-to-fan resale"], status: "roadmap", expectedDate: "2027-09-30" },
];

export const GUARDRAILS: SectionInput["guardrails"]["guardrails"] = [
  { name: "Custom development", description: "We build product, not projects.", aliases: ["bespoke features", "custom integration"] },
  { name: "On-premise hosting", description: "", aliases: ["self-hosted", "on prem"] },
];

export const PRODUCTS: SectionInput["products"]["products"] = [
  { name: "Insight Pro", listPrice: 24000, currency: "EUR", maxDiscountPct: 10 },
  { name: "Insight Starter", listPrice: 6000, currency: "EUR", maxDiscountPct: 15 },
];

export const TARGETS: SectionInput["targets"]["targets"] = [
  { period: "2027-Q1", scope: "company", scopeId: null, metric: "revenue", value: 1_200_000 },
  { period: "2027-Q1", scope: "company", scopeId: null, metric: "avg_alignment_score", value: 80 },
];
