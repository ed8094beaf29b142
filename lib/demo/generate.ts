// A large, realistic demo organisation for dashboards and benchmarks: people in teams, a published
// strategy (the demo's), thousands of accounts and up to millions of deals with line items,
// promises and customer requests, every deal scored by the real engine and stored as the app
// stores it. Run by `npm run db:generate-demo` (scripts/generate-demo.ts).
//
// Everything is drawn from a seeded PRNG, per deal, so a run is reproducible (same seed, same
// options, same `now`: same rows, ids included; the slug only changes ids and e-mail addresses) and
// any deal can be drawn again without the others.
// Bulk rows go in with set-based SQL (jsonb_to_recordset), a batch of deals per transaction,
// two batches in flight: PostgreSQL writes one while the engine scores the next.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import pg from "pg";
import { scoreDeal } from "@/lib/scoring/score";
import { dealFacts } from "@/lib/scoring/facts";
import type { Criterion, DealInput, ScoreResult, StrategySnapshot } from "@/lib/scoring/types";
import {
  capabilitiesSchema, guardrailsSchema, productsSchema, segmentsSchema, targetsSchema,
  TARGET_METRICS, type SaveSectionInput, type SectionInput,
} from "@/lib/validations/strategy";
import { CAPABILITIES, GUARDRAILS, MISSION, MORE_CAPABILITIES, PRODUCTS, SEGMENTS } from "@/tests/factories/strategy";

export const DEMO_PASSWORD = "keel-demo-2026";
const BCRYPT_COST = 11;

export interface DemoOptions {
  orgName: string;
  orgSlug: string;
  reps: number;
  teams: number;
  accounts: number;
  deals: number;
  /** How far back deals go, in years (fractions allowed). */
  years: number;
  seed: number;
  /** Delete an organisation with the same slug first (and everything in it). */
  replace: boolean;
  /** Deals per transaction (generated, scored and written together). */
  batchSize: number;
  /** Every deal still open (slipped rather than closed): a whole pipeline, for the what-if bench. */
  openOnly: boolean;
  /** "Today": deals end here, the current quarter's targets are computed from it. */
  now: Date;
  log: (line: string) => void;
}

export const DEFAULT_DEMO_OPTIONS: Omit<DemoOptions, "now" | "log"> = {
  orgName: "Northwind at Scale",
  orgSlug: "scale",
  reps: 50,
  teams: 8,
  accounts: 5000,
  deals: 1_000_000,
  years: 2,
  seed: 2026,
  replace: false,
  batchSize: 2000,
  openOnly: false,
};

export interface DemoSummary {
  organizationId: string;
  slug: string;
  versionId: string;
  counts: Record<string, number>;
  offStrategyShare: number;
  averageScore: number;
  seconds: Record<string, number>;
  logins: { role: string; email: string }[];
  password: string;
}

/** A refusal the CLI prints as is (slug taken, bad option). */
export class DemoError extends Error {}

