import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, SOUTH, expectAccessible, shot, signIn } from "./support";

// One story, in order, in Southwind: an organisation seeded for e2e runs with people and no strategy
// yet (a fresh database per run). Northwind, the demo organisation, has a published strategy.
test.describe.configure({ mode: "serial" });

const section = (page: Page, id: string) => page.locator(`#section-${id}`);

/** The editor's side panel is sticky: scroll to the top so a full-page screenshot shows it in place. */
async function shotFromTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

async function saveSection(page: Page, id: string, label: string) {
  const card = section(page, id);
  await card.getByRole("button", { name: `Save ${label}` }).click();
  return card.getByRole("status").last();
}

async function expectSaved(page: Page, id: string, label: string) {
  const status = await saveSection(page, id, label);
  await expect(status).toHaveText(/Saved\.|Already saved/);
  await expect(section(page, id).getByText("Unsaved changes")).toHaveCount(0);
}

async function fillSegment(row: Locator, s: { name: string; industries: string; regions?: string; from?: string; upTo?: string; priority: string; criteria?: string[] }) {
  await row.getByLabel("Name", { exact: true }).fill(s.name);
  await row.getByLabel("Priority").selectOption({ label: s.priority });
  await row.getByLabel("Industries").fill(s.industries);
  await row.getByLabel("Regions").fill(s.regions ?? "");
  await row.getByLabel("Employees from").fill(s.from ?? "");
  await row.getByLabel("Employees up to").fill(s.upTo ?? "");
  for (const c of s.criteria ?? []) await row.getByLabel(c, { exact: true }).check();
}

