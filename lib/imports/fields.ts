// What Keel can import, and how it guesses which CSV column holds which field: header synonyms
// from common CRMs (Salesforce, HubSpot, Pipedrive exports) checked against sample values.
// Pure: used by the mapping step, the job and the unit tests.
import { clean, isEmail, looksLikeDate, normHeader, normKey, parseNumber } from "@/lib/imports/normalize";

export const TABLES = ["accounts", "reps", "products", "deals"] as const;
export type Table = (typeof TABLES)[number];
export const TABLE_LABEL: Record<Table, string> = { accounts: "Accounts", reps: "Reps and teams", products: "Products", deals: "Deals" };

type Kind = "text" | "id" | "email" | "number" | "date";
type FieldDef = { label: string; kind: Kind; synonyms: string[]; tableSynonyms?: Partial<Record<Table, string[]>>; required?: Table[] };

export const FIELDS = {
  "account.externalId": { label: "Account ID", kind: "id", synonyms: ["account id", "company id", "customer id", "organization id", "account external id", "account number"], tableSynonyms: { accounts: ["id", "external id", "record id"] } },
  "account.name": { label: "Account name", kind: "text", synonyms: ["account name", "account", "company name", "company", "customer name", "customer", "organization name", "organization"], tableSynonyms: { accounts: ["name"] }, required: ["accounts"] },
  "account.industry": { label: "Industry", kind: "text", synonyms: ["industry", "sector", "vertical", "account industry"] },
  "account.employees": { label: "Employees", kind: "number", synonyms: ["employees", "employee count", "number of employees", "no of employees", "headcount", "company size"] },
  "account.revenue": { label: "Annual revenue", kind: "number", synonyms: ["annual revenue", "account revenue", "company revenue", "turnover"], tableSynonyms: { accounts: ["revenue"] } },
  "account.region": { label: "Region", kind: "text", synonyms: ["region", "territory", "billing country", "country", "market", "geo"] },
  "rep.externalId": { label: "Rep ID", kind: "id", synonyms: ["user id", "rep id", "owner id", "employee id", "salesperson id"], tableSynonyms: { reps: ["id", "external id", "record id"] } },
  "rep.name": { label: "Rep name", kind: "text", synonyms: ["owner name", "opportunity owner", "deal owner", "owner", "rep name", "sales rep", "full name", "user name", "salesperson"], tableSynonyms: { reps: ["name"] } },
  "rep.email": { label: "Rep e-mail", kind: "email", synonyms: ["owner email", "rep email", "user email", "email address", "email", "e mail", "opportunity owner email", "deal owner email"], required: ["reps"] },
  "rep.role": { label: "Role", kind: "text", synonyms: ["role", "job title", "title", "profile", "position"] },
  "rep.team": { label: "Team", kind: "text", synonyms: ["team", "team name", "sales team", "group", "division"] },
  "rep.managerEmail": { label: "Manager e-mail", kind: "email", synonyms: ["manager email", "reports to email", "manager e mail", "manager", "reports to"] },
  "product.externalId": { label: "Product ID", kind: "id", synonyms: ["product id", "product code", "sku", "item id", "product sku"], tableSynonyms: { products: ["id", "code", "external id"] }, required: ["products"] },
  "product.name": { label: "Product name", kind: "text", synonyms: ["product name", "product", "item name", "item", "product family"], tableSynonyms: { products: ["name"] }, required: ["products"] },
  "deal.externalId": { label: "Deal ID", kind: "id", synonyms: ["opportunity id", "deal id", "opp id", "opportunity external id"], tableSynonyms: { deals: ["id", "external id", "record id"] }, required: ["deals"] },
  "deal.name": { label: "Deal name", kind: "text", synonyms: ["opportunity name", "deal name", "opportunity", "deal", "deal title"], tableSynonyms: { deals: ["name", "title"] }, required: ["deals"] },
  "deal.stage": { label: "Stage", kind: "text", synonyms: ["stage", "deal stage", "opportunity stage", "stage name", "pipeline stage", "status"], required: ["deals"] },
  "deal.closeDate": { label: "Close date", kind: "date", synonyms: ["close date", "expected close date", "closing date", "expected close", "estimated close date", "closed date", "close"] },
  "deal.amount": { label: "Amount", kind: "number", synonyms: ["amount", "deal amount", "opportunity amount", "deal value", "value", "total", "total price"] },
  "deal.quantity": { label: "Quantity", kind: "number", synonyms: ["quantity", "qty", "units", "seats", "licenses", "licences"] },
  "deal.unitPrice": { label: "Unit price", kind: "number", synonyms: ["unit price", "sales price", "price", "list price"] },
  "deal.discountPct": { label: "Discount %", kind: "number", synonyms: ["discount", "discount percent", "discount pct", "discount percentage"] },
  "deal.primaryCriterion": { label: "Main buying criterion", kind: "text", synonyms: ["primary criterion", "buying criterion", "primary buying criterion", "decision criterion", "main criterion"] },
  "deal.notes": { label: "Notes", kind: "text", synonyms: ["notes", "description", "comments", "next step"] },
} as const satisfies Record<string, FieldDef>;

