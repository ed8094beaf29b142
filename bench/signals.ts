// Market signals on a large organisation: `npm run bench:signals`. N customer requests (default
// 200,000; BENCH_REQUESTS) in one organisation with 50 reps, 5,000 accounts and 100,000 deals,
// grouped into themes. Prints, as medians:
//   1. logging one request and updating its theme (lib/deals/requests.ts logCustomerRequest: insert,
//      classify, candidate themes through the GIN index, update one theme), and the same statements
//      replayed bare with node-postgres (captured from Prisma's pg connections, in order);
//   2. the leadership board (lib/signals/queries.ts signalBoard), ranked by revenue and by accounts,
//      and the same SQL bare (captured from the app's raw pool).
// The requests are grouped in memory with the pure engine (the result the incremental path gives,
// request by request in creation order) and written set-based. Creates and drops its own database.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureDatabase, withDatabase } from "../scripts/lib/database.mjs";
import { migrate } from "../scripts/lib/migrator.mjs";
import { publishBenchStrategy } from "./strategy-fixture";
import type { RequestSignature, ThemeState } from "../lib/signals/grouping";
import type { RequestInsight } from "../lib/scoring/types";
import { type Recorded, recordSql, timeBare } from "./sql-capture";

const N = Number(process.env.BENCH_REQUESTS ?? 200_000);
const DEALS = Number(process.env.BENCH_DEALS ?? 100_000);
const ACCOUNTS = 5_000;
const REPS = 50;
const LOG_RUNS = Number(process.env.BENCH_LOG_RUNS ?? 50);
const BOARD_RUNS = Number(process.env.BENCH_BOARD_RUNS ?? 20);
const BATCH = 10_000;
const CANDIDATES = 50; // as lib/signals/store.ts
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Deterministic data: the same run twice gives the same database.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
// Theme ids from the same generator: the engine breaks ties by id, so random ids would give a
// slightly different grouping (and theme count) on every run.
const uuid = () => {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
};

