import { type CompiledSegment, type CompiledStrategy, normaliseLabel } from "../compile";
import { POINTS } from "../policy";
import type { DealInput, Finding } from "../types";

// Rule 6: the account against the target segments. A segment matches when every constraint it
// sets matches (an empty list or a null bound sets no constraint). An account field that is
// unknown does not satisfy a constraint: we neither accuse an account of being in an avoided
// segment nor credit it with a target segment on missing data.

type Account = DealInput["account"];

function inList(value: string | null, list: ReadonlySet<string> | null): boolean {
  return list === null || (value !== null && list.has(value));
}

function inRange(value: number | null, min: number | null, max: number | null): boolean {
  if (min === null && max === null) return true;
  if (value === null) return false;
  return (min === null || value >= min) && (max === null || value <= max);
}

/** `industry` and `region` are the account's, normalised once (normaliseLabel) for all segments. */
function segmentMatches(
  { segment, industries, regions }: CompiledSegment,
  account: Account,
  industry: string | null,
  region: string | null,
): boolean {
  return (
    inList(industry, industries) &&
    inList(region, regions) &&
    inRange(account.employees, segment.employeeMin, segment.employeeMax) &&
    inRange(account.revenue, segment.revenueMin, segment.revenueMax)
  );
}

function firstMatch(segments: CompiledSegment[], account: Account, industry: string | null, region: string | null): CompiledSegment | null {
  for (const s of segments) if (segmentMatches(s, account, industry, region)) return s;
  return null;
}

export function segmentFindings(deal: DealInput, c: CompiledStrategy, out: Finding[]): void {
  const account = deal.account;
  const subject = { kind: "account" as const };
  const industry = account.industry === null ? null : normaliseLabel(account.industry);
  const region = account.region === null ? null : normaliseLabel(account.region);
  const avoided = firstMatch(c.avoidSegments, account, industry, region)?.segment;
  if (avoided) {
    // An avoided segment wins over a target one: "avoid" is the more deliberate statement.
    out.push({
      ruleId: "segment.avoided",
      severity: "critical",
      points: POINTS.avoidedSegment,
      area: "segmentFit",
      message: `${account.name} is in ${avoided.name}, a segment our strategy says to avoid.`,
      evidence: { subject, segmentId: avoided.id, segmentName: avoided.name, account: { ...account } },
      remedy: "Talk to your manager before investing more in this deal.",
    });
    return;
  }
  if (c.targetSegments.length === 0) return;
  if (firstMatch(c.targetSegments, account, industry, region)) return;
  const missing = (["industry", "employees", "revenue", "region"] as const).filter((k) => account[k] === null);
  out.push({
    ruleId: "segment.untargeted",
    severity: "warning",
    points: POINTS.untargetedSegment,
    area: "segmentFit",
    message:
      missing.length > 0
        ? `${account.name} does not match any target segment (its ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not filled in).`
        : `${account.name} does not match any of our target segments.`,
    evidence: { subject, account: { ...account }, missingFields: missing, targetSegments: c.targetSegments.map((s) => s.segment.name) },
    remedy:
      missing.length > 0
        ? "Fill in the account details, or confirm with your manager that the deal is worth pursuing."
        : "Confirm with your manager that the deal is worth pursuing outside our target segments.",
  });
}

/** The segment an account falls in (an avoided one first, as the rule above decides), or null. */
export function classifySegment(account: Account, c: CompiledStrategy): CompiledSegment["segment"] | null {
  const industry = account.industry === null ? null : normaliseLabel(account.industry);
  const region = account.region === null ? null : normaliseLabel(account.region);
  return (firstMatch(c.avoidSegments, account, industry, region) ?? firstMatch(c.targetSegments, account, industry, region))?.segment ?? null;
}