test("a leader writes every section, publishes, revises and compares two versions", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, SOUTH.LEADER);
  await page.goto("/strategy");
  await expect(page.getByRole("heading", { name: "No strategy has been published yet" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "strategy-empty-leader");

  await page.getByRole("button", { name: "Start the first draft" }).click();
  await expect(page).toHaveURL(/\/strategy\/draft$/);
  await expect(page.getByRole("heading", { level: 1, name: "Draft strategy" })).toBeVisible();
  await expectAccessible(page);
  await shotFromTop(page, "strategy-draft-empty");

  // Mission
  await page.getByLabel("Who we are").fill("Northwind builds revenue analytics for mid-sized software companies.");
  await expect(section(page, "mission").getByText("Unsaved changes")).toBeVisible();
  await page.getByLabel("Why we are here").fill("So that every sales team knows which deals fit the plan.");
  await page.getByLabel("Why it matters").fill("Deals that fit the plan renew, and deals that do not cost us twice.");
  await expectSaved(page, "mission", "mission");

  // Value proposition: the number input moves the slider and the plain-language preview.
  await page.getByLabel("Position (−100 to +100)").fill("70");
  await expect(page.getByLabel("Position on the spectrum")).toHaveValue("70");
  await expect(section(page, "valueProposition").getByText("At +70: Sell it for more (differentiation)")).toBeVisible();
  await expect(section(page, "valueProposition").getByText("Discounts above policy count as critical: they erode the premium.")).toBeVisible();
  await page.getByLabel("Rationale").fill("Customers pay for accuracy and service, not for the lowest price.");
  await expectSaved(page, "valueProposition", "value proposition");

  // Segments: a primary one and an avoided one; first they overlap, and the form says where.
  const segments = section(page, "segments");
  await segments.getByRole("button", { name: "Add a segment" }).click();
  await fillSegment(segments.locator("fieldset").nth(0), { name: "Mid-market SaaS", industries: "Software, Internet", regions: "Europe", from: "50", upTo: "499", priority: "Primary", criteria: ["Quality", "Service"] });
  await segments.getByRole("button", { name: "Add a segment" }).click();
  const second = segments.locator("fieldset").filter({ has: page.getByRole("textbox", { name: "Name", exact: true }) }).nth(1);
  await fillSegment(second, { name: "Public sector", industries: "Software", priority: "Avoid" });
  await saveSection(page, "segments", "target segments");
  await expect(second.getByText("Overlaps with “Mid-market SaaS”")).toBeVisible();
  await expect(second.getByLabel("Employees from")).toHaveAttribute("aria-invalid", "true");
  await expect(segments.getByRole("status").last()).toContainText("Not saved");
  await shot(page, "strategy-draft-segment-overlap");
  await second.getByLabel("Industries").fill("Government, Education");
  await expect(second.getByText("Overlaps with")).toHaveCount(0);
  await expectSaved(page, "segments", "target segments");

  // Capabilities: typed rows, then a bulk paste reviewed before it joins the table.
  const caps = section(page, "capabilities");
  await caps.getByRole("button", { name: "Add a capability" }).click();
  await caps.getByLabel("Name of capability 1").fill("Usage analytics");
  await caps.getByRole("button", { name: "Add a capability" }).click();
  await caps.getByLabel("Name of capability 2").fill("Salesforce sync");
  await caps.getByLabel("Status of Salesforce sync").selectOption("beta");
  await caps.getByText("Bulk paste capabilities").click();
  await caps.getByLabel("One capability per line").fill(
    [
      "AI dynamic pricing | roadmap | 2027-06-30 | automatic price optimisation; machine learning pricing",
      "On-premise edition | not offered | | self-hosted; on prem | We host everything ourselves.",
      "Pipeline forecasting | available | | forecast, forecasting",
      "Quantum routing | someday",
    ].join("\n"),
  );
  await caps.getByRole("button", { name: "Review pasted lines" }).click();
  await expect(caps.getByText("4 lines read: 3 ready, 1 to fix")).toBeVisible();
  await expect(caps.getByText("Unknown status “someday”")).toBeVisible();
  await shot(page, "strategy-draft-bulk-paste-review");
  await caps.getByRole("button", { name: "Add 3 to the table" }).click();
  await expect(caps.getByText("Added 3 and updated 0 in the table.")).toBeVisible();
  await expect(caps.getByLabel("One capability per line")).toHaveValue("Quantum routing | someday");
  await expect(caps.getByText("5 capabilities")).toBeVisible();
  // A roadmap capability without a date is refused with a message under the date.
  await caps.getByRole("button", { name: "Add a capability" }).click();
  await caps.getByLabel("Name of capability 6").fill("Mobile app");
  await caps.getByLabel("Status of Mobile app").selectOption("roadmap");
  await saveSection(page, "capabilities", "capabilities");
  await expect(caps.getByText("A roadmap capability needs an expected date.").first()).toBeVisible();
  await expect(caps.getByLabel("Expected date of Mobile app")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "strategy-draft-capability-error");
  await caps.getByLabel("Expected date of Mobile app").fill("2027-09-30");
  await expectSaved(page, "capabilities", "capabilities");
  // Search and sort change only what is shown.
  await caps.getByLabel("Search capabilities").fill("pricing");
  await expect(caps.getByText("1 of 6 shown")).toBeVisible();
  await expect(caps.getByLabel("Name of capability 3")).toHaveValue("AI dynamic pricing");
  await caps.getByLabel("Search capabilities").fill("");
  await caps.getByRole("button", { name: /^Name/ }).click();
  await expect(caps.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(caps.locator("tbody tr").first().getByRole("textbox").first()).toHaveValue("AI dynamic pricing");

  // Guardrail, product (a 150 % discount is refused), targets for company, team and rep.
  const guardrails = section(page, "guardrails");
  await guardrails.getByRole("button", { name: "Add a guardrail" }).click();
  await guardrails.getByLabel("Guardrail 1: what we do not do").fill("Custom development");
  await guardrails.getByLabel("Aliases").fill("bespoke code, custom build");
  await guardrails.getByLabel("Why not, and what to offer instead").fill("We sell one product; offer the API instead.");
  await expectSaved(page, "guardrails", "guardrails");

  const products = section(page, "products");
  await products.getByRole("button", { name: "Add a product" }).click();
  await products.getByRole("textbox", { name: "Product 1" }).fill("Northwind Analytics Pro");
  await products.getByLabel("List price").fill("24000");
  await products.getByLabel("Max discount without approval (%)").fill("150");
  await saveSection(page, "products", "products and pricing");
  await expect(products.getByText("A discount cannot exceed 100 %.").first()).toBeVisible();
  await products.getByLabel("Max discount without approval (%)").fill("15");
  await expectSaved(page, "products", "products and pricing");

  const targets = section(page, "targets");
  await targets.getByRole("button", { name: "Add a target" }).click();
  await targets.getByLabel("Target 1: period").fill("2027-Q1");
  await targets.getByLabel("Target value").fill("1200000");
  await targets.getByRole("button", { name: "Add a target" }).click();
  const t2 = targets.locator("li").nth(1);
  await t2.getByLabel("Target 2: period").fill("2027-Q1");
  await t2.getByLabel("Scope").selectOption("team");
  await t2.getByLabel("Team").selectOption({ label: "Enterprise" });
  await t2.getByLabel("Metric").selectOption({ label: "New logos" });
  await t2.getByLabel("Target value").fill("6");
  await targets.getByRole("button", { name: "Add a target" }).click();
  const t3 = targets.locator("li").nth(2);
  await t3.getByLabel("Target 3: period").fill("2027-01");
  await t3.getByLabel("Scope").selectOption("rep");
  await t3.getByLabel("Rep").selectOption({ label: "Rita Rep (Enterprise)" });
  await t3.getByLabel("Target value").fill("150000");
  await expectSaved(page, "targets", "targets");
  await expectAccessible(page);
  await shotFromTop(page, "strategy-draft-filled");

  // Publish: the change note is required.
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Enter why this changed (the change note).")).toBeVisible();
  await page.getByLabel("Why this changed").fill("Our first strategy: premium analytics for mid-market software companies.");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("heading", { name: "Version 1 is published" })).toBeVisible();
  await shot(page, "strategy-published-v1");

  // The next draft starts as a copy of version 1: move the position, make a capability available.
  await page.getByRole("button", { name: "Start the draft of version 2" }).click();
  await expect(page.getByLabel("Who we are")).toHaveValue("Northwind builds revenue analytics for mid-sized software companies.");
  await page.getByLabel("Position (−100 to +100)").fill("-40");
  await expect(section(page, "valueProposition").getByText("At −40: Leaning towards make it for less")).toBeVisible();
  await expectSaved(page, "valueProposition", "value proposition");
  await caps.getByLabel("Status of Salesforce sync").selectOption("available");
  await expect(page.getByRole("button", { name: "Publish version 2" })).toBeDisabled();
  await expect(page.getByText("Save or undo the unsaved changes first: Capabilities.")).toBeVisible();
  // Leaving by a link with unsaved edits asks first; staying keeps them.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Unsaved changes in Capabilities will be lost.");
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "Versions" }).click();
  await expect(page).toHaveURL(/\/strategy\/draft$/);
  await expect(caps.getByLabel("Status of Salesforce sync")).toHaveValue("available");
  await expectSaved(page, "capabilities", "capabilities");
  await page.getByLabel("Why this changed").fill("Price-led from now on: we compete on cost; Salesforce sync is out of beta.");
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page.getByRole("heading", { name: "Version 2 is published" })).toBeVisible();

  // Versions and the comparison.
  await page.goto("/strategy/versions");
  await expect(page.getByRole("link", { name: "Version 2" })).toBeVisible();
  await expect(page.getByText("Price-led from now on")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "strategy-versions");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/strategy\/compare\?a=1&b=2$/);
  const value = page.getByRole("region", { name: /^Value proposition/ });
  await expect(value.getByRole("row", { name: /Position \+70 −40/ })).toBeVisible();
  const capDiff = page.getByRole("region", { name: /^Capabilities/ });
  await expect(capDiff.getByText("Salesforce sync", { exact: true })).toBeVisible();
  await expect(capDiff.getByRole("row", { name: "Status Beta Available" })).toBeVisible();
  await expect(page.getByText("No changes in: Mission, Target segments, Guardrails, Products and pricing, Targets.")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "strategy-compare-v1-v2");

  await page.goto("/strategy/versions/1");
  await expect(page.getByRole("heading", { level: 1, name: "Strategy version 1" })).toBeVisible();
  await expect(page.getByText("Version 2 replaced this one.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Export JSON" })).toHaveAttribute("href", "/api/strategy/versions/1?download=1");
  await expectAccessible(page);
  await shot(page, "strategy-version-1");
});

