import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

// Three reps log the same new ask in their own words on their deals; leadership sees one theme
// with three accounts and the revenue at stake, plans it, and each rep reads the answer.

const ASKS = [
  { email: DEMO.REP, account: "Festival Republic", deal: "Wallet festival", text: "Tickets in Apple Wallet so fans stop printing them" },
  { email: DEMO.REP2, account: "Paradiso Club", deal: "Wallet club nights", text: "Can buyers add their e-tickets to the iPhone wallet?" },
  { email: "rep3@northwind.test", account: "Northern Tours", deal: "Wallet tour", text: "Wallet passes for the tickets (Apple and Google)" },
];

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("three reps ask for the same thing; leadership sees one theme, plans it, and every rep reads the answer", async ({ browser }) => {
  const reps: { page: Page; url: string }[] = [];
  for (const ask of ASKS) {
    const page = await as(browser, ask.email);
    await page.goto("/deals/new");
    await page.getByLabel("Account").selectOption({ label: ask.account });
    await page.getByLabel("Deal name").fill(ask.deal);
    await page.getByRole("button", { name: "Add a line item" }).click();
    await page.getByLabel("Product").selectOption({ label: "Insight Pro" });
    await page.getByRole("button", { name: "Add a request" }).click();
    await page.getByLabel("Request 1", { exact: true }).fill(ask.text);
    await page.getByRole("button", { name: "Save deal" }).click();
    await expect(page.getByRole("heading", { level: 1, name: ask.deal })).toBeVisible();
    reps.push({ page, url: page.url() });
  }

  // A request for something we already sell: an enablement gap, not a theme.
  const rita = reps[0]!.page;
  await rita.goto("/deals/requests");
  await rita.getByLabel("Account").selectOption({ label: "Rotterdam Arena" });
  await rita.getByLabel("What did the customer ask for?").fill("Cart recovery e-mails for people who abandon checkout");
  await rita.getByRole("button", { name: "Log request" }).click();
  await expect(rita.getByRole("status")).toContainText(/logged/i);

  const leader = await as(browser, DEMO.LEADER);
  await leader.goto("/signals");
  const themes = leader.getByRole("table", { name: /Themes/ });
  const row = themes.getByRole("row").filter({ hasText: /wallet/i }).first();
  await expect(row).toBeVisible();
  const cells = row.getByRole("cell");
  await expect(cells.nth(1)).toHaveText("3"); // accounts
  await expect(cells.nth(2)).toHaveText("3"); // reps
  await expect(cells.nth(0)).toHaveText(/€[\d,]+/); // revenue at stake
  const gaps = leader.getByRole("table", { name: /available capabilities/ });
  await expect(gaps.getByRole("row").filter({ hasText: "Abandoned basket e-mails" }).filter({ hasText: "Rita Rep" })).toBeVisible();
  await expectAccessible(leader);
  await shot(leader, "signals-board");

  await row.getByRole("link").click();
  await expect(leader.getByRole("heading", { level: 1 })).toContainText(/wallet/i);
  const answer = leader.getByRole("form", { name: "Answer this theme" });
  await answer.getByLabel("Planned: it goes on the roadmap").check();
  await answer.getByRole("button", { name: "Send the answer to the reps" }).click();
  await expect(answer.getByText("Name the roadmap capability, or link an existing one.")).toBeVisible();
  await answer.getByLabel("New roadmap capability").fill("Mobile wallet passes");
  await answer.getByLabel("Expected date").fill("2027-06-30");
  await answer.getByLabel(/Note for the reps/).fill("Wallet passes ship with the summer release.");
  await answer.getByRole("button", { name: "Send the answer to the reps" }).click();
  await expect(answer.getByRole("status")).toHaveText("Answered; 3 reps were notified.");
  await expectAccessible(leader);
  await shot(leader, "signals-theme-answered");

  for (const { page, url } of reps) {
    await page.goto(url);
    await expect(page.getByRole("button", { name: /Notifications, \d+ unread/ })).toBeVisible();
    await expect(page.getByText("Leadership’s answer (Planned):")).toBeVisible();
    await expect(page.getByText("Wallet passes ship with the summer release.")).toBeVisible();
  }
  await shot(reps[1]!.page, "signals-rep-reads-answer");

  // The roadmap capability is in the next strategy draft.
  await leader.goto("/strategy/draft");
  await expect(leader.getByText("Mobile wallet passes").first()).toBeVisible();
});

test("reps may not open the signals board", async ({ browser }) => {
  const rep = await as(browser, DEMO.REP);
  const res = await rep.goto("/signals");
  expect(res?.status()).toBe(403);
});
