import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

// Northwind's leader tries a change on the draft before publishing it: what-if, read the result,
// drill into the deals that move, publish, and see the real scores match. Runs last (it publishes).
test.describe.configure({ mode: "serial" });

const section = (page: Page, id: string) => page.locator(`#section-${id}`);

async function openDraft(page: Page) {
  await page.goto("/strategy/draft");
  const start = page.getByRole("button", { name: /^Start (a draft|the draft of version)/ });
  const editor = page.getByLabel("Position (−100 to +100)");
  await expect(start.or(editor)).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(editor).toBeVisible();
}

test("a leader runs what-if on a draft, reads it, drills in, publishes, and the real scores match", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.LEADER);
  await openDraft(page);

  // The change: price-led instead of premium, and abandoned basket e-mails withdrawn.
  await page.getByLabel("Position (−100 to +100)").fill("-60");
  await section(page, "valueProposition").getByRole("button", { name: "Save value proposition" }).click();
  await expect(section(page, "valueProposition").getByRole("status").last()).toHaveText(/Saved\.|Already saved/);
  const caps = section(page, "capabilities");
  await caps.getByLabel("Status of Abandoned basket e-mails").selectOption("not_offered");
  await caps.getByRole("button", { name: "Save capabilities" }).click();
  await expect(caps.getByRole("status").last()).toHaveText(/Saved\.|Already saved/);

  await page.reload();
  await page.getByRole("link", { name: "What-if: score the pipeline against this draft" }).click();
  await expect(page.getByRole("heading", { name: "What-if", exact: true })).toBeVisible();
  await expect(page.getByText("Value position: +60 → −60")).toBeVisible();
  await expect(page.getByText("Abandoned basket e-mails: status available → not offered")).toBeVisible();
  await shot(page, "whatif-before-run");

  await page.getByRole("button", { name: "Run what-if" }).click();
  // Progress while it runs (the demo pipeline is small: it may already be done), then the result.
  const headline = page.getByRole("heading", { name: /^Under this draft/ });
  await expect(page.getByRole("progressbar", { name: "What-if progress" }).or(headline)).toBeVisible();
  await expect(headline).toBeVisible({ timeout: 30_000 });
  await expect(headline).toContainText("turns off-strategy");
  await expect(page.getByRole("heading", { name: "Rules behind the change" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Promised what we do not offer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The ten deals that move most" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Festival season 2027" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "whatif-result");

  // Drill into the deals that turn off-strategy.
  const turnOff = page.getByRole("link", { name: /^Turn off-strategy/ });
  const count = Number((await turnOff.locator("span").nth(1).innerText()).replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);
  await turnOff.click();
  await expect(page.getByRole("heading", { name: "What-if: deals" })).toBeVisible();
  await expect(page.getByText(`${count} ${count === 1 ? "deal" : "deals"}`, { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Turn off-strategy" })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row", { name: /Festival season 2027/ });
  await expect(row).toContainText("off-strategy");
  await expect(row).toContainText("Promised what we do not offer");
  await expectAccessible(page);
  await shot(page, "whatif-deals");

  // The CSV holds the same deals.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these as CSV" }).click();
  const csv = await (await download).path().then((p) => import("node:fs").then((fs) => fs.readFileSync(p, "utf8")));
  expect(csv.trim().split("\r\n")).toHaveLength(1 + count);

  // Publish the draft; the real re-score then agrees with the what-if.
  await openDraft(page);
  await page.getByLabel("Why this changed").fill("Price-led from now on; basket e-mails are withdrawn.");
  await page.getByRole("button", { name: /^Publish version/ }).click();
  await expect(page.getByRole("heading", { name: /^Version \d+ is published$/ })).toBeVisible();
  await page.goto("/strategy/whatif");
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/^Published as version \d+: the real scores match the what-if for (\d+) of \1 deals\.$/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await shot(page, "whatif-published");
});

test("reps cannot open what-if", async ({ page }) => {
  await signIn(page, DEMO.REP);
  const response = await page.goto("/strategy/whatif");
  expect(response?.status()).toBe(403);
});
