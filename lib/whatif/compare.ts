// What-if, the pure part: a deal's current facts beside its score under a draft, the run's
// headline sentence, and what the draft changes. No I/O: the job (lib/whatif/run.ts) feeds it.
import { dealFacts, scoreDeal } from "@/lib/scoring";
import type { DealInput, StrategySnapshot } from "@/lib/scoring/types";
import { ruleLabel } from "@/lib/dashboard/labels";
import type { SectionDiff } from "@/lib/strategy/compare";

export type CurrentDeal = {
  id: string;
  revision: number;
  input: DealInput;
  current: { score: number | null; offStrategy: boolean; amount: number; ownerId: string; teamId: string | null; findingRules: string[] | null };
};

/** Column arrays, ready for one INSERT … SELECT FROM unnest(…) per batch. */
export type ComparedBatch = {
  dealId: string[]; revision: number[]; amount: number[]; ownerId: string[]; teamId: (string | null)[];
  segmentKey: (string | null)[]; productKey: (string | null)[];
  scoreBefore: (number | null)[]; offBefore: boolean[]; scoreAfter: number[]; offAfter: boolean[];
  /** Comma-joined rule ids (rule ids never contain commas). */
  rulesAdded: string[]; rulesRemoved: string[]; criticalRules: string[];
};

export function compareBatch(batch: CurrentDeal[], draft: StrategySnapshot): ComparedBatch {
  const out: ComparedBatch = {
    dealId: [], revision: [], amount: [], ownerId: [], teamId: [], segmentKey: [], productKey: [],
    scoreBefore: [], offBefore: [], scoreAfter: [], offAfter: [], rulesAdded: [], rulesRemoved: [], criticalRules: [],
  };
  for (const deal of batch) {
    const result = scoreDeal(deal.input, draft);
    const facts = dealFacts(deal.input, draft, result);
    const before = deal.current.findingRules ?? [];
    const critical: string[] = [];
    for (const f of result.findings) if (f.severity === "critical" && !critical.includes(f.ruleId)) critical.push(f.ruleId);
    out.dealId.push(deal.id);
    out.revision.push(deal.revision);
    out.amount.push(deal.current.amount);
    out.ownerId.push(deal.current.ownerId);
    out.teamId.push(deal.current.teamId);
    out.segmentKey.push(facts.segmentKey);
    out.productKey.push(facts.productKey);
    out.scoreBefore.push(deal.current.score);
    out.offBefore.push(deal.current.offStrategy);
    out.scoreAfter.push(result.score);
    out.offAfter.push(result.offStrategy);
    out.rulesAdded.push(facts.findingRules.filter((r) => !before.includes(r)).join(","));
    out.rulesRemoved.push(before.filter((r) => !facts.findingRules.includes(r)).join(","));
    out.criticalRules.push(critical.join(","));
  }
  return out;
}

// ---- the run's summary -----------------------------------------------------------------------

export type Movement = { deals: number; value: number };
export type DimensionRow = {
  key: string | null;
  deals: number; value: number;
  toOff: Movement; toAligned: Movement;
  /** Mean change of score, draft minus now (deals that had a score). */
  avgDelta: number | null;
};
export type RuleRow = { rule: string; toOff: Movement; toAligned: Movement };
export type Mover = { dealId: string; amount: number; scoreBefore: number | null; scoreAfter: number; offBefore: boolean; offAfter: boolean };

export type WhatIfSummary = {
  deals: number;
  value: number;
  offBefore: Movement;
  offAfter: Movement;
  avgBefore: number | null;
  avgAfter: number | null;
  toOff: Movement;
  toAligned: Movement;
  scoreChanged: number;
  /** Rules behind deals turning off-strategy (their critical findings under the draft) and behind deals turning aligned (rules no longer taking points). */
  rules: RuleRow[];
  teams: DimensionRow[];
  reps: DimensionRow[];
  segments: DimensionRow[];
  products: DimensionRow[];
  movers: Mover[];
};