test("a bad strategy file is refused with the path of its first error", async ({ page }) => {
  await signIn(page, SOUTH.LEADER);
  await page.goto("/strategy/draft");
  await expect(page.getByRole("heading", { name: "There is no draft" })).toBeVisible();
  await page.getByLabel("Strategy file (JSON)").setInputFiles({
    name: "strategy.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "keel.strategy/v1", mission: { whoWeAre: "x", whyWeAreHere: "y" } })),
  });
  await page.getByRole("button", { name: "Import into the draft" }).click();
  await expect(page.locator("#strategy-file-error")).toContainText("mission.whyItMatters");
  await expect(page.getByLabel("Strategy file (JSON)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await shot(page, "strategy-draft-import-error");
});

test("two leaders edit the same section: the second save is refused, shows the newer text and keeps its own", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, SOUTH.LEADER);
  await signIn(b, SOUTH.LEADER);
  await a.goto("/strategy/draft");
  await a.getByRole("button", { name: "Start a draft" }).click();
  await expect(a.getByLabel("Who we are")).toBeVisible();
  await b.goto("/strategy/draft");
  await expect(b.getByLabel("Who we are")).toBeVisible();

  await a.getByLabel("Who we are").fill("Written by the first leader.");
  await expectSaved(a, "mission", "mission");

  await b.getByLabel("Who we are").fill("Written by the second leader.");
  await saveSection(b, "mission", "mission");
  const conflict = b.getByRole("region", { name: "Mission: newer version saved by someone else" });
  await expect(conflict).toContainText("Not saved: someone else saved the draft after you opened it");
  await expect(section(b, "mission").getByRole("status").last()).toHaveText(/^Someone else saved Mission since you opened the draft\./);
  await expect(conflict).toContainText("Written by the first leader.");
  await expect(b.getByLabel("Who we are")).toHaveValue("Written by the second leader.");
  await expectAccessible(b);
  await shotFromTop(b, "strategy-draft-conflict");

  await conflict.getByRole("button", { name: "Save my version" }).click();
  await expect(section(b, "mission").getByRole("status").last()).toHaveText("Saved.");
  await expect(conflict).toHaveCount(0);
  // The first leader's next save of the same section is refused the same way: nothing is overwritten silently.
  await a.getByLabel("Why it matters").fill("A change from the first leader.");
  await saveSection(a, "mission", "mission");
  await expect(a.getByRole("region", { name: "Mission: newer version saved by someone else" })).toContainText("Written by the second leader.");
  await a.getByRole("button", { name: "Use their version" }).click();
  await expect(a.getByLabel("Who we are")).toHaveValue("Written by the second leader.");
  await first.close();
  await second.close();
});