export type FieldId = keyof typeof FIELDS;
export const FIELD_IDS = Object.keys(FIELDS) as FieldId[];

/** The fields a file of each table may map: a deals file may also carry its account, owner and product. */
export const TABLE_FIELDS: Record<Table, FieldId[]> = {
  accounts: FIELD_IDS.filter((f) => f.startsWith("account.")),
  reps: FIELD_IDS.filter((f) => f.startsWith("rep.")),
  products: FIELD_IDS.filter((f) => f.startsWith("product.")),
  deals: [...FIELD_IDS.filter((f) => f.startsWith("deal.")), ...FIELD_IDS.filter((f) => !f.startsWith("deal."))],
};

export type ColumnMap = Partial<Record<FieldId, number>>;

/** Which table a file holds, from its name and headers. */
export function suggestTable(fileName: string, headers: string[]): Table {
  const name = fileName.toLowerCase();
  if (/opportunit|deal|pipeline/.test(name)) return "deals";
  if (/account|compan|customer|organi[sz]ation/.test(name)) return "accounts";
  if (/user|rep|owner|people|team|staff|employee/.test(name)) return "reps";
  if (/product|item|sku|catalog/.test(name)) return "products";
  const h = headers.map(normHeader);
  const has = (re: RegExp) => h.some((x) => re.test(x));
  if (has(/stage|opportunity|close date|deal/)) return "deals";
  if (has(/e ?mail/) && !has(/industry|employees/)) return "reps";
  if (has(/product|sku/) && !has(/industry/)) return "products";
  return "accounts";
}

function valuesFit(kind: Kind, values: string[]): number {
  const present = values.map((v) => clean(v)).filter((v): v is string => v !== null);
  if (!present.length) return 0.5;
  const share = (test: (v: string) => boolean) => present.filter(test).length / present.length;
  switch (kind) {
    case "email":
      return share(isEmail);
    case "date":
      return share(looksLikeDate);
    case "number":
      return share((v) => !Number.isNaN(parseNumber(v)));
    case "id":
    case "text":
      return 1 - share(isEmail) * 0.5;
  }
}

/**
 * Suggests a column for each field of the table: header synonyms (exact, then contained), checked
 * against sample values; each column and each field used once, best matches first.
 */
