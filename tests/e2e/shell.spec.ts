import { expect, test } from "@playwright/test";
import { DEMO, PASSWORD, expectAccessible, shot, signIn } from "./support";

test("the sign-in page explains bad input field by field and refuses wrong passwords", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "sign-in");

  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "sign-in-field-errors");

  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid e-mail address, like name@company.com.")).toBeVisible();

  await page.getByLabel("E-mail").fill(DEMO.LEADER);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toHaveText("That e-mail and password do not match an active account.");
  await shot(page, "sign-in-wrong-password");
});

test("a user signs in by keyboard alone and lands where they were going", async ({ page }) => {
  await page.goto("/strategy");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstrategy/);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("E-mail")).toBeFocused();
  await page.keyboard.type(DEMO.REP);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/strategy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Strategy" })).toBeVisible();
});

const PLACES = {
  ADMIN: ["Dashboard", "Deals", "Strategy", "Market signals", "Admin"],
  LEADER: ["Dashboard", "Deals", "Strategy", "Market signals"],
  MANAGER: ["Dashboard", "Deals", "Strategy"],
  REP: ["Dashboard", "Deals", "Strategy"],
} as const;

for (const [role, places] of Object.entries(PLACES)) {
  test(`${role.toLowerCase()} sees their own places, each accessible`, async ({ page }) => {
    await signIn(page, DEMO[role as keyof typeof PLACES]);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText([...places]);
    await expectAccessible(page);
    await shot(page, `${role.toLowerCase()}-home`);
    for (const place of places) {
      await nav.getByRole("link", { name: place }).click();
      await expect(page.getByRole("heading", { level: 1, name: place })).toBeVisible();
      await expect(nav.getByRole("link", { name: place })).toHaveAttribute("aria-current", "page");
      await expectAccessible(page);
      await shot(page, `${role.toLowerCase()}-${place.toLowerCase().replaceAll(" ", "-")}`);
    }
  });
}

test("a rep is refused the admin and signals pages with 403; unknown pages get 404", async ({ page }) => {
  await signIn(page, DEMO.REP);
  for (const path of ["/admin", "/admin/audit", "/signals"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
  }
  await expectAccessible(page);
  await shot(page, "forbidden");
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "not-found");
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, DEMO.MANAGER);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/deals");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdeals/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the navigation folds into a menu that works by touch and keyboard", async ({ page }) => {
    await signIn(page, DEMO.LEADER);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await shot(page, "phone-home");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await shot(page, "phone-menu-open");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Market signals" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Market signals" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "phone-signals");
  });
});
