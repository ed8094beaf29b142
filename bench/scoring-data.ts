// The synthetic strategy and deals of the scoring benchmark (bench/scoring.ts), shared with the
// golden output check (bench/scoring-golden.ts) so both look at exactly the same data.
import { type Capability, type DealInput, type StrategySnapshot, parseDealInput, parseStrategySnapshot } from "../lib/scoring";

// Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same data.
export const BENCH_SEED = 0x4b45454c;
let seed = BENCH_SEED;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

// Vocabulary for synthetic capability names: 200 names drawn from these share words the way a
// real catalog does ("AI", "customer", "reports" recur) without being 200 copies of one phrase.
const MODIFIERS = ["AI", "automated", "real-time", "mobile", "shared", "advanced", "bulk", "scheduled", "multilingual", "predictive", "self-service", "secure", "visual", "guided", "smart", "offline", "team", "customer", "agent", "sales", "collaborative", "omnichannel", "voice", "video", "social", "branded", "embedded", "conditional", "historical", "granular", "proactive", "contextual", "federated", "regional", "seasonal", "tiered", "dynamic", "interactive", "anonymous", "audited"];
const NOUNS = ["dashboards", "routing", "export", "forecasting", "surveys", "inbox", "reports", "alerts", "chatbot", "knowledge base", "audit trail", "approvals", "escalations", "macros", "tagging", "translation", "scoring", "sync", "portal", "analytics", "sandbox", "webhooks", "permissions", "quotas", "sentiment", "transcripts", "invoicing", "heatmaps", "benchmarks", "playbooks", "snippets", "checklists", "timelines", "workspaces", "broadcasts", "callbacks", "queues", "handoffs", "redaction", "archiving"];
const BRANDS = ["Salesforce", "HubSpot", "Slack", "Jira", "Shopify", "SAP", "Oracle", "Workday", "Xero", "Stripe", "Zapier", "Teams", "Okta", "Snowflake", "BigQuery", "Intercom", "Twilio", "Segment", "Marketo", "Pipedrive", "Zoom", "Gong", "Asana", "Notion", "Dropbox", "Box", "Magento", "NetSuite", "Dynamics", "Freshdesk"];
const AUDIENCES = ["agents", "managers", "customers", "teams", "admins", "partners", "developers", "auditors", "supervisors", "resellers", "franchises", "field staff"];
const STATUSES: Capability["status"][] = ["available", "available", "available", "beta", "roadmap", "not_offered"];