// ~40 asks of live-event promoters, several paraphrases each (as different reps would write them).
// The last ones match the bench strategy's catalog: enablement gaps and roadmap demand, not themes.
const ASKS: readonly (readonly string[])[] = [
  ["Tickets in Apple Wallet so fans stop printing them", "Can buyers add their e-tickets to the iPhone wallet?", "Wallet passes for the tickets (Apple and Google)", "Apple Wallet tickets please", "Google Wallet passes for mobile tickets"],
  ["Group bookings for school trips", "Teachers want to book a whole class in one order", "Group rates for school visits", "Bulk booking for schools with one invoice", "School group reservations with free teacher tickets"],
  ["Sell merchandise add-ons with the ticket", "Add a tour t-shirt to the order at checkout", "Merch bundles: a hoodie plus the ticket", "Let fans pre-order posters and vinyl with their tickets", "Merchandise upsell in the basket"],
  ["Send tickets and updates over WhatsApp", "WhatsApp notifications for show changes", "Message buyers on WhatsApp instead of e-mail", "WhatsApp reminders the day before the show", "Booking confirmations via WhatsApp"],
  ["Gift vouchers for Christmas", "Sell gift cards that can be redeemed for any show", "Birthday gift certificates for concerts", "Gift voucher codes fans can buy for friends", "Digital gift cards in the shop"],
  ["Timed entry slots for the exhibition", "Let visitors pick an arrival time slot", "Staggered entry times to avoid queues at the gate", "Entry windows every 30 minutes", "Timed tickets with a capacity per time slot"],
  ["Wheelchair spaces bookable online", "Accessible seating with a free companion ticket", "Book wheelchair seats without calling us", "Step-free seating options on the seat map", "Companion seats for disabled fans"],
  ["Multi-currency checkout for international fans", "Show prices in dollars and pounds", "Sell in euros and sterling for one event", "Currency choice at checkout", "Let US buyers pay in USD"],
  ["Salesforce sync of buyers and orders", "Push ticket buyers into Salesforce", "Two-way Salesforce integration", "Sync attendees to our Salesforce CRM", "Salesforce connector for sponsorship deals"],
  ["Season tickets for the whole season", "Season memberships with priority booking", "Annual pass for all home games", "Memberships that include a season seat", "Flexi pass: any five concerts in the series"],
  ["Official fan-to-fan resale", "Let fans resell tickets they cannot use", "A resale marketplace at face value", "Secondary ticketing inside our shop"],
  ["Waiting list for sold-out shows", "Notify fans when returned tickets become available", "Waitlist with automatic offers when seats free up", "Sold out? Put fans on a waiting list"],
  ["Virtual queue for big on-sales", "A waiting room before the sale opens", "Queue fans fairly when tickets go on sale"],
  ["Stop bots and scalpers at on-sale", "Block touts buying hundreds of tickets", "Captcha against ticket bots", "Fraud checks against scalpers"],
  ["Name changes on tickets", "Let fans transfer tickets to a friend", "Ticket transfers without calling the box office"],
  ["Pay in instalments with Klarna", "Payment plans for festival tickets", "Deposit now, pay the rest later", "Buy now pay later at checkout"],
  ["Let groups split the payment", "Split the bill between friends", "Each friend pays their own share of a group order"],
  ["Self-service refunds when a show is cancelled", "Automatic refunds for postponed shows", "Let fans cancel and get their money back"],
  ["VIP hospitality packages with meet and greet", "Backstage VIP upgrades", "Hospitality lounge packages for corporate guests"],
  ["Pre-order food and drinks with the ticket", "Food and drink vouchers at checkout", "Pre-order drinks for the interval"],
  ["Sell parking with the ticket", "Car park passes bookable online", "Parking spaces at the stadium"],
  ["Shuttle bus tickets from the station", "Coach travel packages to the festival", "Train and bus transport bundled with tickets"],
  ["Hotel packages with festival tickets", "Camping and glamping add-ons", "Accommodation bundled with the ticket"],
  ["Round up for charity at checkout", "Donations to the venue's charity", "Let buyers donate when they book"],
  ["Loyalty points for frequent buyers", "Rewards for fans who come often", "A loyalty scheme with points per ticket"],
  ["Sell livestream tickets for hybrid shows", "Pay-per-view streaming of concerts", "Livestream access for fans who cannot travel"],
  ["Cashless wristbands for festivals", "RFID wristbands for payments on site", "Top up cashless wristbands online"],
  ["Carbon offset option at checkout", "Show the CO2 footprint of travel to the show", "Sustainability reporting for our festivals"],
  ["SMS reminders before the show", "Text messages when doors open", "SMS alerts for last-minute changes"],
  ["Post-show surveys for NPS", "Feedback survey after every event", "Ask attendees for feedback by survey"],
  ["Ad spend attribution per campaign", "UTM tracking of ticket sales", "Conversion tracking with the Meta pixel"],
  ["Export to BigQuery", "Feed orders into our Snowflake warehouse", "Nightly data warehouse export to Redshift"],
  ["HubSpot integration", "Sync buyers to HubSpot", "HubSpot contacts from ticket orders"],
  ["Mailchimp sync of buyers", "Push newsletter sign-ups to Mailchimp", "Mailchimp audiences from ticket buyers"],
  ["GDPR consent management", "Cookie consent banner on the shop", "Privacy settings for buyers under GDPR"],
  ["Single sign-on with Okta", "SAML SSO for our staff", "SSO login for the box office team"],
  ["White-label ticket shop on our own domain", "Our own branding and logo on the shop", "Rebrand the checkout with our colours"],
  ["Ticket shop in Spanish and German", "Translate the shop into French", "Multilingual checkout for tourists"],
  ["Age verification for 18+ events", "ID checks at the door for age-restricted shows", "Verify the age of buyers online"],
  ["Interactive seat maps for the arena", "Let buyers pick their seat on a venue map", "Seat selection on a 3D map"],
  // In the catalog: available (an enablement gap) and on the roadmap (demand for it).
  ["Cart recovery e-mails", "Checkout reminders for people who left tickets in the basket", "Abandoned basket e-mails"],
  ["Machine learning pricing for peak nights", "Automatic price optimisation"],
];
// A few asks nobody has made yet, for the "creates a theme" case of the single-request figure.
const NOVEL = ["Drone light show add-on for the finale", "Karaoke booth reservations in the foyer", "Pet-friendly ticket category for dog owners", "Silent disco headphones rental", "Braille programmes for the theatre"];

