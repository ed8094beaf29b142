import { describe, expect, it } from "vitest";
import { criterionOf, roleOf, suggestMapping, suggestStage, suggestTable } from "@/lib/imports/fields";
import { extractRow, type ImportSettings } from "@/lib/imports/extract";

describe("import: mapping suggestions", () => {
  it("tells the tables apart from file names and headers", () => {
    expect(suggestTable("Opportunities.csv", [])).toBe("deals");
    expect(suggestTable("export.csv", ["Opportunity Name", "Stage", "Close Date"])).toBe("deals");
    expect(suggestTable("export.csv", ["Full Name", "Email", "Role"])).toBe("reps");
    expect(suggestTable("companies.csv", [])).toBe("accounts");
    expect(suggestTable("skus.csv", [])).toBe("products");
  });

  it("suggests columns from CRM header synonyms, checked against sample values", () => {
    const headers = ["Opportunity Name", "Close Date", "Amount", "Account ID", "Owner Email", "Stage", "Opportunity ID", "Notes"];
    const samples = [["Big deal", "3/25/2027", "$1,200", "A-1", "rob@acme.test", "Closed Won", "O-1", "x"]];
    expect(suggestMapping("deals", headers, samples)).toEqual({
      "deal.name": 0, "deal.closeDate": 1, "deal.amount": 2, "account.externalId": 3, "rep.email": 4, "deal.stage": 5, "deal.externalId": 6, "deal.notes": 7,
    });
    expect(suggestMapping("accounts", ["ID", "Name", "Industry", "Employees"], [["A-1", "Acme", "Retail", "1,500"]])).toEqual({
      "account.externalId": 0, "account.name": 1, "account.industry": 2, "account.employees": 3,
    });
    // A header that says "date" over values that are not dates is not trusted.
    expect(suggestMapping("deals", ["Close Date"], [["soon"], ["later"]])).toEqual({ "deal.closeDate": 0 });
  });

  it("maps CRM stages, roles and criteria onto Keel's", () => {
    expect(["Closed Won", "Closed Lost", "Proposal/Price Quote", "Negotiation/Review", "Qualification", "Needs Analysis", "Prospecting", "Something odd"].map(suggestStage))
      .toEqual(["won", "lost", "proposal", "negotiation", "qualifying", "qualifying", "prospecting", null]);
    expect([roleOf("Sales Manager"), roleOf("Account Executive"), roleOf("VP Sales"), roleOf("System Admin"), roleOf(null), roleOf("Astronaut")]).toEqual(["MANAGER", "REP", "LEADER", "ADMIN", "REP", null]);
    expect([criterionOf("Price"), criterionOf("Support"), criterionOf(""), criterionOf("??")]).toEqual(["price", "service", null, "invalid"]);
  });
});

describe("import: a row as Keel will store it", () => {
  const settings: ImportSettings = {
    files: [], dateOrder: "dmy", stages: { closedwon: "won", qualification: "qualifying" }, products: { gtxpro: "p-1" }, teams: {},
  };
  const file = { fileId: "f", table: "deals" as const, columns: { "deal.externalId": 0, "deal.name": 1, "deal.stage": 2, "deal.closeDate": 3, "deal.amount": 4, "account.externalId": 5, "rep.email": 6, "product.name": 7 } };
  const headers = ["ID", "Name", "Stage", "Close", "Amount", "Account", "Owner", "Product"];
  const ctx = { settings, products: [{ key: "p-1", name: "GTX Pro", listPrice: 100 }] };

  it("reads a good row, a product spelled differently, and the price from the amount", () => {
    const [deal] = extractRow(ctx, file, headers, ["O-1", " Big deal ", "closed won", "03/04/2027", "1.200,00 €", "A-1", "ROB@acme.test", "GTXPro"], 1);
    expect(deal).toEqual({
      entity: "deal", key: "O-1", primary: true, problems: [],
      data: { externalId: "O-1", name: "Big deal", stage: "won", closeDate: "2027-04-03", accountKey: "A-1", owner: { email: "rob@acme.test" }, line: { productKey: "p-1", productExternalId: null, quantity: 1, unitPrice: 1200, discountPct: 0 }, amount: 1200 },
    });
  });

  it("lists every problem of a row with its column", () => {
    const [deal] = extractRow(ctx, file, headers, ["", "", "Stalled", "31/31/2027", "lots", "", "", "Nope"], 4);
    expect(deal!.key).toBe("#row:f:4");
    expect(deal!.problems.map((p) => `${p.column}: ${p.message}`)).toEqual([
      "Product: “Nope” is not a product of the published strategy.",
      "ID: Enter the deal ID: re-imports find the deal by it.",
      "Name: Enter the deal name.",
      "Stage: Stage “Stalled” has no Keel stage; choose one in the mapping step.",
      "Close: “31/31/2027” is not a date.",
      "Amount: “lots” is not a number.",
      "Account: Missing account: give the deal's account ID or name.",
      "Owner: Missing owner: give the rep's e-mail address.",
    ]);
  });

  it("allows an empty close date on an open deal, not on a won one", () => {
    expect(extractRow(ctx, file, headers, ["O-2", "Open", "Qualification", "", "", "A-1", "rob@acme.test", ""], 2)[0]!.problems).toEqual([]);
    expect(extractRow(ctx, file, headers, ["O-3", "Won", "Closed Won", "", "", "A-1", "rob@acme.test", ""], 3)[0]!.problems.map((p) => p.message)).toEqual(["A won deal needs its close date."]);
  });

  it("skips empty rows", () => {
    expect(extractRow(ctx, file, headers, ["", " ", ""], 9)).toEqual([]);
  });
});
