import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

test("an admin adds a person and a team; the person signs in and changes their password; the audit log shows it", async ({ page, browser }) => {
  const email = `nina.${Date.now()}@northwind.test`;
  await signIn(page, DEMO.ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await expectAccessible(page);

  const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Create user" }) });
  await add.getByRole("button", { name: "Create user" }).click();
  await expect(add.getByText("Enter a name.")).toBeVisible();
  await expect(add.getByText("Use at least 10 characters.")).toBeVisible();
  await shot(page, "admin-create-user-errors");

  await add.getByLabel("E-mail").fill(email);
  await add.getByRole("button", { name: "Create user" }).click();
  await expect(add.getByLabel("E-mail")).toHaveValue(email); // nothing typed is lost on a refused save
  await add.getByLabel("Name").fill("Nina New");
  await add.getByLabel("E-mail").fill(email);
  await add.getByLabel("Role").selectOption("MANAGER");
  await add.getByLabel("First password").fill("nina first password");
  await add.getByRole("button", { name: "Create user" }).click();
  await expect(add.getByRole("status")).toHaveText(`Nina New can now sign in as ${email}.`);
  await expect(add.getByLabel("Name")).toHaveValue("");

  const teamName = `Channel ${Date.now() % 100000}`;
  const newTeam = page.getByRole("form", { name: "New team" });
  await newTeam.getByLabel("Team name").fill(teamName);
  await newTeam.getByLabel("Manager").selectOption({ label: "Nina New" });
  await newTeam.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("form", { name: `Edit team ${teamName}` })).toBeVisible();
  await shot(page, "admin");

  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "user.create" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "team.create" }).first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, "admin-audit");

  const ninaContext = await browser.newContext({ reducedMotion: "reduce" });
  const nina = await ninaContext.newPage();
  await signIn(nina, email, "nina first password");
  await nina.goto("/account");
  await nina.getByLabel("Current password").fill("wrong");
  await nina.getByLabel("New password", { exact: true }).fill("nina second password");
  await nina.getByLabel("Repeat the new password").fill("nina second password");
  await nina.getByRole("button", { name: "Change password" }).click();
  await expect(nina.locator("#field-currentPassword-error")).toHaveText("Your current password is not right.");
  // The refused save kept what Nina typed; she only corrects the current password.
  await expect(nina.getByLabel("New password", { exact: true })).toHaveValue("nina second password");
  await nina.getByLabel("Current password").fill("nina first password");
  await nina.getByRole("button", { name: "Change password" }).click();
  await expect(nina.getByRole("status")).toContainText("Your password was changed.");
  await expectAccessible(nina);
  await shot(nina, "account-password-changed");
  await ninaContext.close();

  const againContext = await browser.newContext();
  await signIn(await againContext.newPage(), email, "nina second password");
  await againContext.close();
});

test("an admin sets a new password for someone who forgot theirs; the old one stops working", async ({ page, browser }) => {
  const stamp = Date.now();
  const name = `Nora Forgetful ${stamp % 100000}`;
  const email = `nora.${stamp}@northwind.test`;
  await signIn(page, DEMO.ADMIN);
  await page.goto("/admin");
  const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Create user" }) });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("E-mail").fill(email);
  await add.getByLabel("First password").fill("nora first password");
  await add.getByRole("button", { name: "Create user" }).click();
  await expect(add.getByRole("status")).toHaveText(`${name} can now sign in as ${email}.`);

  // Closed by default for someone who has a password; a keyboard user opens it like any disclosure.
  const row = page.getByRole("listitem").filter({ hasText: email });
  await row.getByText("Set a new password").press("Enter");
  const form = row.getByRole("form", { name: `Set a password for ${name}` });
  await form.getByLabel("New password").fill("short");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByText("Use at least 10 characters.")).toBeVisible();
  await form.getByLabel("New password").fill("nora reset password");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByRole("status")).toHaveText(`${name} can now sign in with the new password; any session they had has ended.`);
  await expect(form.getByLabel("New password")).toHaveValue("");
  await expectAccessible(page);
  await shot(page, "admin-set-password");

  const nora = await browser.newContext();
  const noraPage = await nora.newPage();
  await noraPage.goto("/sign-in");
  await noraPage.getByLabel("E-mail").fill(email);
  await noraPage.getByLabel("Password").fill("nora first password");
  await noraPage.getByRole("button", { name: "Sign in" }).click();
  await expect(noraPage.getByRole("status")).not.toBeEmpty();
  await expect(noraPage.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await signIn(noraPage, email, "nora reset password");
  await nora.close();
});
