import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction, createDealAction, logRequestAction } from "@/app/(app)/deals/actions";
import { GET as exportAccountsRoute } from "@/app/api/accounts/export/route";
import { GET as exportRequestsRoute } from "@/app/api/requests/export/route";
import { GET as exportDealsRoute } from "@/app/api/deals/export/route";
import { exportAccounts, exportRequests } from "@/lib/deals/exports";
import { dealForm } from "../factories/deals";
import { actorOf, ok, orgWithStrategy } from "./fixtures";
import { as } from "./helpers";

// CSV exports of accounts and customer requests: the lists' filters, the caller's scope, and the
// guard (401 without a session). Every role reads deals (deal:read), so no role gets 403 here.

type Org = Awaited<ReturnType<typeof orgWithStrategy>>;
let A: Org;
let B: Org;

const get = (userId: string | null, handler: typeof exportAccountsRoute, url: string) =>
  as(userId, () => handler(new NextRequest(url), { params: Promise.resolve({}) }));

async function csv(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/csv");
  expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="keel-\w+-\d{4}-\d{2}-\d{2}\.csv"/);
  const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  return { header: lines[0]!.split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}

beforeAll(async () => {
  [A, B] = [await orgWithStrategy(), await orgWithStrategy()];
  const account = (input: Record<string, string>) => as(A.rep.id, () => ok(createAccountAction({ industry: "", employees: "", revenue: "", region: "", ...input })));
  await account({ name: "Arena Group", industry: "Venues", region: "US", employees: "900" });
  await account({ name: "Zeta Arena", industry: "Live events", region: "EU" });
  await account({ name: "Quiet Library", industry: "Public sector", region: "EU" });
  await as(B.rep.id, () => ok(createAccountAction({ name: "B's Arena", industry: "", employees: "", revenue: "", region: "EU" })));

  // Requests: standalone ones by the rep and the other rep; one on each rep's deal.
  await as(A.rep.id, () => ok(logRequestAction({ accountId: A.account.id, text: "Seat maps in the app" })));
  await as(A.otherRep.id, () => ok(logRequestAction({ accountId: A.account.id, text: "Export to Excel please" })));
  await as(A.rep.id, () => ok(createDealAction(dealForm(A.account.id, A.productKey, { name: "Rep deal", requests: [{ text: "Tickets in Apple Wallet" }] }))));
  await as(A.otherRep.id, () => ok(createDealAction(dealForm(A.account.id, A.productKey, { name: "Other deal", requests: [{ text: "Queue for sold-out shows" }] }))));
  await as(B.rep.id, () => ok(logRequestAction({ accountId: B.account.id, text: "B's seat maps" })));
});

describe("accounts export", () => {
  it("exports the organisation's accounts by name, with the list's filters", async () => {
    const all = await csv(await get(A.rep.id, exportAccountsRoute, "http://localhost/api/accounts/export"));
    expect(all.header).toEqual(["Account id", "Account", "Industry", "Employees", "Revenue", "Region", "External id", "Created"]);
    expect(all.rows.map((r) => r[1])).toEqual(["Arena Group", "Festival Co", "Quiet Library", "Zeta Arena"]);
    expect(all.rows[0]!.slice(2, 6)).toEqual(["Venues", "900", "", "US"]);

    const arena = await csv(await get(A.manager.id, exportAccountsRoute, "http://localhost/api/accounts/export?q=arena"));
    expect(arena.rows.map((r) => r[1])).toEqual(["Arena Group", "Zeta Arena"]); // not B's Arena
    const eu = await csv(await get(A.leader.id, exportAccountsRoute, "http://localhost/api/accounts/export?region=eu&industry=live"));
    expect(eu.rows.map((r) => r[1])).toEqual(["Festival Co", "Zeta Arena"]);
    const none = await csv(await get(A.admin.id, exportAccountsRoute, "http://localhost/api/accounts/export?q=nothing-like-this"));
    expect(none.rows).toEqual([]);
  });

  it("reads in keyset pages without losing or repeating a row", async () => {
    const actor = await actorOf(A.rep.id);
    const names: string[] = [];
    for await (const row of exportAccounts(actor, {}, 1)) names.push(row[1] as string);
    expect(names).toEqual(["Arena Group", "Festival Co", "Quiet Library", "Zeta Arena"]);
  });

  it("refuses the signed-out with 401", async () => {
    const res = await get(null, exportAccountsRoute, "http://localhost/api/accounts/export");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    const token = await as(null, () => exportAccountsRoute(new NextRequest("http://localhost/api/accounts/export", { headers: { authorization: "Bearer keel_not-accepted-here" } }), { params: Promise.resolve({}) }));
    expect(token.status).toBe(401); // API tokens are for /api/v1 only
  });
});

