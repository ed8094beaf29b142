// One CSV row → the records Keel will store (a deal, its account, its owner and team, a product
// mapping), each with every problem found, per column. Pure: the preview shows exactly what the
// import job writes.
import { FIELDS, criterionOf, roleOf, type ColumnMap, type FieldId, type KeelStage, type Table } from "@/lib/imports/fields";
import { clean, isEmail, normKey, parseDate, parseNumber, type DateOrder, type NumberStyle } from "@/lib/imports/normalize";

export type Entity = "team" | "rep" | "account" | "product" | "deal";
export const PRIMARY: Record<Table, Entity> = { accounts: "account", reps: "rep", products: "product", deals: "deal" };

export type FileSettings = { fileId: string; table: Table; columns: ColumnMap; numberStyle?: NumberStyle };

export type ImportSettings = {
  files: FileSettings[];
  /** How to read numeric dates whose day and month could be swapped (all days ≤ 12). */
  dateOrder: DateOrder | null;
  /** normKey(CRM stage) → Keel stage; "" means not mapped (a row problem). */
  stages: Record<string, KeelStage | "">;
  /** normKey(product name in the files) → key of the published strategy's product; "" = unknown. */
  products: Record<string, string>;
  /** normKey(team name in the files) → the team name to use (spellings confirmed as one team). */
  teams: Record<string, string>;
};

export type Problem = { field: FieldId; column: string; message: string };
export type Item = { entity: Entity; key: string; data: Record<string, unknown>; problems: Problem[]; primary: boolean };

export type ExtractContext = {
  settings: ImportSettings;
  /** The published strategy's products: list prices fill a missing unit price. */
  products: { key: string; name: string; listPrice: number }[];
};

type Cells = (string | null | undefined)[];

const CLOSED = new Set(["won", "lost"]);