export function suggestMapping(table: Table, headers: string[], samples: string[][]): ColumnMap {
  const normalized = headers.map(normHeader);
  const candidates: { field: FieldId; column: number; score: number }[] = [];
  for (const field of TABLE_FIELDS[table]) {
    const def: FieldDef = FIELDS[field];
    const synonyms = [...(def.tableSynonyms?.[table] ?? []), ...def.synonyms];
    normalized.forEach((header, column) => {
      let score = 0;
      synonyms.forEach((s, i) => {
        if (header === s) score = Math.max(score, 100 - i);
        else if (s.length > 3 && (` ${header} `.includes(` ${s} `))) score = Math.max(score, 50 - i);
      });
      if (!score) return;
      const fit = valuesFit(def.kind, samples.map((row) => row[column] ?? ""));
      if (fit < 0.5) score *= 0.3;
      // A deal file's own name column is the deal's, an account file's the account's, and so on.
      if (field.startsWith(`${table.replace(/s$/, "")}.`)) score += 5;
      candidates.push({ field, column, score });
    });
  }
  // Columns no header matched but whose values are e-mail addresses: the owner's.
  candidates.sort((a, b) => b.score - a.score);
  const map: ColumnMap = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (map[c.field] !== undefined || used.has(c.column)) continue;
    map[c.field] = c.column;
    used.add(c.column);
  }
  if (map["rep.email"] === undefined && TABLE_FIELDS[table].includes("rep.email")) {
    const column = headers.findIndex((_, i) => !used.has(i) && valuesFit("email", samples.map((r) => r[i] ?? "")) > 0.8 && samples.some((r) => clean(r[i]) !== null));
    if (column >= 0) map["rep.email"] = column;
  }
  return map;
}

// ---- values -------------------------------------------------------------------------------

export const KEEL_STAGES = ["prospecting", "qualifying", "proposal", "negotiation", "won", "lost"] as const;
export type KeelStage = (typeof KEEL_STAGES)[number];

/** A CRM's stage name → Keel's stage, when it is recognisable ("Closed Won", "Proposal/Price Quote"). */
export function suggestStage(raw: string): KeelStage | null {
  const k = normKey(raw);
  if (!k) return null;
  if (/won|booked|signed|win$/.test(k)) return "won";
  if (/lost|disqual|dead|churn|cancel|noclose/.test(k)) return "lost";
  if (/negot|contract|legal|commit|verbal|review/.test(k)) return "negotiation";
  if (/propos|quote|pricing/.test(k)) return "proposal";
  if (/qualif|analysis|discover|demo|evaluat|decisionmaker|valueprop|perception|solution/.test(k)) return "qualifying";
  if (/prospect|lead|new|open|identif|contacted|initial/.test(k)) return "prospecting";
  return null;
}

export const IMPORT_ROLES = ["REP", "MANAGER", "LEADER"] as const;
export type ImportRole = (typeof IMPORT_ROLES)[number];

/** A job title → Keel role; admins are never created by an import (null: a row problem). */
export function roleOf(raw: string | null): ImportRole | "ADMIN" | null {
  if (!raw) return "REP";
  const k = normHeader(raw);
  if (/admin/.test(k)) return "ADMIN";
  if (/\b(vp|vice|chief|cro|ceo|head|director|leader|leadership|executive team)\b/.test(k)) return "LEADER";
  if (/manag|team lead|supervisor/.test(k)) return "MANAGER";
  if (/\b(rep|representative|account executive|ae|sdr|bdr|sales|seller|account manager|am)\b/.test(k)) return "REP";
  return null;
}

const CRITERION_WORDS: Record<string, string> = {
  price: "price", cost: "price", budget: "price", cheap: "price",
  quality: "quality", reliability: "quality",
  service: "service", support: "service",
  speed: "speed", time: "speed", fast: "speed", delivery: "speed",
  innovation: "innovation", features: "innovation", technology: "innovation",
  relationship: "relationship", trust: "relationship", partnership: "relationship",
};

export function criterionOf(raw: string | null): string | null | "invalid" {
  if (!raw) return null;
  const k = normKey(raw);
  for (const [word, criterion] of Object.entries(CRITERION_WORDS)) if (k.includes(word)) return criterion;
  return "invalid";
}
