import { expect, test } from "@playwright/test";
import { SOUTH } from "./support";

// The lockout test uses an account no other spec signs in with: a locked account stays locked 15 minutes.

test("POST /api/session answers bad input with typed, field-level 400s", async ({ request }) => {
  const notJson = await request.post("/api/session", { data: "{oops", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.code).toBe("VALIDATION_FAILED");

  const bad = await request.post("/api/session", { data: { email: 42, password: ["x"] } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["email", "password"]);
});

test("too many failed sign-ins get HTTP 429 with Retry-After, and the form says so", async ({ request, page }) => {
  for (let i = 0; i < 4; i++) {
    const r = await request.post("/api/session", { data: { email: SOUTH.ADMIN, password: `wrong ${i}` } });
    expect(r.status()).toBe(401);
  }
  // The fifth failure reaches the limit: from now on even the right password waits.
  const fifth = await request.post("/api/session", { data: { email: SOUTH.ADMIN, password: "wrong 5" } });
  expect(fifth.status()).toBe(429);
  const limited = await request.post("/api/session", { data: { email: SOUTH.ADMIN, password: "keel-demo-2026" } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error).toMatchObject({ code: "RATE_LIMITED" });

  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(SOUTH.ADMIN);
  await page.getByLabel("Password").fill("keel-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toContainText("Too many failed sign-in attempts.");
});

test("pages and actions refuse a request without a session", async ({ request }) => {
  const page = await request.get("/admin", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toContain("/sign-in");
});
