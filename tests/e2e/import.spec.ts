import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, shot, signIn } from "./support";

// The import wizard end to end: upload a CRM export (two files, with quirks), check the mapping
// and the preview's problems, choose the date order, run it, read the summary; then import the
// same files again and see that nothing changed.
test("an admin imports deals from another CRM through the wizard", async ({ page }) => {
  const n = Date.now() % 1_000_000;
  const accounts = `\uFEFFAccount ID,Account Name,Industry,Employees,Billing Country\r\nE2E-A-${n},"E2E Acme ${n}",Manufacturing,"1,200",EU\r\n`;
  const deals = [
    "Opportunity ID,Opportunity Name,Stage,Close Date,Amount,Account ID,Owner Email,Product",
    `E2E-O1-${n},"Renewal\n${n}",Closed Won,03/04/2027,"$24,000.00",E2E-A-${n},rep@northwind.test,Insight Pro`,
    `E2E-O2-${n},Expansion ${n},Qualification,,,E2E-A-${n},REP@northwind.test ,InsightStarter`,
    `E2E-O3-${n},Broken ${n},Qualification,,lots,E2E-A-${n},rep@northwind.test,Insight Pro`,
  ].join("\r\n");
  const files = [
    { name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(accounts) },
    { name: "opportunities.csv", mimeType: "text/csv", buffer: Buffer.from(deals) },
  ];

  await signIn(page, DEMO.ADMIN);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Import from another CRM" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import from another CRM" })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: a clear error.
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "CSV" })).toHaveText("Choose at least one CSV file.");

  await page.getByLabel("CSV files", { exact: true }).setInputFiles(files);
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page.getByRole("heading", { name: "2. Map columns and check the preview" })).toBeVisible({ timeout: 20_000 });

  // Suggested mapping, from the headers.
  await expect(page.getByLabel("What opportunities.csv holds")).toHaveValue("deals");
  await expect(page.getByLabel("Stage in opportunities.csv")).toHaveValue("2");
  await expect(page.getByLabel("Account ID in opportunities.csv")).toHaveValue("5");
  await expect(page.getByLabel("Stage “Closed Won” (1 row)")).toHaveValue("won");
  await expect(page.getByText("similar spelling, please confirm")).toBeVisible();

  // 03/04/2027 reads either way: the wizard asks, and the preview shows the problem until then.
  await expect(page.getByText("choose the date order").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Start import" })).toBeDisabled();
  await page.getByLabel("Day first (31/12/2027, 31.12.2027)").check();
  const preview = page.getByRole("table", { name: /opportunities\.csv \(Deals\)/ });
  await expect(preview.getByRole("cell", { name: "2027-04-03" })).toBeVisible();
  await expect(preview.getByText("“lots” is not a number.")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "import-mapping");

  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByText("Import finished: 3 created, 0 updated, 0 unchanged, 1 failed.")).toBeVisible({ timeout: 60_000 });
  const summary = page.getByRole("table", { name: "Summary" });
  await expect(summary.getByRole("row", { name: /Deals/ })).toContainText("2");
  await expect(page.getByText(/opportunities\.csv, row 4 \(E2E-O3-\d+\): “lots” is not a number\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Roll back this import" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "import-summary");

  // The same files again: nothing changes.
  await page.getByRole("button", { name: "New import" }).click();
  await page.getByLabel("CSV files", { exact: true }).setInputFiles(files);
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page.getByRole("heading", { name: "2. Map columns and check the preview" })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel("Day first (31/12/2027, 31.12.2027)").check();
  await expect(page.getByRole("button", { name: "Start import" })).toBeEnabled();
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByText("Import finished: 0 created, 0 updated, 3 unchanged, 1 failed.")).toBeVisible({ timeout: 60_000 });

  // The imported deal is in the list, scored.
  await page.goto(`/deals?q=Expansion%20${n}`);
  await expect(page.getByText(`Expansion ${n}`).first()).toBeVisible();
});