describe("customer requests export", () => {
  const texts = (rows: string[][]) => rows.map((r) => r[1]).sort();

  it("exports the requests in the caller's scope: standalone ones and those on deals they may see", async () => {
    const rep = await csv(await get(A.rep.id, exportRequestsRoute, "http://localhost/api/requests/export"));
    expect(rep.header).toEqual(["Request id", "Request", "Account", "Deal", "Logged by", "Logged", "Insight", "Theme", "Theme status", "Leadership's answer"]);
    expect(texts(rep.rows)).toEqual(["Export to Excel please", "Seat maps in the app", "Tickets in Apple Wallet"]);
    const wallet = rep.rows.find((r) => r[1] === "Tickets in Apple Wallet")!;
    expect(wallet.slice(2, 4)).toEqual(["Festival Co", "Rep deal"]);
    expect(wallet[5]).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const manager = await csv(await get(A.manager.id, exportRequestsRoute, "http://localhost/api/requests/export"));
    expect(texts(manager.rows)).toEqual(["Export to Excel please", "Queue for sold-out shows", "Seat maps in the app", "Tickets in Apple Wallet"]);
    const b = await csv(await get(B.leader.id, exportRequestsRoute, "http://localhost/api/requests/export"));
    expect(texts(b.rows)).toEqual(["B's seat maps"]);
  });

  it("applies the list's filters: mine, text, account, deal or standalone, dates", async () => {
    const url = (q: string) => `http://localhost/api/requests/export?${q}`;
    expect(texts((await csv(await get(A.rep.id, exportRequestsRoute, url("mine=1")))).rows)).toEqual(["Seat maps in the app", "Tickets in Apple Wallet"]);
    expect(texts((await csv(await get(A.leader.id, exportRequestsRoute, url("q=SEAT")))).rows)).toEqual(["Seat maps in the app"]);
    expect(texts((await csv(await get(A.leader.id, exportRequestsRoute, url("standalone=1")))).rows)).toEqual(["Export to Excel please", "Seat maps in the app"]);
    expect(texts((await csv(await get(A.leader.id, exportRequestsRoute, url("standalone=0")))).rows)).toEqual(["Queue for sold-out shows", "Tickets in Apple Wallet"]);
    expect((await csv(await get(A.leader.id, exportRequestsRoute, url(`accountId=${B.account.id}`)))).rows).toEqual([]);
    expect((await csv(await get(A.leader.id, exportRequestsRoute, url("to=2000-01-01")))).rows).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await csv(await get(A.leader.id, exportRequestsRoute, url(`from=${today}&to=${today}`)))).rows).toHaveLength(4);
    // Malformed filters fall back to "all", as in the list.
    expect((await csv(await get(A.leader.id, exportRequestsRoute, url("accountId=not-a-uuid&from=yesterday")))).rows).toHaveLength(4);

    const actor = await actorOf(A.leader.id);
    const paged: string[] = [];
    for await (const row of exportRequests(actor, {}, 1)) paged.push(row[1] as string);
    expect(paged.sort()).toEqual(["Export to Excel please", "Queue for sold-out shows", "Seat maps in the app", "Tickets in Apple Wallet"]);
  });

  it("refuses the signed-out with 401", async () => {
    expect((await get(null, exportRequestsRoute, "http://localhost/api/requests/export")).status).toBe(401);
  });
});

describe("deals export", () => {
  it("carries the score and the findings", async () => {
    const res = await csv(await get(A.leader.id, exportDealsRoute, "http://localhost/api/deals/export"));
    expect(res.header).toEqual(expect.arrayContaining(["Score", "Off-strategy", "Findings"]));
  });
});
