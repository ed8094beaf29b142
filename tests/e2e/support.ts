import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "keel-demo-2026";
export const DEMO = {
  ADMIN: "admin@northwind.test",
  LEADER: "leader@northwind.test",
  MANAGER: "manager@northwind.test",
  REP: "rep@northwind.test",
  REP2: "rep2@northwind.test",
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

const SHOTS = "tests/e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });

/** Saves what the user sees, for a person to look at (tests/e2e/screenshots, git-ignored). */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  expect(summary, `axe found violations on ${page.url()}`).toEqual([]);
}

/** Southwind: an organisation with the same roles and no strategy yet (seeded for e2e runs only). */
export const SOUTH = {
  ADMIN: "admin@southwind.test",
  LEADER: "leader@southwind.test",
  MANAGER: "manager@southwind.test",
  REP: "rep@southwind.test",
  REP2: "rep2@southwind.test",
} as const;
