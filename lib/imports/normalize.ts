// Pure helpers that read CSV cells the way a person would: dates in several orders, numbers with
// thousands separators and currency symbols, names that differ only in spacing, case or
// punctuation. No I/O: shared by the preview, the import job and the unit tests.

/** Trims a cell (spaces, tabs, non-breaking spaces, a stray BOM) and turns "" into null. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.replace(/^[\s\uFEFF\u00A0]+|[\s\uFEFF\u00A0]+$/g, "");
  return v === "" ? null : v;
}

/** What two spellings of one name share: lower case, letters and digits only ("GTX Pro" = "gtxpro"). */
export function normKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** A header or label compared loosely: lower case, words separated by one space. */
export function normHeader(value: string): string {
  return value
    .replace(/^\uFEFF/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// ---- numbers ------------------------------------------------------------------------------

export type NumberStyle = "dot" | "comma"; // which character is the decimal separator

/**
 * Guesses a column's decimal separator from its values: "1.200,50" or "12,5" say comma; "1,200.50"
 * or "12.5" say dot. Values that say nothing ("1,200", "1200") leave the default, dot.
 */
export function detectNumberStyle(values: Iterable<string>): NumberStyle {
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const v = raw.replace(/[^\d.,]/g, "");
    if (/\d\.\d{3},\d+$/.test(v) || /^\d+,\d{1,2}$/.test(v) || /\d,\d{1,2}$/.test(v)) comma++;
    else if (/\d,\d{3}\.\d+$/.test(v) || /^\d+\.\d{1,2}$/.test(v) || /\d\.\d{1,2}$/.test(v)) dot++;
  }
  return comma > dot ? "comma" : "dot";
}

/**
 * "$1,200.50", "1.200,50 €", "1 200", "(300)", "12 %", "EUR 99" → a number; null when empty;
 * NaN when it is not a number at all.
 */
export function parseNumber(raw: string | null | undefined, style: NumberStyle = "dot"): number | null {
  const value = clean(raw);
  if (value === null) return null;
  let v = value;
  let negative = false;
  if (/^\(.*\)$/.test(v)) {
    negative = true;
    v = v.slice(1, -1);
  }
  // Currency symbols and codes, percent signs, spaces used as thousands separators.
  v = v.replace(/[$€£¥₹%\s\u00A0\u202F']/g, "").replace(/^(usd|eur|gbp|chf|jpy|cad|aud)/i, "").replace(/(usd|eur|gbp|chf|jpy|cad|aud)$/i, "");
  if (v.startsWith("-")) {
    negative = !negative;
    v = v.slice(1);
  } else if (v.endsWith("-")) {
    negative = !negative;
    v = v.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(v) || !/\d/.test(v)) return Number.NaN;
  const [thousands, decimal] = style === "comma" ? [".", ","] : [",", "."];
  const hasBoth = v.includes(",") && v.includes(".");
  if (hasBoth) {
    // The last separator is the decimal one, whatever the column's style.
    const lastComma = v.lastIndexOf(",");
    const lastDot = v.lastIndexOf(".");
    const dec = lastComma > lastDot ? "," : ".";
    const th = dec === "," ? "." : ",";
    if (!new RegExp(`^\\d{1,3}(\\${th}\\d{3})*\\${dec}\\d+$`).test(v)) return Number.NaN;
    v = v.split(th).join("").replace(dec, ".");
  } else if (v.includes(thousands)) {
    const parts = v.split(thousands);
    // "1,200" / "1,200,000" are thousands; "1,5" in a dot column is a decimal comma all the same.
    if (parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && parts[0]!.length >= 1 && parts[0]!.length <= 3) {
      v = parts.join("");
    } else if (parts.length === 2) {
      v = `${parts[0]}.${parts[1]}`;
    } else {
      return Number.NaN;
    }
  } else if (v.includes(decimal)) {
    if (v.split(decimal).length !== 2) return Number.NaN;
    v = v.replace(decimal, ".");
  }
  const n = Number(v);
  if (!Number.isFinite(n)) return Number.NaN;
  return negative ? -n : n;
}

// ---- dates --------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  januar: 1, februar: 2, marz: 3, mai: 5, juni: 6, juli: 7, okt: 10, dez: 12,
};

type DateParts = { kind: "iso"; y: number; m: number; d: number } | { kind: "numeric"; a: number; b: number; y: number; sep: string } | { kind: "named"; y: number; m: number; d: number };

function dateParts(value: string): DateParts | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (m) return { kind: "iso", y: +m[1]!, m: +m[2]!, d: +m[3]! };
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (m) return { kind: "iso", y: +m[1]!, m: +m[2]!, d: +m[3]! };
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T][\d:.]+(?:\s?[AP]M)?)?$/i.exec(value);
  if (m) {
    const y = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    return { kind: "numeric", a: +m[1]!, b: +m[3]!, y, sep: m[2]! };
  }
  // "5 Mar 2026", "March 5, 2026", "05-Mar-2026"
  m = /^(\d{1,2})[\s-]+([a-zä]+)\.?[\s-]+(\d{4})$/i.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase().replace("ä", "a").slice(0, 4)] ?? MONTHS[m[2]!.toLowerCase().slice(0, 3)];
    return month ? { kind: "named", y: +m[3]!, m: month, d: +m[1]! } : null;
  }
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(value);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase().slice(0, 4)] ?? MONTHS[m[1]!.toLowerCase().slice(0, 3)];
    return month ? { kind: "named", y: +m[3]!, m: month, d: +m[2]! } : null;
  }
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 April
  return date.toISOString().slice(0, 10);
}

