// Compares two strategy versions section by section: what was added, removed and changed.
// Pure: items are matched by their stable key, so a renamed capability shows as changed.
import type { StrategyContent } from "@/lib/strategy/content";
import type { Section } from "@/lib/validations/strategy";

export type FieldChange = { field: string; before: unknown; after: unknown };
export type ItemChange = { key: string; name: string; changes: FieldChange[] };
export type SectionDiff = {
  section: Section;
  added: { key: string; name: string }[];
  removed: { key: string; name: string }[];
  changed: ItemChange[];
};

type Comparable = Pick<StrategyContent, "mission" | "valueProposition" | "segments" | "capabilities" | "guardrails" | "products" | "targets">;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== "key");
  return fields.filter((f) => !same(before[f], after[f])).map((field) => ({ field, before: before[field], after: after[field] }));
}

function itemName(section: Section, item: Record<string, unknown>): string {
  if (section === "targets") return `${String(item.metric)} · ${String(item.period)} · ${String(item.scope)}`;
  return String(item.name);
}

function diffList(section: Exclude<Section, "mission" | "valueProposition">, a: Comparable, b: Comparable): SectionDiff {
  const before = new Map(a[section].map((i) => [i.key, i as unknown as Record<string, unknown>]));
  const after = new Map(b[section].map((i) => [i.key, i as unknown as Record<string, unknown>]));
  const diff: SectionDiff = { section, added: [], removed: [], changed: [] };
  for (const [key, item] of after) {
    const old = before.get(key);
    if (!old) diff.added.push({ key, name: itemName(section, item) });
    else {
      const changes = fieldChanges(old, item);
      if (changes.length) diff.changed.push({ key, name: itemName(section, item), changes });
    }
  }
  for (const [key, item] of before) if (!after.has(key)) diff.removed.push({ key, name: itemName(section, item) });
  return diff;
}

export function compareVersions(a: Comparable, b: Comparable): SectionDiff[] {
  const single = (section: "mission" | "valueProposition"): SectionDiff => {
    const changes = fieldChanges(a[section], b[section]);
    return { section, added: [], removed: [], changed: changes.length ? [{ key: section, name: section, changes }] : [] };
  };
  return [
    single("mission"),
    single("valueProposition"),
    diffList("segments", a, b),
    diffList("capabilities", a, b),
    diffList("guardrails", a, b),
    diffList("products", a, b),
    diffList("targets", a, b),
  ];
}

export const diffIsEmpty = (diffs: SectionDiff[]) => diffs.every((d) => !d.added.length && !d.removed.length && !d.changed.length);
