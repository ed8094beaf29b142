import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a rep logs an off-strategy promise with live feedback; the manager requests changes; the fixed deal leaves the queue", async ({ browser }) => {
  const rep = await as(browser, DEMO.REP);
  await rep.goto("/deals/new");
  await expect(rep.getByRole("heading", { level: 1, name: "New deal" })).toBeVisible();
  await rep.getByLabel("Account").selectOption({ label: "Festival Republic" });
  await rep.getByLabel("Deal name").fill("Scanner roll-out");
  await rep.getByRole("button", { name: "Add a line item" }).click();
  await rep.getByLabel("Product").selectOption({ label: "Insight Pro" });
  await rep.getByRole("button", { name: "Add a promise" }).click();
  await rep.getByLabel("Promise", { exact: true }).fill("A mobile app for their door scanners");
  const feedback = rep.getByRole("complementary", { name: "Live alignment feedback" });
  await expect(feedback.getByText("Off-strategy")).toBeVisible();
  await expect(feedback.getByText("Mobile app").first()).toBeVisible();
  await expectAccessible(rep);
  await shot(rep, "deal-new-live-warning");
  await rep.getByRole("button", { name: "Save deal" }).click();
  await expect(rep.getByRole("heading", { level: 1, name: "Scanner roll-out" })).toBeVisible();
  await expect(rep.getByText("Off-strategy").first()).toBeVisible();
  const dealUrl = rep.url();
  await expectAccessible(rep);
  await shot(rep, "deal-flagged");

  const manager = await as(browser, DEMO.MANAGER);
  await manager.goto("/deals/review");
  const item = manager.getByRole("listitem").filter({ hasText: "Scanner roll-out" });
  await expect(item).toBeVisible();
  await expectAccessible(manager);
  await shot(manager, "review-queue");
  await item.getByRole("link", { name: "Scanner roll-out" }).click();
  const review = manager.getByRole("form", { name: "Review this deal" });
  await review.getByRole("button", { name: "Send" }).click();
  await expect(review.getByText("Write a reason or a comment.")).toBeVisible();
  await review.getByLabel("Request changes").check();
  await review.getByLabel("Reason or comment").fill("We do not build mobile apps. Offer the scanning partner instead.");
  await review.getByRole("button", { name: "Send" }).click();
  await expect(review.getByRole("status")).toHaveText("Changes requested; the rep was notified.");
  await shot(manager, "deal-changes-requested");

  await rep.goto(dealUrl);
  await expect(rep.getByRole("button", { name: /Notifications, \d+ unread/ })).toBeVisible();
  await rep.getByRole("button", { name: /Notifications/ }).click();
  await expect(rep.getByRole("link", { name: /Changes requested on “Scanner roll-out”/ })).toBeVisible();
  await shot(rep, "notifications-open");
  await rep.keyboard.press("Escape");
  await expect(rep.getByText("Changes requested").first()).toBeVisible();
  await rep.getByRole("link", { name: "Edit deal" }).click();
  await rep.getByLabel("Promise", { exact: true }).fill("Checkout reminder e-mails for abandoned baskets");
  await expect(rep.getByRole("complementary", { name: "Live alignment feedback" }).getByText("No findings so far")).toBeVisible();
  await rep.getByRole("button", { name: "Save changes" }).click();
  await expect(rep.getByRole("heading", { level: 1, name: "Scanner roll-out" })).toBeVisible();
  await expect(rep.getByText("No findings: this deal is on strategy.")).toBeVisible();

  await manager.goto("/deals/review");
  await expect(manager.getByRole("link", { name: "Scanner roll-out" })).toHaveCount(0);
});

test("a manager approves an exception: the deal leaves the queue, its findings stay visible as approved", async ({ browser }) => {
  const manager = await as(browser, DEMO.MANAGER);
  await manager.goto("/deals/review");
  await manager.getByRole("link", { name: "Tour analytics" }).click();
  const review = manager.getByRole("form", { name: "Review this deal" });
  await review.getByLabel("Approve an exception").check();
  await review.getByLabel("Reason or comment").fill("Strategic logo; the integration goes through our partner.");
  await review.getByRole("button", { name: "Send" }).click();
  await expect(review.getByRole("status")).toHaveText("Exception approved.");
  await manager.reload();
  await expect(manager.getByText("Exception approved").first()).toBeVisible();
  await expect(manager.getByText("Critical").first()).toBeVisible();
  await expectAccessible(manager);
  await shot(manager, "deal-exception-approved");
  await manager.goto("/deals/review");
  await expect(manager.getByRole("link", { name: "Tour analytics" })).toHaveCount(0);
});

test("the deal list filters on the server, keeps filters in the URL, and a rep sees only their own deals", async ({ browser }) => {
  const rep = await as(browser, DEMO.REP);
  await rep.goto("/deals");
  await expect(rep.getByRole("link", { name: "Arena analytics" })).toBeVisible();
  await expect(rep.getByRole("link", { name: "Tour analytics" })).toHaveCount(0); // Ravi's
  await rep.getByLabel("Off-strategy only").check();
  await rep.getByRole("button", { name: "Apply" }).click();
  await expect(rep).toHaveURL(/offStrategy=1/);
  await expect(rep.getByRole("link", { name: "Festival season 2027" })).toHaveCount(0);
  await expectAccessible(rep);
  await shot(rep, "deals-filtered");

  const leader = await as(browser, DEMO.LEADER);
  await leader.goto("/deals?sort=score&dir=asc");
  await expect(leader.getByRole("link", { name: "Tour analytics" })).toBeVisible();
  await shot(leader, "deals-leader");
  await leader.getByRole("link", { name: "Tour analytics" }).click();
  await expect(leader.getByRole("heading", { level: 1, name: "Tour analytics" })).toBeVisible();
  const ravisDeal = leader.url();
  const response = await rep.goto(ravisDeal);
  expect(response?.status()).toBe(404);
  await expect(rep.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("bad input on the deal form gets field-level messages and loses nothing", async ({ browser }) => {
  const rep = await as(browser, DEMO.REP);
  await rep.goto("/deals/new");
  await rep.getByRole("button", { name: "Add a line item" }).click();
  await rep.getByLabel("Product").selectOption({ label: "Insight Pro" });
  await rep.getByLabel("Quantity").fill("-2");
  await rep.getByLabel("Discount %").fill("150");
  await rep.getByRole("button", { name: "Save deal" }).click();
  await expect(rep.getByText("Choose an account.")).toBeVisible();
  await expect(rep.getByText("Enter a deal name.")).toBeVisible();
  await expect(rep.getByText("The quantity must be more than 0.")).toBeVisible();
  await expect(rep.getByText("A discount cannot exceed 100 %.")).toBeVisible();
  await expect(rep.getByLabel("Discount %")).toHaveValue("150");
  await expectAccessible(rep);
  await shot(rep, "deal-form-errors");
});

test("a rep logs a customer request without a deal", async ({ browser }) => {
  const rep = await as(browser, DEMO.REP);
  await rep.goto("/deals");
  await rep.getByRole("link", { name: "Log a customer request" }).click();
  await rep.getByRole("button", { name: "Log request" }).click();
  await expect(rep.getByText("Choose an account.")).toBeVisible();
  await rep.getByLabel("Account").selectOption({ label: "Paradiso Club" });
  await rep.getByLabel("What did the customer ask for?").fill("Send a reminder to fans who abandoned their basket");
  await rep.getByRole("button", { name: "Log request" }).click();
  await expect(rep.getByRole("status")).toContainText("Request logged.");
  await expectAccessible(rep);
  await shot(rep, "request-logged");
});