export const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const pct = (x: number) => `${Math.round(x * 100)} %`;


/**
 * One sentence for the top of the result, e.g. "Under this draft, 18 % of open pipeline value
 * turns off-strategy (412 deals), mostly because of “Discount over allowance” in Mid-market."
 */
export function headline(summary: WhatIfSummary, names: { segment: (key: string | null) => string }): string {
  if (summary.deals === 0) return "There are no open deals to score against this draft.";
  const parts: string[] = [];
  if (summary.toOff.deals) {
    const topRule = [...summary.rules].sort((a, b) => b.toOff.value - a.toOff.value || b.toOff.deals - a.toOff.deals)[0];
    const topSegment = [...summary.segments].sort((a, b) => b.toOff.value - a.toOff.value || b.toOff.deals - a.toOff.deals)[0];
    const because = topRule && topRule.toOff.deals
      ? `, mostly because of “${ruleLabel(topRule.rule)}”${topSegment && topSegment.toOff.deals && share(topSegment.toOff.value, summary.toOff.value) >= 0.4 ? ` in ${topSegment.key ? names.segment(topSegment.key) : "accounts outside every segment"}` : ""}`
      : "";
    parts.push(`${pct(share(summary.toOff.value, summary.value))} of open pipeline value turns off-strategy (${count(summary.toOff.deals)})${because}`);
  }
  if (summary.toAligned.deals) {
    parts.push(`${pct(share(summary.toAligned.value, summary.value))} turns aligned (${count(summary.toAligned.deals)})`);
  }
  if (!parts.length) {
    return summary.scoreChanged
      ? `No open deal changes between aligned and off-strategy under this draft; ${count(summary.scoreChanged)} ${summary.scoreChanged === 1 ? "changes" : "change"} score.`
      : "Nothing changes: every open deal scores exactly as it does now.";
  }
  return `Under this draft, ${parts.join(", and ")}.`;
}

const count = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "deal" : "deals"}`;

// ---- what the draft changes ------------------------------------------------------------------

const SCORED_SECTIONS = new Set(["valueProposition", "segments", "capabilities", "guardrails", "products"]);
const NOUN: Record<string, string> = { segments: "segment", capabilities: "capability", guardrails: "guardrail", products: "product" };
const FIELD_LABEL: Record<string, string> = {
  valuePosition: "value position", status: "status", maxDiscountPct: "maximum discount", listPrice: "list price",
  expectedDate: "expected date", aliases: "aliases", industries: "industries", regions: "regions", priority: "priority",
  employeeMin: "minimum employees", employeeMax: "maximum employees", revenueMin: "minimum revenue", revenueMax: "maximum revenue",
  name: "name", buyingCriteria: "buying criteria",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  if (typeof value === "number") return value.toLocaleString("en");
  return String(value).replaceAll("_", " ").toLowerCase();
}

const signed = (n: unknown) => (typeof n === "number" ? (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0") : show(n));

/** The changes that can move a score, in words: "Value position: −20 → +60", "AI pricing: status beta → not offered". */
export function describeChanges(diffs: SectionDiff[]): string[] {
  const lines: string[] = [];
  for (const diff of diffs) {
    if (!SCORED_SECTIONS.has(diff.section)) continue;
    const noun = NOUN[diff.section] ?? diff.section;
    for (const item of diff.added) lines.push(`New ${noun}: ${item.name}`);
    for (const item of diff.removed) lines.push(`Removed ${noun}: ${item.name}`);
    for (const item of diff.changed) {
      for (const change of item.changes) {
        if (!(change.field in FIELD_LABEL)) continue;
        if (change.field === "valuePosition") lines.push(`Value position: ${signed(change.before)} → ${signed(change.after)}`);
        else lines.push(`${item.name}: ${FIELD_LABEL[change.field]} ${show(change.before)} → ${show(change.after)}`);
      }
    }
  }
  return lines;
}