// ---- deterministic randomness ------------------------------------------------------------------

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for data; seeded per deal so deals are independent. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  range(min: number, max: number) {
    return min + this.next() * (max - min);
  }
  chance(p: number) {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** An index drawn in proportion to `weights`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  normal() {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** A name-based UUID (version 5, SHA-1), so a rerun with the same seed gives the same ids. */
function uuidFor(namespace: string, kind: string, index: number): string {
  const h = createHash("sha1").update(`${namespace}:${kind}:${index}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString("hex", 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const seedOf = (text: string) => fmix32(createHash("sha1").update(text).digest().readUInt32LE(0));

// ---- content -----------------------------------------------------------------------------------

const FIRST = ["Anna", "Bram", "Chloé", "Daan", "Elif", "Finn", "Greta", "Hugo", "Ines", "Jonas", "Kiki", "Lars", "Mila", "Noah", "Olga", "Pieter", "Quinten", "Rosa", "Sven", "Tess", "Umut", "Vera", "Wout", "Xenia", "Yara", "Zeno", "Amir", "Birgit", "Cas", "Dewi", "Emre", "Fleur", "Gijs", "Hanna", "Ivo", "Julia", "Koen", "Lotte", "Maarten", "Nina", "Otto", "Puck", "Ruben", "Sanne", "Thijs", "Ugo", "Valerie", "Willem", "Youssef", "Zoë", "Aylin", "Bas", "Carmen", "Dirk", "Eva", "Floris", "Gwen", "Hidde", "Isa", "Jasper"];
const LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Schouten", "Vermeulen", "van Dijk", "Hoekstra", "Koster", "Prins", "Huisman", "Kuipers", "Postma", "Müller", "Schmidt", "Dubois", "Moreau", "Rossi", "García", "Novak", "Nowak", "Lindqvist", "Andersen", "O'Brien", "Kowalski", "Fischer", "Weber", "Lambert", "Martin", "Santos", "Ferrari", "Horváth", "Nielsen"];
const TEAM_NAMES = ["Benelux", "DACH", "Nordics", "France", "UK & Ireland", "Southern Europe", "Central & Eastern Europe", "Enterprise Venues", "Festivals", "Partners", "Inside Sales", "Key Accounts"];

const EU_CITIES = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Antwerp", "Ghent", "Brussels", "Berlin", "Hamburg", "Cologne", "Munich", "Leipzig", "Vienna", "Zurich", "Copenhagen", "Aarhus", "Stockholm", "Gothenburg", "Oslo", "Helsinki", "Paris", "Lyon", "Marseille", "Lille", "Madrid", "Barcelona", "Valencia", "Lisbon", "Porto", "Milan", "Turin", "Bologna", "Prague", "Brno", "Warsaw", "Krakow", "Budapest", "Ljubljana", "Zagreb", "Dublin", "Tallinn", "Riga", "Vilnius", "Luxembourg", "Maastricht", "Groningen", "Nijmegen", "Leuven", "Bruges", "Dresden"];
const OTHER_CITIES: Record<string, string[]> = {
  UK: ["London", "Manchester", "Glasgow", "Bristol", "Leeds", "Cardiff", "Edinburgh", "Liverpool", "Brighton", "Belfast"],
  "North America": ["Toronto", "Chicago", "Austin", "Montreal", "Seattle", "Denver", "Nashville", "Boston"],
  APAC: ["Sydney", "Melbourne", "Singapore", "Auckland", "Tokyo", "Seoul"],
  "Middle East": ["Dubai", "Doha", "Tel Aviv"],
};
const PROMOTER_WORDS = ["Live", "Presents", "Concerts", "Events", "Productions", "Entertainment", "Promotions", "Music", "Tickets", "Stage Company", "Nights", "Sounds"];
const FESTIVAL_WORDS = ["Festival", "Open Air", "Jazz Festival", "Fringe", "Summer Sessions", "Film Festival", "Folk Days", "Dance Festival"];
const VENUE_WORDS = ["Arena", "Dome", "Stadium", "Concert Hall", "Expo Centre", "Event Hall", "Forum", "Music Hall", "Amphitheatre"];
// Brand-style names, so that thousands of accounts rarely share a name.
const BRANDS = ["Northern Lights", "Blue Moon", "Red Brick", "Golden Hour", "Skyline", "Harbour", "Lighthouse", "Riverside", "Backstage", "Open Sky", "Silver Birch", "Velvet", "Neon", "Echo", "Lowlands", "Parkside", "Midnight", "Sunset", "Canal Side", "Old Port", "Wildflower", "Tidal", "Paper Moon", "Full Circle", "Grand Tour", "Night Owl", "Bright Side", "Stereo", "Vinyl", "Crossroads"];
const TICKETING_WORDS = ["Ticketing", "Tix", "Box Office", "Ticket Service", "Seats"];
const SPORTS_WORDS = ["FC", "Hockey Club", "Basketball", "Rugby Club", "Athletics", "Cycling Club"];
const CULTURE_WORDS = ["Theatre", "Opera", "Philharmonic", "Museum", "Playhouse", "Comedy Club", "Ballet", "Gallery"];
const GOVERNMENT = ["City of", "Municipality of", "Province of", "Culture Department,", "Events Office,", "Region of"];
const EDUCATION_WORDS = ["University", "Conservatory", "Art School", "College"];

type AccountClass = "primary" | "secondary" | "avoid" | "none";
interface AccountRow {
  id: string; name: string; industry: string | null; employees: number | null; revenue: number | null; region: string | null;
  cls: AccountClass; createdAt: number; createdById: string;
}

/** What reps promise, from clean catalog matches to the things the strategy rules out. */
type PromiseText = { text: string; kind: "feature" | "custom_work" | "service_level" | "price_term" | "delivery_date" | "other"; due?: "soon" };
const PROMISES: PromiseText[] = [
  { text: "Abandoned basket e-mails from the first on-sale", kind: "feature" },
  { text: "Abandoned basket e-mails from day one", kind: "feature" },
  { text: "Cart recovery e-mails for every show", kind: "feature" },
  { text: "Cart recovery for their ticket shop", kind: "feature" },
  { text: "Checkout reminders in three languages", kind: "feature" },
  { text: "Abandoned basket e-mails set up in week one", kind: "feature" },
  { text: "Custom-branded checkout reminders", kind: "custom_work" },
  { text: "Audience segmentation for their CRM", kind: "feature" },
  { text: "Customer segments for their mailing list", kind: "feature" },
  { text: "Audience segmentation by genre and venue", kind: "feature" },
  { text: "Segment their audience by postcode", kind: "feature" },
  { text: "Sales dashboards per show", kind: "feature" },
  { text: "Sales reports by channel and day", kind: "feature" },
  { text: "A revenue dashboard for the finance team", kind: "feature" },
  { text: "Weekly sales reports e-mailed to the promoter", kind: "feature" },
  { text: "Dashboards of ticket sales per venue", kind: "feature" },
  { text: "Waiting lists for sold-out shows", kind: "feature" },
  { text: "A waitlist when a show sells out", kind: "feature" },
  { text: "Sold-out notifications to their fans", kind: "feature" },
  { text: "Waiting list for every sold-out date", kind: "feature" },
  { text: "Seat maps for the main stage grandstand", kind: "feature" },
  { text: "An interactive venue map for the arena", kind: "feature" },
  { text: "Seating plan in the ticket shop", kind: "feature" },
  { text: "Price locked for 24 months", kind: "price_term" },
  { text: "Quarterly invoicing instead of annual", kind: "price_term" },
  { text: "First three months free", kind: "price_term" },
  { text: "10% off the second year if they renew early", kind: "price_term" },
  { text: "AI dynamic pricing once it is released", kind: "feature" },
  { text: "Automatic price optimisation for peak nights", kind: "feature" },
  { text: "Fan-to-fan resale when it launches", kind: "feature" },
  { text: "Secondary ticketing through our platform next year", kind: "feature" },
  { text: "AI will set ticket prices automatically before the summer", kind: "feature", due: "soon" },
  { text: "Machine learning pricing in time for the spring tour", kind: "feature", due: "soon" },
  { text: "Resale marketplace live for the autumn season", kind: "feature", due: "soon" },
  { text: "A mobile app for door scanning", kind: "feature" },
  { text: "An iOS app for their box office staff", kind: "feature" },
  { text: "Android app for season-ticket holders", kind: "feature" },
  { text: "We will host it on-premise in their data centre", kind: "feature" },
  { text: "Self-hosted installation on their servers", kind: "feature" },
  { text: "A custom integration with their box office", kind: "custom_work" },
  { text: "Bespoke features for their membership scheme", kind: "custom_work" },
  { text: "Custom integration with their Salesforce", kind: "custom_work" },
  { text: "24/7 phone support with a named engineer", kind: "service_level" },
  { text: "White-label ticket shop under their own brand", kind: "feature" },
  { text: "Go-live within two weeks of signature", kind: "delivery_date" },
  { text: "Free onsite training for all box-office staff", kind: "service_level" },
  { text: "A dedicated account manager", kind: "service_level" },
  { text: "We will not host it on-premise", kind: "other" },
];
// Wording varies: the same promise in a rep's own words (never changes what it matches).
const PROMISE_SUFFIXES = ["", "", "", " from day one", " for all their venues", " before the next on-sale", " included in the subscription", " (confirmed in the call)"];

const REQUESTS = [
  "Remind people who left tickets in the basket", "Nudge buyers who did not check out", "An abandoned cart e-mail",
  "Seat maps for the arena", "A seating plan buyers can click", "Dynamic pricing for peak nights", "Prices that go up as a show fills",
  "Let fans resell tickets they cannot use", "Resale marketplace for fans", "An app for scanning tickets at the door",
  "Export to Excel", "Host it in our own data centre", "Waitlist when a show sells out", "Segment buyers by genre",
  "See sales per show and per day", "Integration with their box office system", "Single sign-on for staff", "Gift vouchers",
  "Group bookings", "Member presale codes", "A monthly report for the board", "Push notifications on phones", "Season tickets",
  "Timed entry slots for exhibitions",
];

const TOPICS = ["Season {y} renewal", "Festival season {y}", "Summer tour {y}", "Winter programme {y}", "Box office insight pilot", "Arena analytics rollout", "Ticket shop upgrade", "Multi-venue expansion", "Audience insight {y}", "Marketing automation add-on", "Renewal and upsell {y}", "New venue onboarding", "Christmas shows {y}", "Spring tour {y}", "Sales reporting refresh", "Insight for {y} line-up"];
const NOTES = ["Call with the box office lead on Thursday.", "Decision in the board meeting next month.", "They compare us with their current ticketing vendor's reports.", "Budget approved; legal review pending.", "Champion is the head of marketing.", "Asked for references from two similar venues."];
const REVIEW_BODIES = {
  approve_exception: ["Approved: strategic logo, the discount is a one-off.", "OK for this deal; document it in the contract notes.", "Approved after talking to the customer's CFO.", "Fine this once: they sign for three years."],
  request_changes: ["We do not do this: offer the standard product and log the request.", "Bring the discount back within the allowance or come and talk to me.", "Remove the promise on the roadmap item, or move the date."],
  comment: ["Let's discuss this deal in our one-to-one.", "Good deal, keep the promises standard.", "Who is the decision maker here?"],
};
const QUESTIONS: { section: string; body: string; answer: string | null }[] = [
  { section: "segments", body: "Does a festival with 40 permanent staff and 300 seasonal workers count as a mid-market promoter?", answer: "Count permanent staff: below 50 it is outside our target segments, so check with your manager before investing." },
  { section: "capabilities", body: "When exactly will AI dynamic pricing be available? Customers keep asking for a date.", answer: "It is planned for the end of June 2027. Promise nothing earlier, and log the request on the deal." },
  { section: "guardrails", body: "Can we offer a private-cloud installation to a large arena if they pay for it?", answer: null },
  { section: "products", body: "Is the 10% allowance on Insight Pro per line or for the whole deal?", answer: "Per line, against the list price: a unit price below list counts as discount too." },
  { section: "valueProposition", body: "How do I argue against a competitor that is 30% cheaper?", answer: null },
  { section: "segments", body: "Why do we avoid the public sector? Several cities approached us this quarter.", answer: "Their tenders are decided on price and usually need on-premise hosting; both go against our strategy." },
  { section: "targets", body: "Is the team revenue target counted on signature or on go-live?", answer: null },
  { section: "capabilities", body: "Is the seat maps beta good enough to put in a contract?", answer: null },
  { section: "mission", body: "Can we share the mission text with customers in proposals?", answer: "Yes, the mission is public; the rest of the brief is internal." },
];

// ---- people, teams, accounts -------------------------------------------------------------------

interface Rep { id: string; email: string; name: string; teamIndex: number; weight: number; risk: number; joinedAt: number }
interface TeamRow { id: string; name: string; managerId: string; risk: number }

const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function quarterOf(ms: number) {
  const d = new Date(ms);
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = Date.UTC(d.getUTCFullYear(), q * 3, 1);
  const end = Date.UTC(d.getUTCFullYear(), q * 3 + 3, 1);
  return { label: `${d.getUTCFullYear()}-Q${q + 1}`, start, end };
}

function makeAccounts(n: number, rng: Rng, namespace: string, start: number, now: number, repIds: string[]): AccountRow[] {
  const names = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let k = 2; names.has(candidate); k++) candidate = `${name} ${["II", "III", "IV"][k - 2] ?? k}`;
    names.add(candidate);
    return candidate;
  };
  const eu = () => rng.pick(EU_CITIES);
  const rows: AccountRow[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    let cls: AccountClass;
    let industry: string | null;
    let employees: number | null;
    let region: string | null = "EU";
    let name: string;
    if (r < 0.38) {
      cls = "primary";
      industry = rng.chance(0.72) ? "Live events" : "Ticketing";
      employees = Math.round(Math.exp(rng.range(Math.log(50), Math.log(499))));
      const place = rng.chance(0.45) ? rng.pick(BRANDS) : eu();
      name = industry === "Ticketing" ? `${place} ${rng.pick(TICKETING_WORDS)}` : rng.chance(0.3) ? `${place} ${rng.pick(FESTIVAL_WORDS)}` : `${place} ${rng.pick(PROMOTER_WORDS)}`;
    } else if (r < 0.5) {
      cls = "secondary";
      industry = "Live events";
      employees = Math.round(Math.exp(rng.range(Math.log(500), Math.log(3500))));
      name = `${eu()} ${rng.pick(VENUE_WORDS)}`;
    } else if (r < 0.57) {
      cls = "avoid";
      industry = "Government";
      employees = Math.round(Math.exp(rng.range(Math.log(80), Math.log(30_000))));
      region = rng.chance(0.85) ? "EU" : "UK";
      name = `${rng.pick(GOVERNMENT)} ${region === "EU" ? eu() : rng.pick(OTHER_CITIES.UK!)}`;
    } else {
      cls = "none";
      const kind = rng.weighted([24, 22, 18, 16, 8, 12]);
      if (kind === 0) {
        // Small promoters: the right industry, too small.
        industry = rng.chance(0.8) ? "Live events" : "Ticketing";
        employees = rng.int(3, 49);
        name = `${rng.chance(0.5) ? rng.pick(BRANDS) : eu()} ${rng.pick(PROMOTER_WORDS)}`;
      } else if (kind === 1) {
        // Promoters and venues outside the EU.
        region = rng.pick(Object.keys(OTHER_CITIES));
        industry = rng.chance(0.8) ? "Live events" : "Ticketing";
        employees = Math.round(Math.exp(rng.range(Math.log(20), Math.log(5000))));
        name = `${rng.pick(OTHER_CITIES[region]!)} ${rng.pick([...PROMOTER_WORDS, ...VENUE_WORDS])}`;
      } else if (kind === 2) {
        industry = "Sports";
        employees = Math.round(Math.exp(rng.range(Math.log(20), Math.log(3000))));
        name = `${rng.chance(0.5) ? "" : "SC "}${eu()} ${rng.pick(SPORTS_WORDS)}`.trim();
      } else if (kind === 3) {
        industry = rng.chance(0.7) ? "Theatre & culture" : "Museums";
        employees = Math.round(Math.exp(rng.range(Math.log(10), Math.log(900))));
        name = `${eu()} ${rng.pick(CULTURE_WORDS)}`;
      } else if (kind === 4) {
        industry = "Education";
        employees = Math.round(Math.exp(rng.range(Math.log(100), Math.log(8000))));
        name = `${rng.pick(EDUCATION_WORDS)} of ${eu()}`;
      } else {
        // Accounts filled in carelessly: a missing field never matches a segment.
        industry = rng.chance(0.5) ? null : "Live events";
        employees = industry === null ? rng.int(50, 400) : null;
        region = rng.chance(0.2) ? null : "EU";
        name = `${rng.pick(BRANDS)} ${rng.pick(PROMOTER_WORDS)}`;
      }
    }
    const revenue = employees === null || rng.chance(0.25) ? null : Math.round(employees * rng.range(60_000, 220_000) / 1000) * 1000;
    // Most accounts exist before the first deal; the rest arrive over the period (new logos).
    const createdAt = rng.chance(0.6) ? start - rng.range(1, 400) * DAY : rng.range(start, now - 3 * DAY);
    rows.push({ id: uuidFor(namespace, "account", i), name: unique(name), industry, employees, revenue, region, cls, createdAt: Math.floor(createdAt), createdById: rng.pick(repIds) });
  }
  return rows;
}

// ---- the deal model ----------------------------------------------------------------------------

interface PlannedLine { productKey: string; productName: string; quantity: number; unitPrice: number; discountPct: number }
interface PlannedDeal {
  id: string; index: number; rep: Rep; team: TeamRow; account: AccountRow; name: string; notes: string;
  stage: "PROSPECTING" | "QUALIFYING" | "PROPOSAL" | "NEGOTIATION" | "WON" | "LOST";
  createdAt: number; updatedAt: number; closeDay: string; primaryCriterion: Criterion | null; revision: number; amount: number;
  lines: PlannedLine[]; commitments: { text: string; kind: PromiseText["kind"]; dueDate: string | null }[]; requests: { text: string; createdAt: number }[];
  input: DealInput;
}

type Bucket = "clean" | "price" | "warning" | "critical";
interface World {
  namespace: string; seed: number; n: number; start: number; now: number; openOnly: boolean;
  reps: Rep[]; repCumulative: number[]; teams: TeamRow[];
  byClass: Record<AccountClass, { rows: AccountRow[]; times: number[] }>;
  weekCumulative: number[]; weekStart: number[];
  weekNoise: number[];
  products: { key: string; name: string; listPrice: number; maxDiscountPct: number }[];
  promises: Record<Bucket, PromiseText[]>;
}

const upperBound = (xs: number[], x: number) => {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Deals per week: growing over the period, quieter in August and at Christmas, never flat. */
function weekWeights(start: number, now: number, rng: Rng) {
  const weeks = Math.max(1, Math.ceil((now - start) / (7 * DAY)));
  const cumulative: number[] = [];
  const starts: number[] = [];
  const noise: number[] = [];
  let total = 0;
  for (let w = 0; w < weeks; w++) {
    const from = start + w * 7 * DAY;
    const span = Math.min(7 * DAY, now - from);
    const d = new Date(from + 3 * DAY);
    const month = d.getUTCMonth();
    const dayOfMonth = d.getUTCDate();
    const season = month === 7 ? 0.6 : month === 11 ? (dayOfMonth > 18 ? 0.35 : 0.85) : month === 0 ? (dayOfMonth < 6 ? 0.5 : 0.95) : month === 8 || month === 9 ? 1.15 : 1;
    const n = 0.85 + 0.3 * rng.next();
    noise.push(0.8 + 0.45 * rng.next());
    total += (1 + 0.8 * (w / weeks)) * season * n * (span / (7 * DAY));
    cumulative.push(total);
    starts.push(from);
  }
  return { cumulative: cumulative.map((c) => c / total), starts, noise };
}

/** How off-strategy deals tend to be at a moment: creeping up, then corrected, plus the quarter-end rush. */
function drift(world: World, t: number) {
  const x = (t - world.start) / (world.now - world.start);
  const week = Math.min(world.weekNoise.length - 1, Math.max(0, Math.floor((t - world.start) / (7 * DAY))));
  const creep = 0.8 + 0.55 * Math.exp(-(((x - 0.55) / 0.22) ** 2));
  const quarterEnd = quarterOf(t).end - t < 12 * DAY ? 1.35 : 1;
  return creep * world.weekNoise[week]! * quarterEnd;
}

function dealTime(world: World, rng: Rng, index: number) {
  const u = (index + rng.next()) / world.n;
  const w = Math.min(world.weekCumulative.length - 1, upperBound(world.weekCumulative, u));
  const from = world.weekStart[w]!;
  const span = Math.min(7 * DAY, world.now - from);
  let t = from + rng.next() * span;
  // Mostly working days and hours.
  const day = new Date(t).getUTCDay();
  if ((day === 0 || day === 6) && rng.chance(0.9)) t -= (day === 6 ? 1 : 2) * DAY;
  const midnight = Math.floor(t / DAY) * DAY;
  t = midnight + (7 + 11 * (rng.next() + rng.next()) / 2) * 3_600_000;
  return Math.max(world.start, Math.min(world.now - 60_000, Math.floor(t)));
}

function pickAccount(world: World, rng: Rng, cls: AccountClass, t: number): AccountRow {
  const order: AccountClass[] = [cls, "primary", "none", "secondary", "avoid"];
  for (const c of order) {
    const { rows, times } = world.byClass[c];
    const eligible = upperBound(times, t);
    if (eligible > 0) return rows[Math.floor(rng.next() * eligible)]!;
  }
  // Only when every account arrives after this deal: take the oldest.
  return world.byClass[cls].rows[0] ?? world.byClass.primary.rows[0] ?? world.byClass.none.rows[0]!;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const effective = (list: number, unit: number, disc: number) => Math.round(Math.max(disc, 100 * (1 - (unit * (1 - disc / 100)) / list)) * 10) / 10;

function planLine(world: World, rng: Rng, productIndex: number, cls: AccountClass, risk: number): PlannedLine {
  const p = world.products[productIndex]!;
  const pro = p.listPrice >= 10_000;
  const quantity = pro
    ? cls === "secondary" ? 1 + rng.weighted([45, 30, 15, 10]) : 1 + rng.weighted([75, 20, 5])
    : 1 + rng.weighted([40, 25, 15, 10, 6, 4]);
  const priceKind = rng.weighted([75, 12, 13]);
  const step = p.listPrice >= 1000 ? 10 : 1;
  const unitPrice = priceKind === 0 ? p.listPrice
    : priceKind === 1 ? Math.round((p.listPrice * (1 + rng.range(0.02, 0.08))) / step) * step
    : Math.round((p.listPrice * (1 - rng.range(0.01, 0.04))) / step) * step;
  const over = rng.chance(Math.min(0.65, 0.11 * risk));
  let discountPct: number;
  if (over) {
    // Above the allowance: mostly a few points, sometimes far above.
    const excess = [rng.range(0.5, 5), rng.range(5, 10), rng.range(10, 25)][rng.weighted([55, 25, 20])]!;
    discountPct = Math.min(60, Math.ceil((p.maxDiscountPct + excess) * 2) / 2);
  } else {
    const r = rng.next();
    const target = r < 0.28 ? 0 : r < 0.45 ? p.maxDiscountPct : Math.round(rng.range(0, p.maxDiscountPct) * 2) / 2;
    // The customer's effective discount counts a unit price below list too: keep it within the allowance.
    const needed = unitPrice >= p.listPrice ? target : 100 * (1 - (p.listPrice * (1 - target / 100)) / unitPrice);
    discountPct = Math.max(0, Math.floor(needed * 2) / 2);
    while (discountPct > 0 && effective(p.listPrice, unitPrice, discountPct) > p.maxDiscountPct) discountPct -= 0.5;
    if (effective(p.listPrice, unitPrice, discountPct) > p.maxDiscountPct) return { productKey: p.key, productName: p.name, quantity, unitPrice: p.listPrice, discountPct: target };
  }
  return { productKey: p.key, productName: p.name, quantity, unitPrice, discountPct };
}

const OPEN_BY_PROGRESS = ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"] as const;

function planDeal(world: World, index: number): PlannedDeal {
  const rng = new Rng(fmix32(world.seed ^ Math.imul(index + 1, 0x9e3779b1)));
  const createdAt = dealTime(world, rng, index);
  let rep = world.reps[upperBound(world.repCumulative, rng.next() * world.repCumulative[world.repCumulative.length - 1]!)] ?? world.reps[0]!;
  for (let tries = 0; rep.joinedAt > createdAt && tries < 6; tries++) rep = world.reps[upperBound(world.repCumulative, rng.next() * world.repCumulative[world.repCumulative.length - 1]!)] ?? world.reps[0]!;
  const team = world.teams[rep.teamIndex]!;
  const risk = rep.risk * team.risk * drift(world, createdAt);

  const avoid = Math.min(0.3, 0.035 * risk);
  const none = Math.min(0.45, 0.2 * Math.sqrt(risk));
  const cls = (["primary", "secondary", "none", "avoid"] as const)[rng.weighted([0.58 * (1 - avoid - none) / 0.78, 0.2 * (1 - avoid - none) / 0.78, none, avoid])]!;
  const account = pickAccount(world, rng, cls, createdAt);

  // What the buyer decides on; price buyers do not fit a sell-for-more strategy.
  const criteria: (Criterion | null)[] = ["quality", "service", "innovation", "relationship", "speed", "price", null];
  const primaryCriterion = criteria[rng.weighted([28, 20, 15, 9, 6, 8 * Math.sqrt(risk), 12])]!;

  const lineCount = 1 + rng.weighted([55, 30, 15]);
  const proShare = account.cls === "secondary" ? 0.8 : account.cls === "primary" ? 0.6 : account.cls === "avoid" ? 0.35 : 0.4;
  const first = world.products.length > 1 ? (rng.chance(proShare) ? 0 : 1) : 0;
  const lines: PlannedLine[] = [];
  for (let l = 0; l < lineCount; l++) {
    const productIndex = l === 0 || world.products.length === 1 ? first : rng.chance(0.6) ? (first + 1) % world.products.length : first;
    lines.push(planLine(world, rng, productIndex, account.cls, risk));
  }
  const amount = round2(lines.reduce((sum, x) => sum + x.quantity * x.unitPrice * (1 - x.discountPct / 100), 0));

  // Stage from age: a sales cycle of one to several months; old deals are closed, a few linger.
  const proDeal = lines.some((x) => x.unitPrice >= 10_000);
  const cycle = Math.min(300, Math.max(12, Math.exp(Math.log(proDeal ? 80 : 50) + 0.5 * rng.normal())));
  const closeAt = createdAt + cycle * DAY;
  let stage: PlannedDeal["stage"];
  let updatedAt: number;
  let closeDay: string;
  let revision: number;
  const overDiscount = lines.some((x) => {
    const p = world.products.find((q) => q.key === x.productKey)!;
    return effective(p.listPrice, x.unitPrice, x.discountPct) > p.maxDiscountPct;
  });
  if (closeAt <= world.now && !world.openOnly && !(rng.chance(0.05) && world.now - createdAt < 400 * DAY)) {
    let win = 0.34 + (account.cls === "primary" ? 0.08 : account.cls === "secondary" ? 0.04 : account.cls === "avoid" ? -0.12 : -0.05);
    if (overDiscount) win += 0.06;
    if (primaryCriterion === "price") win -= 0.05;
    stage = rng.chance(win) ? "WON" : "LOST";
    updatedAt = Math.min(world.now - 60_000, closeAt + rng.range(0, 2) * DAY);
    closeDay = utcDay(closeAt);
    revision = rng.int(1, 5);
  } else if (closeAt <= world.now) {
    // Slipped: still open, the close date pushed out.
    stage = rng.chance(0.6) ? "NEGOTIATION" : "PROPOSAL";
    updatedAt = world.now - rng.range(0, 40) * DAY;
    closeDay = utcDay(world.now + rng.range(5, 60) * DAY);
    revision = rng.int(2, 6);
  } else {
    const progress = (world.now - createdAt) / (closeAt - createdAt);
    stage = OPEN_BY_PROGRESS[Math.min(3, Math.floor(progress * 4 + rng.range(-0.3, 0.3)))] ?? "PROSPECTING";
    updatedAt = createdAt + rng.next() * (world.now - createdAt);
    closeDay = utcDay(closeAt + rng.range(-5, 10) * DAY);
    revision = rng.int(0, 3);
  }
  if (closeDay <= utcDay(createdAt)) closeDay = utcDay(createdAt + DAY);
  updatedAt = Math.max(createdAt, Math.floor(updatedAt));

  const commitments: PlannedDeal["commitments"] = [];
  const promiseCount = rng.weighted([30, 35, 22, 13]);
  const used = new Set<string>();
  for (let c = 0; c < promiseCount; c++) {
    const crit = Math.min(0.5, 0.045 * risk);
    const warn = Math.min(0.2, 0.055 * Math.sqrt(risk));
    const bucket = (["critical", "warning", "price", "clean"] as const)[rng.weighted([crit, warn, 0.1, 1 - crit - warn - 0.1])]!;
    const pool = world.promises[bucket].length ? world.promises[bucket] : world.promises.clean;
    const p = rng.pick(pool);
    if (used.has(p.text)) continue;
    used.add(p.text);
    const text = p.kind === "price_term" ? p.text : p.text + rng.pick(PROMISE_SUFFIXES);
    commitments.push({ text, kind: p.kind, dueDate: p.due === "soon" ? utcDay(createdAt + rng.range(20, 120) * DAY) : null });
  }
  const requests: PlannedDeal["requests"] = [];
  const requestCount = rng.weighted([45, 35, 20]);
  for (let r = 0; r < requestCount; r++) {
    const text = rng.pick(REQUESTS);
    if (!requests.some((x) => x.text === text)) requests.push({ text, createdAt: Math.min(world.now - 60_000, createdAt + Math.floor(rng.range(0, 10) * DAY)) });
  }

  const year = closeDay.slice(0, 4);
  const name = `${account.name} – ${rng.pick(TOPICS).replace("{y}", year)}`;
  const notes = rng.chance(0.1) ? rng.pick(NOTES) : "";
  const input: DealInput = {
    account: { name: account.name, industry: account.industry, employees: account.employees, revenue: account.revenue, region: account.region },
    stage: stage.toLowerCase() as DealInput["stage"],
    expectedCloseDate: closeDay,
    lineItems: lines.map((x) => ({ productId: x.productKey, quantity: x.quantity, unitPrice: x.unitPrice, discountPct: x.discountPct })),
    primaryCriterion,
    commitments: commitments.map((x) => ({ text: x.text, kind: x.kind, dueDate: x.dueDate })),
    requests: requests.map((x) => ({ text: x.text })),
  };
  return { id: uuidFor(world.namespace, "deal", index), index, rep, team, account, name, notes, stage, createdAt, updatedAt, closeDay, primaryCriterion, revision, amount, lines, commitments, requests, input };
}

/** Sorts the promise vocabulary by what the engine makes of it against this strategy. */
function classifyPromises(snapshot: StrategySnapshot, now: number): Record<Bucket, PromiseText[]> {
  const buckets: Record<Bucket, PromiseText[]> = { clean: [], price: [], warning: [], critical: [] };
  for (const p of PROMISES) {
    const result = scoreDeal({
      account: { name: "Probe", industry: null, employees: null, revenue: null, region: null }, stage: "proposal", expectedCloseDate: null,
      lineItems: [], primaryCriterion: null, requests: [],
      commitments: [{ text: p.text, kind: p.kind, dueDate: p.due === "soon" ? utcDay(now + 45 * DAY) : null }],
    }, snapshot);
    const promise = result.findings.filter((f) => f.evidence.subject.kind === "commitment");
    const bucket: Bucket = promise.some((f) => f.severity === "critical") ? "critical"
      : promise.some((f) => f.points > 0) ? "warning"
      : p.kind === "price_term" ? "price" : "clean";
    buckets[bucket].push(p);
  }
  return buckets;
}

// ---- targets -----------------------------------------------------------------------------------

type TargetInput = SectionInput["targets"]["targets"][number];

/**
 * Targets for the current quarter, set against what the generated deals will do (drawn ahead from
 * a sample, scored against the draft): some scopes comfortably on track, others clearly behind.
 */
function currentTargets(world: World, snapshot: StrategySnapshot, period: { label: string; start: number; end: number }): TargetInput[] {
  type Acc = { won: number; open: number; openTarget: number; scored: number; scoreSum: number; discSum: number; discN: number; off: number };
  const fresh = (): Acc => ({ won: 0, open: 0, openTarget: 0, scored: 0, scoreSum: 0, discSum: 0, discN: 0, off: 0 });
  const acc = new Map<string, Acc>();
  const get = (k: string) => acc.get(k) ?? acc.set(k, fresh()).get(k)!;
  // Deals created in the last ~14 months cover everything that can close or be open now.
  const firstWeek = upperBound(world.weekStart, world.now - 420 * DAY);
  const from = firstWeek > 0 ? Math.floor(world.n * world.weekCumulative[firstWeek - 1]!) : 0;
  const stride = Math.max(1, Math.floor((world.n - from) / 40_000));
  const elapsed = Math.max(1, (world.now - period.start) / DAY);
  const length = (period.end - period.start) / DAY;
  const closeFrom = utcDay(period.start);
  const today = utcDay(world.now);
  let newAccounts = 0;
  for (const rows of Object.values(world.byClass)) for (const a of rows.rows) if (a.createdAt >= period.start) newAccounts++;
  for (let i = from; i < world.n; i += stride) {
    const d = planDeal(world, i);
    const keys = ["company", `team:${d.team.id}`, `rep:${d.rep.id}`];
    const open = d.stage !== "WON" && d.stage !== "LOST";
    const inQuarter = d.createdAt >= period.start;
    const result = inQuarter ? scoreDeal(d.input, snapshot) : null;
    const facts = result ? dealFacts(d.input, snapshot, result) : null;
    for (const k of keys) {
      const a = get(k);
      if (d.stage === "WON" && d.closeDay >= closeFrom && d.closeDay <= today) a.won += d.amount * stride;
      if (open) {
        a.open += d.amount;
        if (d.account.cls === "primary" || d.account.cls === "secondary") a.openTarget += d.amount;
      }
      if (result && facts) {
        a.scored++;
        a.scoreSum += result.score;
        if (result.offStrategy) a.off += stride;
        if (facts.discountPct !== null) {
          a.discSum += facts.discountPct;
          a.discN++;
        }
      }
    }
  }
  const project = (x: number) => (x * length) / elapsed;
  const money = (x: number) => Math.max(10_000, Math.round(x / 10_000) * 10_000);
  const count = (x: number) => Math.max(1, Math.round(x));
  const pct = (x: number) => Math.min(100, Math.max(0, Math.round(x)));
  const stats = (k: string) => {
    const a = get(k);
    return {
      revenue: project(a.won), share: a.open > 0 ? (100 * a.openTarget) / a.open : 50, score: a.scored ? a.scoreSum / a.scored : 75,
      discount: a.discN ? a.discSum / a.discN : 5, off: project(a.off),
    };
  };
  const t = (scope: TargetInput["scope"], scopeId: string | null, metric: (typeof TARGET_METRICS)[number], value: number): TargetInput =>
    ({ period: period.label, scope, scopeId, metric, value });
  const company = stats("company");
  const out: TargetInput[] = [
    t("company", null, "revenue", money(company.revenue * 0.92)),
    t("company", null, "new_logos", count(newAccounts * 0.6 * (length / elapsed) * 1.3)),
    t("company", null, "target_segment_share", pct(company.share + 6)),
    t("company", null, "avg_alignment_score", pct(company.score + 4)),
    t("company", null, "avg_discount", Math.round((company.discount + 1) * 10) / 10),
    t("company", null, "off_strategy_count", count(Math.round(company.off * 0.8 / 10) * 10)),
  ];
  const teamRevenue = [0.85, 1.3, 0.95, 1.2, 0.8, 1.4];
  world.teams.slice(0, 6).forEach((team, i) => {
    const s = stats(`team:${team.id}`);
    out.push(t("team", team.id, "revenue", money(s.revenue * teamRevenue[i]!)));
    if (i % 2 === 0) out.push(t("team", team.id, "avg_alignment_score", pct(s.score + (i === 2 ? -3 : 5))));
    if (i % 2 === 1) out.push(t("team", team.id, "off_strategy_count", count(s.off * (i === 1 ? 1.2 : 0.7))));
    if (i === 0) out.push(t("team", team.id, "target_segment_share", pct(s.share - 5)));
    if (i === 2) out.push(t("team", team.id, "avg_discount", Math.round((s.discount - 1) * 10) / 10));
    if (i === 4) out.push(t("team", team.id, "new_logos", count(newAccounts * 0.6 * (length / elapsed) / Math.max(1, world.teams.length))));
  });
  const repRevenue = [1.25, 0.85, 0.9, 1.35, 0.8, 1.1, 0.95, 1.5, 0.75, 1.2, 0.9, 1.3];
  world.reps.slice(0, 12).forEach((rep, i) => {
    const s = stats(`rep:${rep.id}`);
    out.push(t("rep", rep.id, "revenue", money(s.revenue * repRevenue[i]!)));
    out.push(t("rep", rep.id, "avg_alignment_score", pct(s.score + (i % 3 === 0 ? 6 : -4))));
    if (i % 4 === 1) out.push(t("rep", rep.id, "avg_discount", Math.round((s.discount + (i === 1 ? 1.5 : -1.5)) * 10) / 10));
  });
  // Next quarter, for the leader's planning view.
  const next = quarterOf(period.end + DAY);
  out.push({ period: next.label, scope: "company", scopeId: null, metric: "revenue", value: money(company.revenue * 1.1) });
  out.push({ period: next.label, scope: "company", scopeId: null, metric: "avg_alignment_score", value: 80 });
  return out;
}

// ---- the run -----------------------------------------------------------------------------------

function validate(o: DemoOptions) {
  const whole = (name: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max) throw new DemoError(`--${name} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")} (got ${v}).`);
  };
  whole("reps", o.reps, 1, 10_000);
  whole("teams", o.teams, 1, 500);
  whole("accounts", o.accounts, 10, 1_000_000);
  whole("deals", o.deals, 0, 50_000_000);
  whole("seed", o.seed, 0, 2 ** 32 - 1);
  whole("batch", o.batchSize, 100, 20_000);
  if (!(o.years > 0 && o.years <= 20)) throw new DemoError(`--years must be more than 0 and at most 20 (got ${o.years}).`);
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(o.orgSlug)) throw new DemoError(`--org-slug must be lower-case letters, digits and hyphens (got "${o.orgSlug}").`);
  if (!o.orgName.trim()) throw new DemoError("--org-name cannot be empty.");
  if (Number.isNaN(o.now.getTime()) || o.now.getTime() > Date.now() + 60_000) throw new DemoError("--now must be a date and time that is not in the future, like 2026-11-20T12:00:00Z.");
  if (o.teams > o.reps) throw new DemoError(`--teams (${o.teams}) cannot exceed --reps (${o.reps}): every team needs a rep.`);
}

const INSERT_BATCH = `
WITH d AS (
  INSERT INTO "Deal" ("id", "organizationId", "accountId", "ownerId", "teamId", "name", "stage", "expectedCloseDate", "primaryCriterion", "notes",
    "amount", "revision", "reviewState", "approvedRevision", "createdAt", "updatedAt")
  SELECT t.id, $1, t.a, t.o, t.tm, t.n, t.s::"DealStage", t.e, t.pc, t.nt, t.am, t.r, t.rs, t.ar, t.c, t.u
  FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, a uuid, o uuid, tm uuid, n text, s text, e date, pc text, nt text, am float8, r int, rs text, ar int, c timestamp, u timestamp)
  RETURNING 1
), l AS (
  INSERT INTO "DealLineItem" ("organizationId", "dealId", "position", "productKey", "productName", "quantity", "unitPrice", "discountPct")
  SELECT $1, t.d, t.p, t.k, t.n, t.q, t.up, t.dp FROM jsonb_to_recordset($3::jsonb) AS t(d uuid, p int, k uuid, n text, q float8, up float8, dp float8)
  RETURNING 1
), c AS (
  INSERT INTO "Commitment" ("organizationId", "dealId", "position", "text", "kind", "dueDate")
  SELECT $1, t.d, t.p, t.x, t.k, t.due FROM jsonb_to_recordset($4::jsonb) AS t(d uuid, p int, x text, k text, due date)
  RETURNING 1
), r AS (
  INSERT INTO "CustomerRequest" ("organizationId", "accountId", "dealId", "authorId", "position", "text", "createdAt")
  SELECT $1, t.a, t.d, t.au, t.p, t.x, t.c FROM jsonb_to_recordset($5::jsonb) AS t(a uuid, d uuid, au uuid, p int, x text, c timestamp)
  RETURNING 1
), v AS (
  INSERT INTO "DealReview" ("organizationId", "dealId", "authorId", "kind", "body", "dealRevision", "createdAt")
  SELECT $1, t.d, t.au, t.k, t.b, t.r, t.c FROM jsonb_to_recordset($6::jsonb) AS t(d uuid, au uuid, k text, b text, r int, c timestamp)
  RETURNING 1
)
SELECT (SELECT count(*) FROM d)::int AS deals, (SELECT count(*) FROM l)::int AS lines, (SELECT count(*) FROM c)::int AS commitments,
  (SELECT count(*) FROM r)::int AS requests, (SELECT count(*) FROM v)::int AS reviews`;

const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function generateDemo(databaseUrl: string, options: Partial<DemoOptions> = {}): Promise<DemoSummary> {
  const o: DemoOptions = { ...DEFAULT_DEMO_OPTIONS, now: new Date(), log: (line) => console.log(line), ...options };
  validate(o);
  const log = o.log;
  const t0 = performance.now();
  const timing: Record<string, number> = {};
  // The app's modules read DATABASE_URL when first imported: set it before importing them.
  process.env.DATABASE_URL = databaseUrl;
  process.env.KEEL_WORKER ??= "off";

  const connect = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query("SET synchronous_commit = off");
    await client.query("SET TIME ZONE 'UTC'");
    return client;
  };
  const c = await connect();
  const writers: pg.Client[] = [];
  const { db } = await import("@/lib/db");
  try {
    // ---- the organisation, fresh --------------------------------------------------------------
    let step = performance.now();
    const existing = await c.query<{ id: string; name: string }>(`SELECT "id", "name" FROM "Organization" WHERE "slug" = $1`, [o.orgSlug]);
    if (existing.rows[0]) {
      if (!o.replace) {
        const deals = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Deal" WHERE "organizationId" = $1`, [existing.rows[0].id])).rows[0]!.n;
        throw new DemoError(`An organisation with slug "${o.orgSlug}" already exists ("${existing.rows[0].name}", ${deals.toLocaleString("en")} deals). Use --replace to delete it and generate it again, or choose another --org-slug.`);
      }
      log(`Deleting the existing organisation "${existing.rows[0].name}" (slug ${o.orgSlug})…`);
      const id = existing.rows[0].id;
      // Children first, set-based: a cascade from the organisation would delete them deal by deal.
      await c.query("BEGIN");
      for (const table of ["DealScore", "DealLineItem", "Commitment", "CustomerRequest", "DealReview", "Notification"]) {
        await c.query(`DELETE FROM "${table}" WHERE "organizationId" = $1`, [id]);
      }
      const { rowCount } = await c.query(`DELETE FROM "Deal" WHERE "organizationId" = $1`, [id]);
      await c.query(`DELETE FROM "Organization" WHERE "id" = $1`, [id]);
      await c.query("COMMIT");
      if ((rowCount ?? 0) > 50_000) {
        log("  vacuuming the freed space…");
        for (const table of ["Deal", "DealScore", "DealLineItem", "Commitment", "CustomerRequest", "DealReview"]) await c.query(`VACUUM "${table}"`);
      }
      timing.replace = seconds(step);
    }

    step = performance.now();
    const now = Math.floor(o.now.getTime() / 1000) * 1000;
    const start = now - Math.round(o.years * 365.25) * DAY;
    // Content depends on the seed alone (same seed, same people, accounts and deals in any
    // organisation); ids also on the slug, so two generated organisations never share one.
    const content = `keel-demo:${o.seed}`;
    const namespace = `keel-demo:${o.orgSlug}:${o.seed}`;
    const rng = new Rng(seedOf(content));
    const organizationId = uuidFor(namespace, "organization", 0);
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST);
    const domain = `${o.orgSlug}.test`;
    const personName = (i: number) => `${FIRST[(i * 7 + 3) % FIRST.length]} ${LAST[(i * 11 + 5) % LAST.length]}`;

    const teams: TeamRow[] = Array.from({ length: o.teams }, (_, i) => ({
      id: uuidFor(namespace, "team", i),
      name: TEAM_NAMES[i] ?? `Team ${i + 1}`,
      managerId: uuidFor(namespace, "manager", i),
      risk: i === 1 ? 1.45 : i === 3 ? 0.7 : rng.range(0.85, 1.15),
    }));
    const pad = Math.max(2, String(o.reps).length);
    // A few reps are far more off-strategy than the rest, a few are exemplary; some joined later.
    const order = Array.from({ length: o.reps - 1 }, (_, i) => i + 1);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const cowboys = new Set(order.slice(0, Math.max(1, Math.round(o.reps * 0.1))));
    const stars = new Set(order.slice(cowboys.size, cowboys.size + Math.max(1, Math.round(o.reps * 0.1))));
    const reps: Rep[] = Array.from({ length: o.reps }, (_, i) => ({
      id: uuidFor(namespace, "rep", i),
      email: `rep${String(i + 1).padStart(pad, "0")}@${domain}`,
      name: personName(i + 100),
      teamIndex: i % o.teams,
      weight: rng.range(0.5, 1.5),
      risk: i === 0 ? 1.3 : cowboys.has(i) ? rng.range(2.6, 3.4) : stars.has(i) ? rng.range(0.35, 0.5) : Math.exp(0.25 * rng.normal()),
      joinedAt: i > 0 && rng.chance(0.15) ? start + rng.range(0.2, 0.7) * (now - start) : start - 30 * DAY,
    }));
    const repCumulative: number[] = [];
    reps.reduce((sum, r) => (repCumulative.push(sum + r.weight), sum + r.weight), 0);

    const leaderId = uuidFor(namespace, "leader", 0);
    const adminId = uuidFor(namespace, "admin", 0);
    const users: { id: string; email: string; name: string; role: string; teamId: string | null; createdAt: number }[] = [
      { id: adminId, email: `admin@${domain}`, name: "Ada Admin", role: "ADMIN", teamId: null, createdAt: start - 60 * DAY },
      { id: leaderId, email: `leader@${domain}`, name: "Lena Leader", role: "LEADER", teamId: null, createdAt: start - 60 * DAY },
      ...teams.map((t, i) => ({ id: t.managerId, email: `manager${i + 1}@${domain}`, name: personName(i + 40), role: "MANAGER", teamId: t.id, createdAt: start - 45 * DAY })),
      ...reps.map((r) => ({ id: r.id, email: r.email, name: r.name, role: "REP", teamId: teams[r.teamIndex]!.id, createdAt: Math.min(r.joinedAt, now - DAY) })),
    ];
    const accounts = makeAccounts(o.accounts, rng, namespace, start, now, reps.map((r) => r.id));
    accounts.sort((a, b) => a.createdAt - b.createdAt);

    await c.query("BEGIN");
    await c.query(`INSERT INTO "Organization" ("id", "name", "slug", "createdAt") VALUES ($1, $2, $3, $4::timestamp)`, [organizationId, o.orgName, o.orgSlug, iso(start - 90 * DAY)]);
    await c.query(
      `INSERT INTO "Team" ("id", "organizationId", "name", "createdAt") SELECT t.id, $1, t.n, $3::timestamp FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, n text)`,
      [organizationId, JSON.stringify(teams.map((t) => ({ id: t.id, n: t.name }))), iso(start - 60 * DAY)],
    );
    await c.query(
      `INSERT INTO "User" ("id", "organizationId", "email", "name", "passwordHash", "role", "teamId", "createdAt", "updatedAt")
       SELECT t.id, $1, t.e, t.n, $3, t.r::"Role", t.tm, t.c, t.c FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, e text, n text, r text, tm uuid, c timestamp)`,
      [organizationId, JSON.stringify(users.map((u) => ({ id: u.id, e: u.email, n: u.name, r: u.role, tm: u.teamId, c: iso(u.createdAt) }))), passwordHash],
    );
    await c.query(
      `UPDATE "Team" t SET "managerId" = x.m FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, m uuid) WHERE t."id" = x.id`,
      [JSON.stringify(teams.map((t) => ({ id: t.id, m: t.managerId })))],
    );
    for (let i = 0; i < accounts.length; i += 5000) {
      await c.query(
        `INSERT INTO "CustomerAccount" ("id", "organizationId", "name", "industry", "employees", "revenue", "region", "createdById", "createdAt", "updatedAt")
         SELECT t.id, $1, t.n, t.i, t.e, t.rv, t.rg, t.cb, t.c, t.c FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, n text, i text, e int, rv float8, rg text, cb uuid, c timestamp)`,
        [organizationId, JSON.stringify(accounts.slice(i, i + 5000).map((a) => ({ id: a.id, n: a.name, i: a.industry, e: a.employees, rv: a.revenue, rg: a.region, cb: a.createdById, c: iso(a.createdAt) })))],
      );
    }
    await c.query("COMMIT");
    timing.people = seconds(step);
    log(`Organisation "${o.orgName}" (${o.orgSlug}): ${users.length} people in ${teams.length} teams, ${accounts.length.toLocaleString("en")} accounts (${timing.people} s)`);

    // ---- the strategy, through the app's own functions -----------------------------------------
    step = performance.now();
    const { ensureDraft, saveSection, publishDraft } = await import("@/lib/strategy/draft");
    const { snapshotFor } = await import("@/lib/deals/scoring");
    const leader = { userId: leaderId, organizationId, organizationName: o.orgName, role: "LEADER" as const, teamId: null, name: "Lena Leader", email: `leader@${domain}` };
    const draft = await ensureDraft(leader);
    let revision = draft.revision;
    type SectionSave = SaveSectionInput extends infer U ? (U extends unknown ? Omit<U, "versionId" | "revision"> : never) : never;
    const save = async (input: SectionSave) => {
      revision = (await saveSection(leader, { ...input, versionId: draft.id, revision } as SaveSectionInput)).revision;
    };
    await save({ section: "mission", data: MISSION });
    await save({ section: "valueProposition", data: { valuePosition: 60, valueRationale: "We win on insight and service, not on price: promoters pay for seats they would not otherwise sell." } });
    // Parts get stable keys of their own (the app keeps a key it is given), so reruns match key for key.
    const keyed = <T extends object>(kind: string, items: T[]) => items.map((item, i) => ({ ...item, key: uuidFor(namespace, kind, i) }));
    await save({ section: "segments", data: segmentsSchema.parse({ segments: keyed("segment", SEGMENTS) }) });
    await save({ section: "capabilities", data: capabilitiesSchema.parse({ capabilities: keyed("capability", [...CAPABILITIES, ...MORE_CAPABILITIES]) }) });
    await save({ section: "guardrails", data: guardrailsSchema.parse({ guardrails: keyed("guardrail", GUARDRAILS) }) });
    await save({ section: "products", data: productsSchema.parse({ products: keyed("product", PRODUCTS) }) });

    // The draft scores exactly as the published version will (same id, same parts).
    const draftSnapshot = (await snapshotFor(organizationId, draft.id))!;
    const byClass = { primary: [], secondary: [], avoid: [], none: [] } as Record<AccountClass, AccountRow[]>;
    for (const a of accounts) byClass[a.cls].push(a);
    const weeks = weekWeights(start, now, rng);
    const world: World = {
      namespace, seed: seedOf(`${content}:deals`), n: o.deals, start, now, openOnly: o.openOnly, reps, repCumulative, teams,
      byClass: Object.fromEntries(Object.entries(byClass).map(([k, rows]) => [k, { rows, times: rows.map((a) => a.createdAt) }])) as World["byClass"],
      weekCumulative: weeks.cumulative, weekStart: weeks.starts, weekNoise: weeks.noise,
      products: draftSnapshot.products.map((p) => ({ key: p.id, name: p.name, listPrice: p.listPrice, maxDiscountPct: p.maxDiscountPct })),
      promises: classifyPromises(draftSnapshot, now),
    };
    const period = quarterOf(now);
    const targets = o.deals > 0 ? currentTargets(world, draftSnapshot, period) : [];
    await save({ section: "targets", data: targetsSchema.parse({ targets: keyed("target", targets) }) });
    const published = await publishDraft(leader, { versionId: draft.id, revision, changeNote: "Our first written strategy: sell insight, not discounts." });
    // The publish queued a re-score of open deals; there are none yet, and every deal below is scored as it is written.
    await c.query(`UPDATE "Job" SET "status" = 'done', "startedAt" = now(), "finishedAt" = now(), "done" = "total" WHERE "id" = $1`, [published.jobId]);
    const snapshot = (await snapshotFor(organizationId, published.versionId))!;
    timing.strategy = seconds(step);
    log(`Strategy version ${published.number} published: ${snapshot.capabilities.length} capabilities, ${snapshot.guardrails.length} guardrails, ${snapshot.products.length} products, ${targets.length} targets (${period.label} and next) (${timing.strategy} s)`);

    // ---- deals: generated, scored and written batch by batch -----------------------------------
    step = performance.now();
    const { writeScores } = await import("@/lib/jobs/rescore");
    const busy = { prepare: 0, insert: 0, scores: 0 };
    const counts = { deals: 0, lineItems: 0, commitments: 0, requests: 0, reviews: 0, approved: 0, offStrategy: 0, scoreSum: 0 };
    const progressEvery = Math.max(10_000, Math.min(100_000, Math.ceil(o.deals / 10 / 10_000) * 10_000));
    let nextProgress = progressEvery;
    let nextBatch = 0;
    const batches = Math.ceil(o.deals / o.batchSize);

    const runBatch = async (w: pg.Client, b: number) => {
      const from = b * o.batchSize;
      const to = Math.min(o.deals, from + o.batchSize);
      let mark = performance.now();
      const plans: PlannedDeal[] = [];
      const results: ScoreResult[] = [];
      for (let i = from; i < to; i++) {
        const plan = planDeal(world, i);
        plans.push(plan);
        results.push(scoreDeal(plan.input, snapshot));
        // Let the other batch's statements reach PostgreSQL while this one is being prepared.
        if ((i - from) % 250 === 249) await yieldToIo();
      }
      const deals: object[] = [];
      const lines: object[] = [];
      const commitments: object[] = [];
      const requests: object[] = [];
      const reviews: object[] = [];
      for (let k = 0; k < plans.length; k++) {
        const d = plans[k]!;
        const result = results[k]!;
        // Managers approve a few exceptions (more on deals that closed), push back on others.
        const rr = new Rng(fmix32((world.seed ^ 0x5bd1e995) + Math.imul(d.index + 1, 0x85ebca77)));
        let reviewState: string | null = null;
        let approvedRevision: number | null = null;
        if (result.offStrategy && d.stage !== "LOST") {
          const roll = rr.next();
          const kind = roll < (d.stage === "WON" ? 0.08 : 0.03) ? "approve_exception" : d.stage !== "WON" && roll > 0.97 ? "request_changes" : null;
          if (kind) {
            reviewState = kind === "approve_exception" ? "approved" : "changes_requested";
            approvedRevision = kind === "approve_exception" ? d.revision : null;
            reviews.push({ d: d.id, au: d.team.managerId, k: kind, b: rr.pick(REVIEW_BODIES[kind]), r: d.revision, c: iso(d.createdAt + rr.next() * (d.updatedAt - d.createdAt)) });
          }
        } else if (rr.chance(0.004)) {
          reviews.push({ d: d.id, au: d.team.managerId, k: "comment", b: rr.pick(REVIEW_BODIES.comment), r: d.revision, c: iso(d.createdAt + rr.next() * (d.updatedAt - d.createdAt)) });
        }
        deals.push({ id: d.id, a: d.account.id, o: d.rep.id, tm: d.team.id, n: d.name, s: d.stage, e: d.closeDay, pc: d.primaryCriterion, nt: d.notes, am: d.amount, r: d.revision, rs: reviewState, ar: approvedRevision, c: iso(d.createdAt), u: iso(d.updatedAt) });
        d.lines.forEach((x, p) => lines.push({ d: d.id, p, k: x.productKey, n: x.productName, q: x.quantity, up: x.unitPrice, dp: x.discountPct }));
        d.commitments.forEach((x, p) => commitments.push({ d: d.id, p, x: x.text, k: x.kind, due: x.dueDate }));
        d.requests.forEach((x, p) => requests.push({ a: d.account.id, d: d.id, au: d.rep.id, p, x: x.text, c: iso(x.createdAt) }));
        if (result.offStrategy) counts.offStrategy++;
        counts.scoreSum += result.score;
        if (reviewState === "approved") counts.approved++;
      }
      const payload = [organizationId, JSON.stringify(deals), JSON.stringify(lines), JSON.stringify(commitments), JSON.stringify(requests), JSON.stringify(reviews)];
      busy.prepare += performance.now() - mark;
      await w.query("BEGIN");
      try {
        mark = performance.now();
        const { rows: [inserted] } = await w.query<{ deals: number; lines: number; commitments: number; requests: number; reviews: number }>(
          INSERT_BATCH, payload);
        busy.insert += performance.now() - mark;
        mark = performance.now();
        // The app's own writer: appends the DealScore rows and mirrors score and facts on the deals.
        await writeScores(w, organizationId, snapshot, plans.map((d) => ({ id: d.id, revision: d.revision, input: d.input })), results);
        await w.query("COMMIT");
        busy.scores += performance.now() - mark;
        counts.deals += inserted!.deals;
        counts.lineItems += inserted!.lines;
        counts.commitments += inserted!.commitments;
        counts.requests += inserted!.requests;
        counts.reviews += inserted!.reviews;
      } catch (error) {
        await w.query("ROLLBACK").catch(() => {});
        throw error;
      }
      if (counts.deals >= nextProgress || counts.deals === o.deals) {
        const s = (performance.now() - step) / 1000;
        log(`  ${counts.deals.toLocaleString("en").padStart(11)} deals  ${(counts.deals / s).toFixed(0).padStart(6)} deals/s  ${s.toFixed(0).padStart(5)} s  off-strategy ${((100 * counts.offStrategy) / Math.max(1, counts.deals)).toFixed(1)}%`);
        while (nextProgress <= counts.deals) nextProgress += progressEvery;
      }
    };
    if (o.deals > 0) {
      log(`Generating ${o.deals.toLocaleString("en")} deals over ${o.years} year${o.years === 1 ? "" : "s"} (batches of ${o.batchSize.toLocaleString("en")}, scored with the engine)…`);
      for (let k = 0; k < Math.min(2, batches); k++) writers.push(await connect());
      let failed: unknown = null;
      await Promise.all(writers.map(async (w) => {
        while (!failed && nextBatch < batches) {
          const b = nextBatch++;
          try {
            await runBatch(w, b);
          } catch (error) {
            failed ??= error;
          }
        }
      }));
      if (failed) throw failed;
      const b = (ms: number) => (ms / 1000).toFixed(0);
      log(`  busy time over ${writers.length} connections: generating and scoring ${b(busy.prepare)} s, inserting deals and children ${b(busy.insert)} s, writing scores (writeScores) ${b(busy.scores)} s`);
    }
    timing.deals = seconds(step);

    // ---- adoption: acknowledgements, questions, notifications ----------------------------------
    step = performance.now();
    const { rows: [version] } = await c.query<{ publishedAt: Date }>(`SELECT "publishedAt" FROM "StrategyVersion" WHERE "id" = $1`, [published.versionId]);
    const publishedAt = version!.publishedAt.getTime();
    const span = Math.max(60_000, Date.now() - publishedAt);
    const ackRng = new Rng(seedOf(`${content}:adoption`));
    const acks = users.filter((u) => u.id !== leaderId && ackRng.chance(0.7)).map((u) => ({ u: u.id, c: iso(publishedAt + ackRng.next() * span) }));
    acks.push({ u: leaderId, c: iso(publishedAt) });
    await c.query(
      `INSERT INTO "StrategyAcknowledgement" ("organizationId", "versionId", "userId", "createdAt") SELECT $1, $2, t.u, t.c FROM jsonb_to_recordset($3::jsonb) AS t(u uuid, c timestamp)`,
      [organizationId, published.versionId, JSON.stringify(acks)],
    );
    // Those who acknowledged have read the "strategy published" notice.
    await c.query(`UPDATE "Notification" SET "readAt" = now() WHERE "organizationId" = $1 AND "kind" = 'strategy.published' AND "userId" = ANY($2::uuid[])`, [organizationId, acks.map((a) => a.u)]);
    const askers = users.filter((u) => u.role === "REP" || u.role === "MANAGER");
    const questions = QUESTIONS.map((q) => {
      const asked = publishedAt + ackRng.next() * span * 0.6;
      return { s: q.section, a: ackRng.pick(askers).id, b: q.body, an: q.answer, ab: q.answer ? leaderId : null, at: q.answer ? iso(asked + ackRng.next() * (Date.now() - asked)) : null, c: iso(asked) };
    });
    await c.query(
      `INSERT INTO "StrategyQuestion" ("organizationId", "versionId", "section", "authorId", "body", "answer", "answeredById", "answeredAt", "createdAt")
       SELECT $1, $2, t.s, t.a, t.b, t.an, t.ab, t.at, t.c FROM jsonb_to_recordset($3::jsonb) AS t(s text, a uuid, b text, an text, ab uuid, at timestamp, c timestamp)`,
      [organizationId, published.versionId, JSON.stringify(questions)],
    );
    // What a manager would have been told lately: their team's newest off-strategy deals.
    const flagged = await c.query(
      `INSERT INTO "Notification" ("organizationId", "userId", "kind", "title", "href", "readAt", "createdAt")
       SELECT $1, t."managerId", 'deal.flagged', '“' || d."name" || '” is off-strategy', '/deals/' || d."id",
         CASE WHEN d."createdAt" < $2::timestamp - interval '3 days' THEN d."createdAt" + interval '1 day' END, d."createdAt"
       FROM "Team" t CROSS JOIN LATERAL (
         SELECT "id", "name", "createdAt" FROM "Deal" WHERE "organizationId" = $1 AND "teamId" = t."id" AND "offStrategy"
         ORDER BY "createdAt" DESC LIMIT 12) d
       WHERE t."organizationId" = $1 AND t."managerId" IS NOT NULL`,
      [organizationId, iso(now)],
    );
    timing.adoption = seconds(step);

    // The score writer updates every deal it has just inserted: after a big run, vacuum what that
    // left behind (and set the visibility map, so index-only scans work from the start). A small run
    // leaves that to autovacuum: VACUUM scans every index of these shared tables, whatever their size.
    step = performance.now();
    if (o.deals >= 100_000) {
      for (const table of ["Deal", "DealScore", "DealLineItem", "Commitment", "CustomerRequest", "DealReview"]) await c.query(`VACUUM (ANALYZE) "${table}"`);
    }
    await c.query("ANALYZE");
    timing.analyze = seconds(step);

    // ---- self-check: what the app's loader reads back scores as stored ------------------------
    const { loadBatch, scoreBatch } = await import("@/lib/jobs/rescore");
    const reread = await loadBatch(c, organizationId, null, 500, null);
    if (reread.length) {
      const again = scoreBatch(reread, snapshot);
      const stored = new Map((await c.query<{ id: string; score: number; offStrategy: boolean }>(`SELECT "id", "score", "offStrategy" FROM "Deal" WHERE "id" = ANY($1::uuid[])`, [reread.map((d) => d.id)])).rows.map((r) => [r.id, r]));
      const mismatched = reread.filter((d, i) => stored.get(d.id)?.score !== again[i]!.score || stored.get(d.id)?.offStrategy !== again[i]!.offStrategy).length;
      if (mismatched) throw new Error(`self-check failed: ${mismatched} of ${reread.length} deals read back through loadBatch score differently from what was stored`);
      log(`Self-check: ${reread.length} open deals read back through loadBatch score exactly as stored.`);
    }

    const seconds_ = { ...timing, total: seconds(t0) };
    const summary: DemoSummary = {
      organizationId, slug: o.orgSlug, versionId: published.versionId,
      counts: {
        users: users.length, teams: teams.length, accounts: accounts.length, deals: counts.deals, lineItems: counts.lineItems, commitments: counts.commitments,
        requests: counts.requests, dealScores: counts.deals, reviews: counts.reviews, approvedExceptions: counts.approved, offStrategy: counts.offStrategy,
        targets: targets.length, acknowledgements: acks.length, questions: questions.length, questionsOpen: questions.filter((q) => !q.an).length,
        flaggedNotifications: flagged.rowCount ?? 0,
      },
      offStrategyShare: counts.deals ? counts.offStrategy / counts.deals : 0,
      averageScore: counts.deals ? counts.scoreSum / counts.deals : 0,
      seconds: seconds_,
      logins: [
        { role: "LEADER", email: `leader@${domain}` },
        { role: "MANAGER", email: `manager1@${domain}` },
        { role: "REP", email: `rep${"1".padStart(pad, "0")}@${domain}` },
        { role: "ADMIN", email: `admin@${domain}` },
      ],
      password: DEMO_PASSWORD,
    };
    return summary;
  } finally {
    for (const w of writers) await w.end().catch(() => {});
    await c.end().catch(() => {});
    await db.$disconnect();
  }
}