function syntheticStrategy(): StrategySnapshot {
  const capabilities: Capability[] = [];
  const seen = new Set<string>();
  while (capabilities.length < 200) {
    const name = rand() < 0.3 ? `${pick(BRANDS)} ${pick(["integration", "connector", "sync"])}` : `${pick(MODIFIERS)} ${pick(NOUNS)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const status = pick(STATUSES);
    capabilities.push({
      id: `cap-${capabilities.length}`,
      name,
      description: "",
      aliases: [`${pick(MODIFIERS)} ${pick(NOUNS)}`, `${name.split(" ").slice(1).join(" ")} for ${pick(AUDIENCES)}`],
      status,
      expectedDate: status === "roadmap" ? `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15` : null,
    });
  }
  const guardrailNames = ["custom development", "on-premise hosting", "24/7 phone support", "white-labelling", "source code escrow", "free on-site training", "dedicated engineer", "unlimited liability", "perpetual licence", "custom SLAs", "bespoke reports", "private cloud", "manual data entry service", "unlimited storage", "free consulting", "revenue share", "exclusive features", "custom contracts", "offshore hosting", "data deletion on demand"];
  return parseStrategySnapshot({
    versionId: "bench",
    version: 1,
    valuePosition: -40,
    segments: [
      { id: "s1", name: "Mid-market", industries: ["Software", "Retail"], employeeMin: 50, employeeMax: 1000, revenueMin: null, revenueMax: null, regions: ["EU"], priority: "primary", buyingCriteria: ["price"] },
      { id: "s2", name: "Public sector", industries: ["Government"], employeeMin: null, employeeMax: null, revenueMin: null, revenueMax: null, regions: [], priority: "avoid", buyingCriteria: [] },
    ],
    capabilities,
    guardrails: guardrailNames.map((name, i) => ({ id: `g-${i}`, name, description: "", aliases: [`${name} for the client`, name.split(" ").reverse().join(" ")] })),
    products: [
      { id: "p1", name: "Starter", listPrice: 19, currency: "EUR", maxDiscountPct: 10 },
      { id: "p2", name: "Growth", listPrice: 49, currency: "EUR", maxDiscountPct: 15 },
    ],
  });
}

function typo(word: string): string {
  if (word.length < 6) return word;
  const i = 1 + Math.floor(rand() * (word.length - 2));
  return word.slice(0, i) + (word[i + 1] ?? "") + (word[i] ?? "") + word.slice(i + 2);
}

function commitmentText(strategy: StrategySnapshot): string {
  const cap = pick(strategy.capabilities);
  const phrase = pick([cap.name, ...cap.aliases]);
  const guard = pick(strategy.guardrails).name;
  const extra = `${pick(["for their", "across the", "so the", "before the"])} ${pick(["support team", "launch", "Berlin office", "holiday peak", "new brand", "contact centre"])}`;
  switch (Math.floor(rand() * 6)) {
    case 0: return `We will give them ${phrase} ${extra}`;
    case 1: return `${phrase.split(" ").map(typo).join(" ")} included ${extra}`;
    case 2: return `We do not offer ${guard}; they get ${phrase} instead`;
    case 3: return `Promised ${guard} ${extra}`;
    case 4: return `${pick(BRANDS)} ${pick(["plugin", "widget", "webhook"])} built by our team ${extra}`;
    default: return `${phrase} and ${pick(MODIFIERS).toLowerCase()} ${pick(NOUNS)} ${extra}`;
  }
}

function requestText(strategy: StrategySnapshot): string {
  const cap = pick(strategy.capabilities);
  return rand() < 0.7
    ? `Customer asked whether we have ${pick([cap.name, ...cap.aliases]).toLowerCase()} ${pick(["", "for agents", "in French", "on mobile"])}`
    : `They want ${pick(["a blockchain ledger", "voice biometrics", "drone delivery tracking", "a loyalty scheme", "an ERP module"])} ${pick(["soon", "this year", "for their stores"])}`;
}

function syntheticDeals(strategy: StrategySnapshot, n: number): DealInput[] {
  const deals: DealInput[] = [];
  for (let i = 0; i < n; i++) {
    deals.push(
      parseDealInput({
        account: { name: `Account ${i}`, industry: pick(["Software", "Retail", "Government", "Healthcare", null]), employees: pick([20, 120, 800, 6000, null]), revenue: null, region: pick(["EU", "UK", "US", null]) },
        stage: pick(["prospecting", "qualifying", "proposal", "negotiation"] as const),
        expectedCloseDate: "2026-03-31",
        lineItems: [{ productId: pick(["p1", "p2", "p3"]), quantity: 1 + Math.floor(rand() * 50), unitPrice: pick([19, 49, 45]), discountPct: pick([0, 5, 10, 20, 30]) }],
        primaryCriterion: pick(["price", "quality", "innovation", null] as const),
        commitments: Array.from({ length: 3 }, () => ({ text: commitmentText(strategy), kind: pick(["feature", "custom_work", "service_level", "other"] as const), dueDate: pick([null, "2026-02-01", "2026-11-30"]) })),
        requests: Array.from({ length: 2 }, () => ({ text: requestText(strategy) })),
      }),
    );
  }
  return deals;
}

/** The benchmark's strategy and `n` deals; the same seed always gives the same data. */
export function benchData(n: number, dataSeed = BENCH_SEED): { strategy: StrategySnapshot; deals: DealInput[] } {
  seed = dataSeed;
  const strategy = syntheticStrategy();
  return { strategy, deals: syntheticDeals(strategy, n) };
}
