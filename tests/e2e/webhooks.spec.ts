import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

// An admin registers a webhook endpoint (a receiver this test starts on 127.0.0.1), copies the
// signing secret shown once, sends a test event, and sees it delivered; the receiver checks the
// signature. The app's own runner (instrumentation → lib/webhooks/deliver.ts) sends it.
// `npm run test:e2e` starts the app with KEEL_WEBHOOKS_ALLOW_HTTP=1 and KEEL_WEBHOOKS_ALLOW_PRIVATE=1, so a
// receiver on http://127.0.0.1 is allowed.

type Received = { headers: IncomingHttpHeaders; body: string };

test("an admin registers a webhook endpoint, sends a test event and sees it delivered, signed", async ({ page }) => {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keel-events`;

  try {
    await signIn(page, DEMO.ADMIN);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "New webhook endpoint" });
    await form.getByLabel("Endpoint URL").fill("ftp://example.com/x");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText("Enter a full URL starting with https://.")).toBeVisible();

    await form.getByLabel("Endpoint URL").fill(url);
    await form.getByLabel("Description").fill("E2E receiver");
    await expect(form.getByRole("checkbox", { name: /deal\.flagged_off_strategy/ })).toBeChecked();
    await form.getByRole("checkbox", { name: /strategy\.published/ }).uncheck();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("you won’t see it again")).toBeVisible();
    const secretField = page.getByLabel("Signing secret");
    await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9_-]{43}$/);
    const secret = await secretField.inputValue();
    await expectAccessible(page);
    await shot(page, "admin-webhook-created");

    const endpoints = page.getByRole("list", { name: "Webhook endpoints" });
    const item = endpoints.getByRole("listitem").filter({ hasText: url });
    await expect(item).toContainText("deal.flagged_off_strategy, review.decided");
    await expect(item).toContainText("active");
    await item.getByRole("button", { name: "Send test event" }).click();
    await expect(item.getByText("Test event queued")).toBeVisible();

    // The runner sends it within a few seconds; the page refreshes itself while a delivery is due.
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const delivery = received[0]!;
    expect(delivery.headers["keel-event"]).toBe("webhook.test");
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers["keel-signature"]))!;
    expect(createHmac("sha256", secret).update(`${t}.${delivery.body}`).digest("hex")).toBe(v1);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: "webhook.test", data: { message: expect.any(String) } });

    const row = page.getByRole("row").filter({ hasText: url }).filter({ hasText: "webhook.test" });
    await expect(row).toContainText("Delivered", { timeout: 15_000 });
    await expect(row).toContainText("HTTP 204");
    await expect(row).toContainText("1 of 6");
    await expectAccessible(page);
    await shot(page, "admin-webhook-delivered");

    // Redeliver sends the same event again, as a new delivery.
    await row.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(1);
    expect(JSON.parse(received[1]!.body).id).toBe(JSON.parse(delivery.body).id);

    // Disable, then delete (after confirming).
    await item.getByRole("button", { name: "Disable" }).click();
    await expect(item).toContainText("disabled");
    await expect(item.getByRole("button", { name: "Send test event" })).toHaveCount(0);
    await item.getByRole("button", { name: "Delete…" }).click();
    await item.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(endpoints.getByRole("listitem").filter({ hasText: url })).toHaveCount(0);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