// Zipf-like: a few asks are very common, most are occasional.
const WEIGHTS = ASKS.map((_, i) => 1 / Math.pow(i + 1, 0.8));
const TOTAL_WEIGHT = WEIGHTS.reduce((s, w) => s + w, 0);
function pickText(): string {
  let r = rand() * TOTAL_WEIGHT;
  for (let i = 0; i < ASKS.length; i++) {
    r -= WEIGHTS[i]!;
    if (r <= 0) return pick(ASKS[i]!);
  }
  return pick(ASKS[0]!);
}

/**
 * Every statement Prisma sends while `fn` runs, in order: Prisma's driver adapter talks to the
 * same node-postgres, so its queries pass through pg.Client.prototype.query (BEGIN and COMMIT included).
 */
async function recordPrisma<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; statements: Recorded[] }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const statements: Recorded[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [q, v] = args;
    if (typeof q === "string") statements.push({ text: q, values: Array.isArray(v) ? v : undefined });
    else if (q && typeof q === "object" && "text" in q) statements.push({ text: (q as Recorded).text, values: (q as Recorded).values });
    return original.apply(this, args);
  };
  try {
    const t = performance.now();
    const result = await fn();
    return { result, ms: performance.now() - t, statements };
  } finally {
    proto.query = original;
  }
}

async function replay(c: pg.Client, statements: Recorded[]) {
  const t = performance.now();
  for (const s of statements) await c.query({ text: s.text, values: s.values, rowMode: "array" });
  return performance.now() - t;
}

type Req = {
  accountId: string; dealId: string | null; authorId: string; position: number; text: string; createdAt: Date;
  themeId: string | null; themeSimilarity: number | null; themeShared: string[]; concepts: string[]; insight: string | null; capabilityKey: string | null;
};