/** Reads one row of `file`. Rows without any value give nothing. */
export function extractRow(ctx: ExtractContext, file: FileSettings, headers: string[], cells: Cells, rowNo: number): Item[] {
  if (!cells.some((c) => clean(c ?? null) !== null)) return [];
  const map = file.columns;
  const problems: Problem[] = [];
  const has = (f: FieldId) => map[f] !== undefined && map[f] !== null;
  const text = (f: FieldId) => (has(f) ? clean(cells[map[f]!] ?? null) : null);
  const where = (f: FieldId) => (has(f) ? headers[map[f]!] ?? FIELDS[f].label : FIELDS[f].label);
  const problem = (f: FieldId, message: string) => problems.push({ field: f, column: where(f), message });
  const num = (f: FieldId, opts: { min?: number; max?: number; integer?: boolean } = {}): number | null => {
    const raw = text(f);
    const n = parseNumber(raw, file.numberStyle ?? "dot");
    if (n === null) return null;
    if (Number.isNaN(n)) {
      problem(f, `“${raw}” is not a number.`);
      return null;
    }
    if (opts.min !== undefined && n < opts.min) {
      problem(f, `${FIELDS[f].label} cannot be below ${opts.min}.`);
      return null;
    }
    if (opts.max !== undefined && n > opts.max) {
      problem(f, `${FIELDS[f].label} cannot be above ${opts.max}.`);
      return null;
    }
    return opts.integer ? Math.round(n) : n;
  };
  const items: Item[] = [];

  // ---- account ----
  const accountId = text("account.externalId");
  const accountName = text("account.name");
  const accountKey = accountId ?? (accountName ? `name:${accountName.toLowerCase()}` : null);
  const accountOwn = file.table === "accounts" || has("account.name") && file.table === "deals" && (has("account.industry") || has("account.employees") || has("account.region") || has("account.revenue") || !has("account.externalId"));
  const accountProblems: Problem[] = [];
  if (accountOwn && accountKey) {
    const before = problems.length;
    const data: Record<string, unknown> = { externalId: accountId ?? accountName };
    if (has("account.name")) data.name = accountName;
    if (has("account.industry")) data.industry = text("account.industry");
    if (has("account.employees")) data.employees = num("account.employees", { min: 0, integer: true });
    if (has("account.revenue")) data.revenue = num("account.revenue", { min: 0 });
    if (has("account.region")) data.region = text("account.region");
    if (!accountName && (file.table === "accounts" || has("account.name"))) problem("account.name", "Enter the account name.");
    accountProblems.push(...problems.splice(before));
    items.push({ entity: "account", key: accountKey, data, problems: accountProblems, primary: file.table === "accounts" });
  } else if (file.table === "accounts") {
    problem("account.externalId", "Needs an account ID or name.");
    items.push({ entity: "account", key: `#row:${file.fileId}:${rowNo}`, data: {}, problems: problems.splice(0), primary: true });
  }

  // ---- rep and team ----
  const email = text("rep.email")?.toLowerCase() ?? null;
  const repId = text("rep.externalId");
  const teamRaw = text("rep.team");
  const teamName = teamRaw ? (ctx.settings.teams[normKey(teamRaw)] || teamRaw) : null;
  const repOwn = file.table === "reps" || (file.table === "deals" && has("rep.name"));
  if (repOwn && (email || repId || file.table === "reps")) {
    const before = problems.length;
    if (!email) problem("rep.email", "Enter the rep's e-mail address.");
    else if (!isEmail(email)) problem("rep.email", `“${email}” is not an e-mail address.`);
    const data: Record<string, unknown> = { email };
    if (repId) data.externalId = repId;
    if (has("rep.name")) {
      data.name = text("rep.name");
      if (!data.name) problem("rep.name", "Enter the rep's name.");
    }
    if (has("rep.role")) {
      const role = roleOf(text("rep.role"));
      if (role === "ADMIN") problem("rep.role", "An import never creates admins; add admins on the Admin page.");
      else if (!role) problem("rep.role", `“${text("rep.role")}” is not a role Keel knows (rep, manager, leadership).`);
      else data.role = role;
    }
    if (has("rep.team")) data.team = teamName;
    if (has("rep.managerEmail")) {
      const manager = text("rep.managerEmail")?.toLowerCase() ?? null;
      if (manager && !isEmail(manager)) problem("rep.managerEmail", `“${manager}” is not an e-mail address.`);
      else data.managerEmail = manager;
    }
    const key = email ?? repId ?? `#row:${file.fileId}:${rowNo}`;
    items.push({ entity: "rep", key, data, problems: problems.splice(before), primary: file.table === "reps" });
  }
  if (repOwn && teamName) items.push({ entity: "team", key: normKey(teamName), data: { name: teamName }, problems: [], primary: false });

  // ---- product mapping ----
  const productId = text("product.externalId");
  const productName = text("product.name");
  let productKey: string | null = null;
  if (productName) {
    productKey = ctx.settings.products[normKey(productName)] || null;
    if (!productKey) problem("product.name", `“${productName}” is not a product of the published strategy.`);
  }
  if (file.table === "products" || (productId && productName && file.table === "deals")) {
    if (!productId) problem("product.externalId", "Enter the product ID.");
    if (!productName) problem("product.name", "Enter the product name.");
    const own = file.table === "products" ? problems.splice(0) : problems.filter((p) => p.field.startsWith("product."));
    items.push({ entity: "product", key: productId ?? `#row:${file.fileId}:${rowNo}`, data: { externalId: productId, name: productName, productKey }, problems: own, primary: file.table === "products" });
  }

  if (file.table !== "deals") return items;

  // ---- deal ----
  const dealId = text("deal.externalId");
  if (!dealId) problem("deal.externalId", "Enter the deal ID: re-imports find the deal by it.");
  const name = text("deal.name");
  if (!name) problem("deal.name", "Enter the deal name.");
  else if (name.length > 200) problem("deal.name", "Keep the deal name under 200 characters.");
  const stageRaw = text("deal.stage");
  let stage: KeelStage | null = null;
  if (!stageRaw) problem("deal.stage", "Enter a stage.");
  else {
    stage = ctx.settings.stages[normKey(stageRaw)] || null;
    if (!stage) problem("deal.stage", `Stage “${stageRaw}” has no Keel stage; choose one in the mapping step.`);
  }
  let closeDate: string | null = null;
  const dateRaw = text("deal.closeDate");
  const parsed = parseDate(dateRaw, ctx.settings.dateOrder);
  if (parsed === "invalid") {
    problem("deal.closeDate", ctx.settings.dateOrder === null && /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(dateRaw ?? "")
      ? `“${dateRaw}” reads as day/month or month/day; choose the date order.`
      : `“${dateRaw}” is not a date.`);
  } else closeDate = parsed;
  if (!dateRaw && stage && CLOSED.has(stage)) problem("deal.closeDate", `A ${stage} deal needs its close date.`);

  const amount = num("deal.amount", { min: 0 });
  const quantity = num("deal.quantity", { min: 0 });
  const unitPrice = num("deal.unitPrice", { min: 0 });
  const discountPct = num("deal.discountPct", { min: 0, max: 100 });
  const criterion = criterionOf(text("deal.primaryCriterion"));
  if (criterion === "invalid") problem("deal.primaryCriterion", `“${text("deal.primaryCriterion")}” is not a buying criterion (price, quality, service, speed, innovation, relationship).`);

  if (!accountKey) problem(has("account.externalId") ? "account.externalId" : "account.name", "Missing account: give the deal's account ID or name.");
  const ownerRef = email ? { email } : repId ? { externalId: repId } : null;
  if (!ownerRef) problem(has("rep.email") ? "rep.email" : "rep.externalId", "Missing owner: give the rep's e-mail address.");

  let line: Record<string, unknown> | null = null;
  if (productName || productId) {
    const qty = quantity && quantity > 0 ? quantity : 1;
    const list = ctx.products.find((p) => p.key === productKey)?.listPrice ?? null;
    // No unit price: from the amount, else the product's list price (once the product is known).
    const price = unitPrice ?? (amount !== null ? Math.round((amount / qty / (1 - (discountPct ?? 0) / 100 || 1)) * 100) / 100 : list);
    line = { productKey, productExternalId: productKey ? null : productId, quantity: qty, unitPrice: price, discountPct: discountPct ?? 0 };
  }
  const data: Record<string, unknown> = {
    externalId: dealId, name, stage, closeDate, accountKey, owner: ownerRef,
    // Without a product column the deal's line items are left as they are.
    ...(has("product.name") || has("product.externalId") ? { line } : {}),
    amount: line && line.unitPrice !== null ? Math.round(Number(line.quantity) * Number(line.unitPrice) * (1 - Number(line.discountPct) / 100) * 100) / 100 : amount ?? 0,
  };
  if (has("deal.primaryCriterion")) data.primaryCriterion = criterion === "invalid" ? null : criterion;
  if (has("deal.notes")) data.notes = text("deal.notes") ?? "";
  items.push({ entity: "deal", key: dealId ?? `#row:${file.fileId}:${rowNo}`, data, problems: problems.splice(0), primary: true });
  return items;
}
