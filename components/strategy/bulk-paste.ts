// Bulk paste for the capability catalog: one capability per line,
//   name | status | expected date | aliases (separated by ; or ,) | description
// e.g. "AI dynamic pricing | roadmap | 2027-06-30 | automatic price optimisation; machine learning pricing".
// Pure: the editor shows the parsed rows for review before they join the table.
import { CAPABILITY_STATUSES, normalizeName } from "@/lib/validations/strategy";
import { newKey, splitList, type CapabilityRow } from "./form-model";

export type PastedCapability = {
  line: number;
  name: string;
  status: CapabilityRow["status"];
  expectedDate: string;
  aliases: string[];
  description: string;
  /** The key of the row with the same name already in the table: the paste updates it. */
  updatesKey: string | null;
  error: string | null;
};

const STATUS_WORDS: Record<string, CapabilityRow["status"]> = {
  available: "available", ga: "available", live: "available", yes: "available",
  beta: "beta", preview: "beta", pilot: "beta",
  roadmap: "roadmap", planned: "roadmap",
  not_offered: "not_offered", notoffered: "not_offered", no: "not_offered", not: "not_offered", unavailable: "not_offered",
};

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function parseCapabilityPaste(text: string, existing: { key: string; name: string }[]): PastedCapability[] {
  const byName = new Map(existing.map((r) => [normalizeName(r.name), r.key]));
  const seen = new Map<string, number>();
  const out: PastedCapability[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineText = raw.trim();
    if (!lineText || lineText.startsWith("#")) return;
    const cells = lineText.split(/\t|\|/).map((c) => c.trim());
    const [name = "", statusText = "", date = "", aliasText = "", ...rest] = cells;
    const statusKey = statusText.toLowerCase().replace(/[\s-]+/g, "_");
    const status = statusKey === "" ? "available" : STATUS_WORDS[statusKey] ?? STATUS_WORDS[statusKey.replace(/_/g, "")];
    const line = index + 1;
    let error: string | null = null;
    if (!name) error = "The name is missing (it comes first).";
    else if (!status) error = `Unknown status “${statusText}”: use ${CAPABILITY_STATUSES.join(", ").replace("not_offered", "not offered")}.`;
    else if (date && !isRealDate(date)) error = `“${date}” is not a date like 2027-06-30.`;
    else if (status === "roadmap" && !date) error = "A roadmap capability needs an expected date (third column).";
    const normalized = normalizeName(name);
    if (!error && seen.has(normalized)) error = `Also on line ${seen.get(normalized)}: each name once.`;
    if (name) seen.set(normalized, line);
    out.push({
      line,
      name,
      status: status ?? "available",
      expectedDate: status === "roadmap" ? date : "",
      aliases: splitList(aliasText),
      description: rest.join(" | ").trim(),
      updatesKey: byName.get(normalized) ?? null,
      error,
    });
  });
  return out;
}

/** Adds the pasted capabilities to the table: new rows at the end, same names updated in place. */
export function applyPaste(rows: CapabilityRow[], pasted: PastedCapability[]): CapabilityRow[] {
  const good = pasted.filter((p) => !p.error);
  const updates = new Map(good.filter((p) => p.updatesKey).map((p) => [p.updatesKey!, p]));
  const merged = rows.map((row) => {
    const p = updates.get(row.key);
    if (!p) return row;
    return {
      ...row,
      status: p.status,
      expectedDate: p.expectedDate,
      aliases: p.aliases.length ? p.aliases.join(", ") : row.aliases,
      description: p.description || row.description,
    };
  });
  const added = good
    .filter((p) => !p.updatesKey)
    .map((p): CapabilityRow => ({
      key: newKey(), name: p.name, status: p.status, expectedDate: p.expectedDate, aliases: p.aliases.join(", "), description: p.description,
    }));
  return [...merged, ...added];
}