test("a rep is prompted to acknowledge, acknowledges and asks a question", async ({ page }) => {
  await signIn(page, SOUTH.REP);
  await page.goto("/strategy");
  await expect(page.getByRole("heading", { level: 1, name: "Strategy" })).toBeVisible();
  await expect(page.getByText("Version 2 · published")).toBeVisible();
  const prompt = page.getByRole("region", { name: "Acknowledge this version" });
  await expect(prompt.getByRole("heading", { name: "Version 2 is new: read it, then confirm" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Value proposition: −40" })).toBeVisible();
  await expect(page.getByText("Public sector")).toBeVisible();
  await expect(page.getByText("Custom development")).toBeVisible();
  await expect(page.getByRole("row", { name: /Northwind Analytics Pro .*15 %/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your team", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Yours", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit the draft" })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "strategy-brief-rep-unacknowledged");

  await prompt.getByRole("button", { name: "I have read it" }).click();
  await expect(prompt.getByRole("status")).toHaveText("Thanks: you acknowledged this version.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Acknowledge this version" })).toHaveCount(0);

  const whatWeSell = page.getByRole("region", { name: "What we sell" });
  await whatWeSell.getByText("Ask a question about capabilities").click();
  await whatWeSell.getByRole("button", { name: "Send the question" }).click();
  await expect(whatWeSell.getByText("Enter your question.")).toBeVisible();
  await whatWeSell.getByLabel("Your question about capabilities").fill("Can I promise AI dynamic pricing to a customer who signs in March 2027?");
  await whatWeSell.getByRole("button", { name: "Send the question" }).click();
  await expect(whatWeSell.getByText("Your question was sent to leadership.")).toBeVisible();
  await expect(whatWeSell.getByText("Waiting for leadership's answer.")).toBeVisible();
  await expect(whatWeSell.getByLabel("Your question about capabilities")).toHaveValue("");
  await shot(page, "strategy-brief-rep-question");
});

test("reps cannot open the editor or the acknowledgements", async ({ page }) => {
  await signIn(page, SOUTH.REP2);
  for (const path of ["/strategy/draft", "/strategy/acknowledgements"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
  }
  const missing = await page.goto("/strategy/versions/99");
  expect(missing?.status()).toBe(404);
});

test("the leader answers on the acknowledgements page and the rep reads the answer", async ({ page, browser }) => {
  await signIn(page, SOUTH.LEADER);
  await page.goto("/strategy/acknowledgements");
  await expect(page.getByRole("heading", { level: 1, name: "Acknowledgements" })).toBeVisible();
  await expect(page.getByText("1 of 3 people have acknowledged version 2.")).toBeVisible();
  const enterprise = page.getByRole("region", { name: "Enterprise" });
  await expect(enterprise.getByRole("listitem").filter({ hasText: "Rita Rep" })).toContainText("Acknowledged on");
  await expect(enterprise.getByRole("listitem").filter({ hasText: "Ravi Rep" })).toContainText("Not yet");
  await expect(page.getByText("Can I promise AI dynamic pricing")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "strategy-acknowledgements-leader");
  await page.getByRole("button", { name: "Publish the answer" }).click();
  await expect(page.getByText("Enter an answer.")).toBeVisible();
  await page.getByLabel("Your answer to Rita Rep").fill("No. It is on the roadmap for 30 June 2027: promise nothing before it ships.");
  await page.getByRole("button", { name: "Publish the answer" }).click();
  await expect(page.getByText("No open questions: every question has an answer.")).toBeVisible();

  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await signIn(rep, SOUTH.REP);
  await rep.goto("/strategy");
  const whatWeSell = rep.getByRole("region", { name: "What we sell" });
  await expect(whatWeSell.getByText("No. It is on the roadmap for 30 June 2027")).toBeVisible();
  await expect(whatWeSell.getByText("Lena Leader answered on")).toBeVisible();
  await shot(rep, "strategy-brief-rep-answer");
  await repContext.close();
});

test("the manager sees the team's acknowledgements", async ({ page }) => {
  await signIn(page, SOUTH.MANAGER);
  await page.goto("/strategy");
  await page.getByRole("link", { name: "Acknowledgements" }).click();
  await expect(page.getByText("Who in your team has read version 2 of the strategy.")).toBeVisible();
  await expect(page.getByText("1 of 2 people have acknowledged version 2.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Enterprise" })).toContainText("50 %");
  await expect(page.getByRole("button", { name: "Publish the answer" })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "strategy-acknowledgements-manager");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the brief, the draft and the comparison fit a phone", async ({ page }) => {
    await signIn(page, SOUTH.LEADER);
    for (const [path, name] of [["/strategy", "brief"], ["/strategy/draft", "draft"], ["/strategy/compare?a=1&b=2", "compare"], ["/strategy/versions", "versions"]] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await shot(page, `phone-strategy-${name}`);
    }
  });
});

test("the brief prints without the navigation and the forms", async ({ page }) => {
  await signIn(page, SOUTH.REP);
  await page.goto("/strategy");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByText("Ask a question about mission")).toBeHidden();
  await expect(page.getByRole("heading", { name: "What we say no to" })).toBeVisible();
  await shot(page, "strategy-brief-print");
});

test("the demo organisation's brief reads well with its real content", async ({ page }) => {
  await signIn(page, DEMO.REP2);
  await page.goto("/strategy");
  await expect(page.getByRole("heading", { level: 1, name: "Strategy" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Acknowledge this version" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What we say no to" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "strategy-brief-demo");
});

test("a catalogue of hundreds of capabilities is pasted, saved, searched and sorted", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, SOUTH.LEADER);
  await page.goto("/strategy/draft");
  const caps = section(page, "capabilities");
  const before = Number((await caps.getByText(/^\d+ capabilities$/).textContent())!.split(" ")[0]);
  const lines = Array.from({ length: 300 }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return i % 10 === 0 ? `Module ${n} | roadmap | 2028-${String((i % 12) + 1).padStart(2, "0")}-15 | mod ${n}` : `Module ${n} | available | | mod ${n}`;
  });
  await caps.getByText("Bulk paste capabilities").click();
  await caps.getByLabel("One capability per line").fill(lines.join("\n"));
  await caps.getByRole("button", { name: "Review pasted lines" }).click();
  await expect(caps.getByText("300 lines read: 300 ready, 0 to fix")).toBeVisible();
  await caps.getByRole("button", { name: "Add 300 to the table" }).click();
  await expect(caps.getByText(`${before + 300} capabilities`)).toBeVisible();
  await expectSaved(page, "capabilities", "capabilities");
  await page.reload();
  await expect(caps.getByText(`${before + 300} capabilities`)).toBeVisible();
  await caps.getByLabel("Search capabilities").fill("module 25");
  await expect(caps.getByText(`10 of ${before + 300} shown`)).toBeVisible();
  await caps.getByLabel("Search capabilities").fill("");
  await caps.getByRole("button", { name: /^Expected date/ }).click();
  await expect(caps.locator("tbody tr").first().getByRole("textbox").first()).toHaveValue("AI dynamic pricing");
  await caps.getByLabel("Status of Module 007").selectOption("not_offered");
  await expectSaved(page, "capabilities", "capabilities");
});
