import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: "reduce", acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The rows of a chart card's "Show as table", as { label: deals } (the second column). */
async function chartTable(page: Page, title: string) {
  const card = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
  await card.getByText("Show as table").click();
  const rows = card.locator("tbody tr");
  const out: { label: string; deals: number }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator("th, td");
    out.push({ label: (await cells.nth(0).innerText()).trim(), deals: Number((await cells.nth(1).innerText()).replace(/\D/g, "")) });
  }
  await card.getByText("Show as table").click();
  return { card, rows: out };
}

test("a manager clicks a rep's bar, lands on that rep's deals, and exports them", async ({ browser }) => {
  const manager = await as(browser, DEMO.MANAGER);
  await manager.goto("/dashboard");
  await expect(manager.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(manager.getByText("Open pipeline", { exact: true })).toBeVisible();
  const { card, rows } = await chartTable(manager, "Alignment by rep");
  const rita = rows.findIndex((r) => r.label === "Rita Rep");
  expect(rita).toBeGreaterThanOrEqual(0);
  await expect(card.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expectAccessible(manager);
  await shot(manager, "dashboard-manager");

  // Bars are drawn in the table's order: click Rita's.
  await card.locator(".recharts-bar-rectangle").nth(rita).click();
  await expect(manager).toHaveURL(/\/deals\?.*rep=/);
  await expect(manager.getByRole("group", { name: "Filters from the dashboard" }).getByText("Rep: Rita Rep")).toBeVisible();
  const listed = manager.locator("tbody tr");
  await expect(listed).toHaveCount(rows[rita]!.deals);
  for (const owner of await listed.locator("td:last-child").allInnerTexts()) expect(owner.trim()).toBe("Rita Rep");
  await expectAccessible(manager);
  await shot(manager, "dashboard-drilldown-deals");

  const [download] = await Promise.all([manager.waitForEvent("download"), manager.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(csv[0]).toBe("Deal id,Deal,Account,Owner,Stage,Value,Expected close,Logged,Score,Off-strategy,Findings,Review");
  expect(csv).toHaveLength(rows[rita]!.deals + 1);
  expect(csv.slice(1).every((line) => line.includes(",Rita Rep,"))).toBe(true);
});

test("a chart's table exports as CSV with the view's filters", async ({ browser }) => {
  const leader = await as(browser, DEMO.LEADER);
  await leader.goto("/dashboard?period=all");
  const { card, rows } = await chartTable(leader, "Findings by rule");
  expect(rows.length).toBeGreaterThan(0);
  const [download] = await Promise.all([leader.waitForEvent("download"), card.getByRole("link", { name: /Export CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe("keel-rules-all.csv");
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(csv[0]).toBe("Finding,Rule id,Deals,Value");
  expect(csv.slice(1).map((l) => l.split(",")[0])).toEqual(rows.map((r) => r.label));
});

test("leadership sees adoption, alignment by team and the promises reps keep making; drill-down included", async ({ browser }) => {
  const leader = await as(browser, DEMO.LEADER);
  await leader.goto("/dashboard");
  await leader.getByRole("link", { name: "Leadership", exact: true }).click();
  await expect(leader.getByRole("heading", { level: 2, name: "Off-strategy promises that recur" })).toBeVisible();
  await expect(leader.getByRole("heading", { level: 2, name: "Strategy adoption" })).toBeVisible();
  await expect(leader.getByRole("heading", { level: 2, name: "Alignment by team over time" })).toBeVisible();
  await expect(leader.locator("#chart-alignment-by-team-over-time .recharts-surface")).toBeVisible();
  await expectAccessible(leader);
  await shot(leader, "dashboard-leadership");
  const promise = leader.getByRole("table").first().getByRole("link").first();
  const name = (await promise.innerText()).trim();
  await promise.click();
  await expect(leader.getByRole("group", { name: "Filters from the dashboard" }).getByText(`Promised: ${name}`)).toBeVisible();
  await expect(leader.locator("tbody tr").first()).toBeVisible();
});

test("a rep sees their own findings with what to do, and may not open the leadership view", async ({ browser }) => {
  const rep = await as(browser, DEMO.REP);
  await rep.goto("/dashboard");
  await expect(rep.getByRole("heading", { level: 1, name: "My dashboard" })).toBeVisible();
  await expect(rep.getByRole("heading", { level: 2, name: "My open findings" })).toBeVisible();
  await expect(rep.getByText("What to do:").first()).toBeVisible();
  await expectAccessible(rep);
  await shot(rep, "dashboard-rep");
  const res = await rep.goto("/dashboard/leadership");
  expect(res?.status()).toBe(403);
  const csv = await rep.request.get("/api/dashboard/export?table=teams");
  expect(csv.status()).toBe(404);
});
