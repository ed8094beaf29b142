import { describe, expect, it } from "vitest";
import { clean, detectDateOrder, detectNumberStyle, normKey, parseDate, parseNumber, variantGroups } from "@/lib/imports/normalize";

describe("import: reading cells like a person", () => {
  it("trims spaces, BOMs and non-breaking spaces; empty is null", () => {
    expect(clean("\uFEFF Acme \u00A0")).toBe("Acme");
    expect(clean("   ")).toBeNull();
  });

  it("reads numbers with thousands separators, currency symbols and decimal commas", () => {
    expect(parseNumber("$1,200.50")).toBe(1200.5);
    expect(parseNumber("1.200,50 €")).toBe(1200.5);
    expect(parseNumber("1 200")).toBe(1200);
    expect(parseNumber("EUR 99")).toBe(99);
    expect(parseNumber("(300)")).toBe(-300);
    expect(parseNumber("12 %")).toBe(12);
    expect(parseNumber("1,5", "comma")).toBe(1.5);
    expect(parseNumber("1.200", "comma")).toBe(1200);
    expect(parseNumber("1,200")).toBe(1200);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("lots")).toBeNaN();
    expect(parseNumber("1,2,3")).toBeNaN();
  });

  it("guesses a column's decimal separator", () => {
    expect(detectNumberStyle(["1.200,50", "12,5"])).toBe("comma");
    expect(detectNumberStyle(["1,200.50", "3"])).toBe("dot");
    expect(detectNumberStyle(["1200"])).toBe("dot");
  });

  it("reads ISO, M/D/YYYY and D.M.YYYY dates, and asks when every day is 12 or less", () => {
    expect(parseDate("2027-03-31", null)).toBe("2027-03-31");
    expect(parseDate("2027-03-31T10:00:00Z", null)).toBe("2027-03-31");
    expect(parseDate("3/25/2027", null)).toBe("2027-03-25");
    expect(parseDate("25.3.2027", null)).toBe("2027-03-25");
    expect(parseDate("03/04/2027", null)).toBe("invalid");
    expect(parseDate("03/04/2027", "dmy")).toBe("2027-04-03");
    expect(parseDate("03/04/2027", "mdy")).toBe("2027-03-04");
    expect(parseDate("31/31/2027", "dmy")).toBe("invalid");
    expect(parseDate("31.04.2027", "dmy")).toBe("invalid");
    expect(parseDate("5 Mar 2027", null)).toBe("2027-03-05");
    expect(parseDate("March 5, 2027", null)).toBe("2027-03-05");
    expect(parseDate("", "dmy")).toBeNull();
    expect(detectDateOrder(["03/04/2027", "12/01/2027"])).toEqual({ order: null, ambiguous: true, numeric: 2 });
    expect(detectDateOrder(["03/04/2027", "3/25/2027"])).toMatchObject({ order: "mdy", ambiguous: false });
    expect(detectDateOrder(["03/04/2027", "25/3/2027"])).toMatchObject({ order: "dmy", ambiguous: false });
    expect(detectDateOrder(["3.4.2027", "1.2.2027"])).toMatchObject({ order: "dmy", ambiguous: false });
    expect(detectDateOrder(["2027-01-01"])).toMatchObject({ order: null, ambiguous: false });
  });

  it("groups names that differ only in spacing, case or punctuation", () => {
    expect(normKey("GTX Pro")).toBe(normKey("GTXPro"));
    expect(normKey("Café-Plus")).toBe("cafeplus");
    expect(variantGroups([{ value: "GTX Pro", count: 3 }, { value: "GTXPro", count: 1 }, { value: "gtx pro ", count: 1 }, { value: "Other", count: 2 }])).toEqual([
      { key: "gtxpro", spellings: [{ value: "GTX Pro", count: 3 }, { value: "GTXPro", count: 1 }, { value: "gtx pro", count: 1 }] },
      { key: "other", spellings: [{ value: "Other", count: 2 }] },
    ]);
  });
});