export type DateOrder = "dmy" | "mdy";

/**
 * What the values of a date column say about their order: "mdy" when some second number is over 12
 * (3/25/2026), "dmy" when some first number is (25/3/2026) or the dots of D.M.YYYY, null when every
 * sampled value reads either way (all days ≤ 12): then the admin is asked.
 */
export function detectDateOrder(values: Iterable<string>): { order: DateOrder | null; ambiguous: boolean; numeric: number } {
  let dmy = 0;
  let mdy = 0;
  let dotted = 0;
  let numeric = 0;
  for (const raw of values) {
    const v = clean(raw);
    if (!v) continue;
    const p = dateParts(v);
    if (p?.kind !== "numeric") continue;
    numeric++;
    if (p.sep === ".") dotted++;
    if (p.a > 12 && p.b <= 12) dmy++;
    else if (p.b > 12 && p.a <= 12) mdy++;
  }
  if (dmy && !mdy) return { order: "dmy", ambiguous: false, numeric };
  if (mdy && !dmy) return { order: "mdy", ambiguous: false, numeric };
  if (!numeric) return { order: null, ambiguous: false, numeric };
  // D.M.YYYY is the dotted convention; slashes with every day ≤ 12 (or contradicting values) are asked.
  if (dotted === numeric && !mdy) return { order: "dmy", ambiguous: false, numeric };
  return { order: null, ambiguous: true, numeric };
}

/** A cell as YYYY-MM-DD; null when empty; "invalid" when it is not a date (or not in `order`). */
export function parseDate(raw: string | null | undefined, order: DateOrder | null): string | null | "invalid" {
  const value = clean(raw);
  if (value === null) return null;
  const p = dateParts(value);
  if (!p) return "invalid";
  if (p.kind !== "numeric") return valid(p.y, p.m, p.d) ?? "invalid";
  const effective = order ?? (p.a > 12 ? "dmy" : p.b > 12 ? "mdy" : p.sep === "." ? "dmy" : null);
  if (!effective) return "invalid";
  return (effective === "dmy" ? valid(p.y, p.b, p.a) : valid(p.y, p.a, p.b)) ?? "invalid";
}

export function looksLikeDate(raw: string): boolean {
  const v = clean(raw);
  return !!v && dateParts(v) !== null;
}

// ---- names --------------------------------------------------------------------------------

export type VariantGroup = { key: string; spellings: { value: string; count: number }[] };

/**
 * Groups spellings that share a normKey. Groups of more than one spelling are offered to the
 * admin as one thing to confirm ("GTX Pro", "GTXPro", "gtx pro").
 */
export function variantGroups(values: Iterable<{ value: string; count: number }>): VariantGroup[] {
  const groups = new Map<string, Map<string, number>>();
  for (const { value, count } of values) {
    const v = clean(value);
    if (!v) continue;
    const key = normKey(v);
    if (!key) continue;
    const g = groups.get(key) ?? groups.set(key, new Map()).get(key)!;
    g.set(v, (g.get(v) ?? 0) + count);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, spellings: [...g.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
