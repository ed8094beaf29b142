import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

// An admin creates an API token and sees it once; the API accepts it as a Bearer token; once the
// admin revokes it, the API answers 401. `request` is its own context: no session cookie, only the token.

test("an admin creates an API token, the API accepts it, and after revoking it the API refuses it", async ({ page, request }) => {
  const name = `CRM sync ${Date.now() % 100000}`;
  await signIn(page, DEMO.ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "New API token" });
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByText("Name the token after what uses it")).toBeVisible();

  await form.getByLabel("Token name").fill(name);
  await form.getByLabel("Scope").selectOption("write");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("you won’t see this again")).toBeVisible();
  const secret = page.getByRole("textbox", { name: "New API token" });
  await expect(secret).toHaveValue(/^keel_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  await expect(form.getByLabel("Token name")).toHaveValue(""); // ready for the next token
  const token = await secret.inputValue();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Write");
  await expect(row).toContainText(token.slice(0, 13));
  await expect(row).toContainText("Never");
  await expectAccessible(page);
  await shot(page, "admin-api-token-created");

  const auth = { Authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/deals?limit=2", { headers: auth });
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.data.length).toBeGreaterThan(0);
  expect(body).toHaveProperty("nextCursor");
  const created = await request.post("/api/v1/accounts", { headers: { ...auth, "Idempotency-Key": `e2e-${name.replaceAll(" ", "-")}` }, data: { name: `API account ${name}`, region: "EU" } });
  expect(created.status(), await created.text()).toBe(201);
  const bad = await request.post("/api/v1/accounts", { headers: auth, data: { employees: -1 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fieldErrors).toHaveProperty("name");
  expect((await request.get("/api/v1/deals")).status()).toBe(401); // no token, no session

  // The secret is gone after a reload; the list shows the token was used.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "New API token" })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: name })).not.toContainText("Never");

  const again = page.getByRole("row").filter({ hasText: name });
  await again.getByRole("button", { name: "Revoke…" }).click();
  await expect(again.getByText("This cannot be undone.")).toBeVisible();
  await again.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
  await shot(page, "admin-api-token-revoked");

  const refused = await request.get("/api/v1/deals", { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");
});

test("the API reference renders the OpenAPI document", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");

  await signIn(page, DEMO.REP);
  await page.goto("/developers/api");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /post\s*\/api\/v1\/deals\s*— Create a deal/i })).toBeVisible();
  await expect(page.getByRole("cell", { name: "lineItems[].quantity" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "RATE_LIMITED" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "developers-api");
});