async function main() {
  const server = await ensureDatabase({ log: () => {} });
  const name = `keel_bench_signals_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server.url, name);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    await migrate(url);
    process.env.DATABASE_URL = url;
    process.env.KEEL_WORKER = "off";
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    cleanups.push(() => c.end());

    // ── Organisation, people, accounts, deals, strategy ──────────────────────────────────────
    console.log(`Seeding ${REPS} reps, ${ACCOUNTS.toLocaleString("en")} accounts, ${DEALS.toLocaleString("en")} deals, ${N.toLocaleString("en")} requests…`);
    const t0 = performance.now();
    const { rows: [org] } = await c.query(`INSERT INTO "Organization" (name, slug) VALUES ('Bench', 'bench') RETURNING id`);
    const { rows: [leader] } = await c.query(`INSERT INTO "User" ("organizationId", email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'leader@bench.test', 'Leader', 'x', 'LEADER', now()) RETURNING id, name, email`, [org.id]);
    await c.query(`INSERT INTO "Team" ("organizationId", name) SELECT $1, 'Team ' || t FROM generate_series(1, 8) t`, [org.id]);
    await c.query(`INSERT INTO "User" ("organizationId", email, name, "passwordHash", role, "teamId", "updatedAt")
      SELECT $1, 'rep' || r || '@bench.test', 'Rep ' || r, 'x', 'REP', (SELECT id FROM "Team" WHERE name = 'Team ' || (1 + r % 8) AND "organizationId" = $1), now() FROM generate_series(1, $2::int) r`, [org.id, REPS]);
    await c.query(`INSERT INTO "CustomerAccount" ("organizationId", name, industry, employees, region, "updatedAt")
      SELECT $1, 'Account ' || g, (ARRAY['Live events','Ticketing','Government','Sports'])[1 + g % 4], 20 + g % 900, 'EU', now() FROM generate_series(1, $2::int) g`, [org.id, ACCOUNTS]);
    // Deals over the last two years, open and closed; a third in a target segment.
    await c.query(`
      WITH reps AS (SELECT id, "teamId", row_number() OVER (ORDER BY email) - 1 AS i FROM "User" WHERE "organizationId" = $1 AND role = 'REP'),
           accts AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS i FROM "CustomerAccount" WHERE "organizationId" = $1)
      INSERT INTO "Deal" ("organizationId", "accountId", "ownerId", "teamId", name, stage, "expectedCloseDate", amount, "inTargetSegment", "createdAt", "updatedAt")
      SELECT $1, a.id, r.id, r."teamId", 'Deal ' || g,
        (ARRAY['PROSPECTING','QUALIFYING','PROPOSAL','NEGOTIATION','WON','LOST'])[1 + g % 6]::"DealStage",
        date '2026-01-01' + (g % 730), 1000 + (g * 37) % 90000, (g * 7) % 3 = 0,
        now() - make_interval(days => g % 730), now() - make_interval(days => g % 365)
      FROM generate_series(1, $2::int) g
      JOIN reps r ON r.i = (g * 7) % $3
      JOIN accts a ON a.i = g % $4`, [org.id, DEALS, REPS, ACCOUNTS]);
    await publishBenchStrategy(c, org.id);
    const setupDeals = (performance.now() - t0) / 1000;

    const { currentSnapshot } = await import("../lib/deals/scoring");
    const { classifyRequest } = await import("../lib/signals/store");
    const { signature, assignTheme, addToTheme, suggestName } = await import("../lib/signals/grouping");
    const snapshot = await currentSnapshot(org.id);
    if (!snapshot) throw new Error("the bench strategy was not published");

    // ── Requests, in memory: spread over deals, accounts, reps and the last 12 months ─────────
    const t1 = performance.now();
    const deals = (await c.query<{ id: string; accountId: string; ownerId: string }>(`SELECT id, "accountId", "ownerId" FROM "Deal" WHERE "organizationId" = $1 ORDER BY name`, [org.id])).rows;
    const accounts = (await c.query<{ id: string }>(`SELECT id FROM "CustomerAccount" WHERE "organizationId" = $1 ORDER BY name`, [org.id])).rows.map((r) => r.id);
    const reps = (await c.query<{ id: string; name: string; email: string; teamId: string }>(`SELECT id, name, email, "teamId" FROM "User" WHERE "organizationId" = $1 AND role = 'REP' ORDER BY email`, [org.id])).rows;
    const positions = new Map<string, number>();
    const now = Date.now();
    const HOUR = 3_600_000;
    const requests: Req[] = [];
    for (let i = 0; i < N; i++) {
      // Within the last 12 months, the newest an hour old (what the bench itself logs is newer).
      const createdAt = new Date(now - HOUR - Math.floor(rand() * 362 * 24 * HOUR));
      const base = { text: pickText(), createdAt, themeId: null, themeSimilarity: null, themeShared: [], concepts: [], insight: null, capabilityKey: null };
      if (rand() < 0.75) {
        const deal = pick(deals);
        const position = positions.get(deal.id) ?? 0;
        positions.set(deal.id, position + 1);
        requests.push({ ...base, accountId: deal.accountId, dealId: deal.id, authorId: deal.ownerId, position });
      } else {
        requests.push({ ...base, accountId: pick(accounts), dealId: null, authorId: pick(reps).id, position: 0 });
      }
    }
    requests.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

    // ── Grouping, as groupRequest would do it request by request, in creation order ──────────
    const CATALOG_ANSWERED = new Set(["enablement_gap", "roadmap_demand"]);
    const byText = new Map<string, { sig: RequestSignature; insight: RequestInsight | null }>();
    type Theme = { state: ThemeState; name: string; recent: string[]; createdAt: Date; updatedAt: Date };
    const themes = new Map<string, Theme>();
    const index = new Map<string, Set<string>>(); // concept → themes whose conceptKeys hold it
    for (const r of requests) {
      let known = byText.get(r.text);
      if (!known) byText.set(r.text, (known = { sig: signature(r.text), insight: classifyRequest(r.text, snapshot) }));
      const { sig, insight } = known;
      r.concepts = sig.concepts;
      r.insight = insight?.kind ?? null;
      r.capabilityKey = insight?.capabilityId ?? null;
      if ((insight && CATALOG_ANSWERED.has(insight.kind)) || sig.concepts.length === 0) continue;
      const ids = new Set<string>();
      for (const k of sig.concepts) for (const id of index.get(k) ?? []) ids.add(id);
      const candidates = [...ids].map((id) => themes.get(id)!.state).sort((a, b) => b.size - a.size).slice(0, CANDIDATES);
      const assignment = assignTheme(sig, candidates);
      let theme: Theme;
      if (assignment.themeId) {
        theme = themes.get(assignment.themeId)!;
        theme.state = addToTheme(theme.state, sig);
        theme.recent = [r.text, ...theme.recent].slice(0, 5);
        if (theme.state.size <= 10) theme.name = suggestName(theme.state, theme.recent);
        theme.updatedAt = r.createdAt;
      } else {
        const state = { ...addToTheme({ id: "new", size: 0, concepts: {} }, sig), id: uuid() };
        theme = { state, name: suggestName(state, [r.text]), recent: [r.text], createdAt: r.createdAt, updatedAt: r.createdAt };
        themes.set(state.id, theme);
      }
      for (const k of sig.concepts) {
        let set = index.get(k);
        if (!set) index.set(k, (set = new Set()));
        set.add(theme.state.id);
      }
      r.themeId = theme.state.id;
      r.themeSimilarity = assignment.themeId ? assignment.similarity : 1;
      r.themeShared = assignment.themeId ? assignment.shared : sig.concepts;
    }
    const groupSeconds = (performance.now() - t1) / 1000;

    // ── Written set-based ─────────────────────────────────────────────────────────────────────
    const t2 = performance.now();
    const themeRows = [...themes.values()].map((t) => ({
      id: t.state.id, name: t.name, concepts: t.state.concepts, conceptKeys: Object.keys(t.state.concepts).sort(), size: t.state.size, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
    }));
    for (let i = 0; i < themeRows.length; i += BATCH) {
      await c.query(`INSERT INTO "RequestTheme" (id, "organizationId", name, concepts, "conceptKeys", size, "createdAt", "updatedAt")
        SELECT id, $1, name, concepts, "conceptKeys", size, "createdAt", "updatedAt"
        FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, name text, concepts jsonb, "conceptKeys" text[], size int, "createdAt" timestamp, "updatedAt" timestamp)`,
      [org.id, JSON.stringify(themeRows.slice(i, i + BATCH))]);
    }
    for (let i = 0; i < requests.length; i += BATCH) {
      const rows = requests.slice(i, i + BATCH).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
      await c.query(`INSERT INTO "CustomerRequest" ("organizationId", "accountId", "dealId", "authorId", position, text, "createdAt", "themeId", "themeSimilarity", "themeShared", concepts, insight, "capabilityKey")
        SELECT $1, "accountId", "dealId", "authorId", position, text, "createdAt", "themeId", "themeSimilarity", "themeShared", concepts, insight, "capabilityKey"
        FROM jsonb_to_recordset($2::jsonb) AS x("accountId" uuid, "dealId" uuid, "authorId" uuid, position int, text text, "createdAt" timestamp,
          "themeId" uuid, "themeSimilarity" float8, "themeShared" text[], concepts text[], insight text, "capabilityKey" uuid)`,
      [org.id, JSON.stringify(rows)]);
    }
    // What autovacuum does to a table that stopped changing: statistics and the visibility map
    // (index-only scans need it). A freshly bulk-loaded table has neither.
    await c.query("VACUUM ANALYZE");
    const writeSeconds = (performance.now() - t2) / 1000;
    const insights = new Map<string, number>();
    for (const r of requests) insights.set(r.insight ?? "none", (insights.get(r.insight ?? "none") ?? 0) + 1);
    console.log(`  deals, people, strategy ${setupDeals.toFixed(1)} s; grouped in memory ${groupSeconds.toFixed(1)} s (${byText.size} distinct texts); written + VACUUM ANALYZE ${writeSeconds.toFixed(1)} s`);

    // ── 1. Logging one request ────────────────────────────────────────────────────────────────
    const { db } = await import("../lib/db");
    const { rawPool } = await import("../lib/db-raw");
    const { logCustomerRequest } = await import("../lib/deals/requests");
    const { signalBoard, signalFiltersSchema } = await import("../lib/signals/queries");
    cleanups.push(() => db.$disconnect(), () => rawPool().end());
    const orgName = "Bench";
    const rep = reps[7]!;
    const repActor = { userId: rep.id, organizationId: org.id as string, organizationName: orgName, role: "REP" as const, teamId: rep.teamId, name: rep.name, email: rep.email };
    const leaderActor = { userId: leader.id as string, organizationId: org.id as string, organizationName: orgName, role: "LEADER" as const, teamId: null, name: leader.name as string, email: leader.email as string };
    const bare = new pg.Client({ connectionString: url });
    await bare.connect();
    cleanups.push(() => bare.end());
    // Timestamps are stored as UTC wall-clock time (TIMESTAMP(3)); everything the bench logs is newer.
    const since = new Date(Date.now() - 60_000).toISOString();

    const appIds: string[] = [];
    const log = { app: [] as number[], bare: [] as number[], joined: 0, created: 0, statements: 0 };
    let shown = false;
    for (let i = 0; i < LOG_RUNS + 5; i++) {
      const text = i % 10 === 9 ? `${pick(NOVEL)} (${i})` : pickText();
      const { result, ms, statements } = await recordPrisma(() => logCustomerRequest(repActor, { accountId: pick(accounts), text }));
      appIds.push(result.id);
      if (!statements.some((s) => /^\s*COMMIT/i.test(s.text))) throw new Error(`no COMMIT captured: ${statements.map((s) => s.text.slice(0, 40)).join(" | ")}`);
      if (process.env.BENCH_SHOW_SQL && !shown) {
        shown = true;
        for (const s of statements) console.log(`    ${s.text.replace(/\s+/g, " ").slice(0, 160)}`);
      }
      const bareMs = await replay(bare, statements);
      if (i < 5) continue; // warm-up: connections, plans, caches
      log.app.push(ms);
      log.bare.push(bareMs);
      log.statements = Math.max(log.statements, statements.length);
      if (statements.some((s) => /INSERT INTO "public"\."RequestTheme"/.test(s.text))) log.created++;
      else log.joined++;
    }
    // The replays inserted copies of the requests (and of any new theme) and audit rows: drop them.
    await c.query(`DELETE FROM "CustomerRequest" WHERE "organizationId" = $1 AND "createdAt" >= $2::timestamp AND NOT (id = ANY($3::uuid[]))`, [org.id, since, appIds]);
    await c.query(`DELETE FROM "RequestTheme" t WHERE "organizationId" = $1 AND "createdAt" >= $2::timestamp AND NOT EXISTS (SELECT 1 FROM "CustomerRequest" r WHERE r."themeId" = t.id)`, [org.id, since]);

    // ── 2. The board ──────────────────────────────────────────────────────────────────────────
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    cleanups.push(() => pool.end());
    const boards = [
      { label: "Board, 12 months, by revenue", filters: signalFiltersSchema.parse({ period: "12m", rank: "revenue" }) },
      { label: "Board, 12 months, by accounts", filters: signalFiltersSchema.parse({ rank: "accounts" }) },
    ];
    const boardFigures: { label: string; app: number; bare: number; statements: number; themes: number; waves: Recorded[][] }[] = [];
    for (const b of boards) {
      let themesShown = 0;
      const waves = await recordSql(async () => { themesShown = (await signalBoard(leaderActor, b.filters)).themes.length; });
      for (let i = 0; i < 3; i++) { await signalBoard(leaderActor, b.filters); await timeBare(pool, waves); }
      const app: number[] = [];
      const bareMs: number[] = [];
      for (let i = 0; i < BOARD_RUNS; i++) {
        const t = performance.now();
        await signalBoard(leaderActor, b.filters);
        app.push(performance.now() - t);
        bareMs.push(await timeBare(pool, waves));
      }
      boardFigures.push({ label: b.label, app: median(app), bare: median(bareMs), statements: waves.flat().length, themes: themesShown, waves });
    }

    // ── Report ────────────────────────────────────────────────────────────────────────────────
    const { rows: [shape] } = await c.query(`SELECT
        (SELECT count(*) FROM "CustomerRequest" WHERE "organizationId" = $1)::int AS requests,
        (SELECT count(*) FROM "CustomerRequest" WHERE "organizationId" = $1 AND "themeId" IS NOT NULL)::int AS grouped,
        (SELECT count(*) FROM "CustomerRequest" WHERE "organizationId" = $1 AND "dealId" IS NOT NULL)::int AS on_deals,
        (SELECT count(*) FROM "RequestTheme" WHERE "organizationId" = $1 AND size > 0)::int AS themes,
        (SELECT max(size) FROM "RequestTheme" WHERE "organizationId" = $1)::int AS largest,
        (SELECT count(*) FROM "RequestTheme" WHERE "organizationId" = $1 AND size >= 100)::int AS themes100,
        (SELECT count(*) FROM "CustomerAccount" WHERE "organizationId" = $1)::int AS accounts,
        (SELECT count(*) FROM "Deal" WHERE "organizationId" = $1)::int AS deals,
        (SELECT count(*) FROM "Deal" WHERE "organizationId" = $1 AND stage NOT IN ('WON', 'LOST'))::int AS open,
        (SELECT count(*) FROM "User" WHERE "organizationId" = $1 AND role = 'REP')::int AS reps`, [org.id]);
    const f = (n: number) => n.toLocaleString("en");
    const logApp = median(log.app);
    const logBare = median(log.bare);
    console.log(`\nMarket signals — ${f(shape.requests)} requests (${f(shape.grouped)} in themes, ${f(shape.on_deals)} on deals), ${f(shape.themes)} themes (largest ${f(shape.largest)}, ${shape.themes100} with ≥ 100),`);
    console.log(`${f(shape.accounts)} accounts, ${f(shape.deals)} deals (${f(shape.open)} open), ${shape.reps} reps; ${byText.size} distinct request texts; insights: ${[...insights].map(([k, v]) => `${k} ${f(v)}`).join(", ")}`);
    console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}; medians of ${LOG_RUNS} (logging) and ${BOARD_RUNS} (board) runs after warm-up.\n`);
    console.log("| Operation | Keel (median) | Target | | Same SQL bare (median) | Ratio |");
    console.log("|---|---|---|---|---|---|");
    console.log(`| Log one request + update its theme (${log.joined} joined a theme, ${log.created} created one) | ${logApp.toFixed(1)} ms | ≤ 50 ms | ${logApp <= 50 ? "met" : "NOT met"} | ${logBare.toFixed(1)} ms (the ${log.statements} captured statements, BEGIN…COMMIT, replayed in order) | ${(logApp / logBare).toFixed(2)}× |`);
    for (const b of boardFigures) {
      console.log(`| ${b.label} (${b.themes} themes shown) | ${b.app.toFixed(1)} ms | ≤ 300 ms | ${b.app <= 300 ? "met" : "NOT met"} | ${b.bare.toFixed(1)} ms (${b.statements} statement${b.statements === 1 ? "" : "s"}) | ${(b.app / b.bare).toFixed(2)}× |`);
    }
    for (const b of boardFigures.filter((x) => x.app > 300 || process.env.BENCH_EXPLAIN)) {
      const q = b.waves.flat()[0]!;
      const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values as unknown[]);
      console.log(`\nEXPLAIN ANALYZE — ${b.label}:\n${rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
    }
  } finally {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
    if (process.env.BENCH_KEEP) console.log(`kept database ${url}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
