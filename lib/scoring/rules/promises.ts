import { type TextAnalysis, type TextMatch, toCatalogMatch } from "../match";
import { POINTS } from "../policy";
import type { Commitment, Finding, RequestInsight } from "../types";

// Rules 1–3: what a rep promised, read against the catalog. Plus the request insights: what the
// customer asked for, which feeds enablement gaps and market signals but never costs points.

/** Whether a text has a line break, a tab or two spaces in a row (then quote() tidies it). */
function needsTidying(text: string): boolean {
  // Native searches: far cheaper than reading the characters in JavaScript.
  return text.indexOf("  ") !== -1 || text.indexOf("\n") !== -1 || text.indexOf("\r") !== -1 || text.indexOf("\t") !== -1;
}

// The last text quoted and its quote: a commitment is quoted by each finding about it.
let lastText = "";
let lastQuote = '""';

/** A promise, quoted for a sentence: short enough to read, never cut mid-word without a mark. */
export function quote(text: string): string {
  if (text === lastText) return lastQuote;
  // Most promises are one short line already (forms trim them).
  const oneLine = needsTidying(text) ? text.replace(/\s+/g, " ").trim() : text;
  lastText = text;
  lastQuote = `"${oneLine.length > 90 ? `${oneLine.slice(0, 87).trimEnd()}…` : oneLine}"`;
  return lastQuote;
}

export function commitmentFindings(commitment: Commitment, index: number, analysis: TextAnalysis, out: Finding[]): void {
  const subject = { kind: "commitment" as const, index };
  const text = commitment.text;
  for (const m of analysis.matches) {
    // An available capability is a promise we keep: no finding, so nothing to build.
    if (m.entry.status === "available") continue;
    const evidence = { subject, text, matched: toCatalogMatch(m) };
    const name = m.entry.name;
    const q = quote(text);
    if (m.entry.kind === "guardrail") {
      out.push({
        ruleId: "promise.guardrail",
        severity: "critical",
        points: POINTS.guardrail,
        area: "promiseIntegrity",
        message: `You promised ${q}, which is something we do not do: ${name}.`,
        evidence,
        remedy: `Withdraw the promise or ask your manager for an approved exception to "${name}".`,
      });
      continue;
    }
    if (m.entry.status === "not_offered") {
      out.push({
        ruleId: "promise.not_offered",
        severity: "critical",
        points: POINTS.notOffered,
        area: "promiseIntegrity",
        message: `You promised ${q}, but ${name} is not something we offer.`,
        evidence,
        remedy: "Tell the customer we do not offer it, and log their need as a customer request instead.",
      });
    } else if (m.entry.status === "roadmap") {
      out.push(roadmapFinding(commitment, m, q, evidence));
    } else if (m.entry.status === "beta") {
      out.push({
        ruleId: "promise.beta",
        severity: "info",
        points: POINTS.beta,
        area: "promiseIntegrity",
        message: `You promised ${q}; ${name} is in beta.`,
        evidence,
        remedy: "Make sure the customer knows it is a beta before it goes into the contract.",
      });
    }
  }
  // Price terms are judged by the pricing rules; the catalog does not list prices.
  if (analysis.matches.length === 0 && analysis.affirms && commitment.kind !== "price_term") {
    out.push({
      ruleId: "promise.unlisted",
      severity: "critical",
      points: POINTS.unlisted,
      area: "promiseIntegrity",
      message: `You promised ${quote(text)}, which matches nothing we list as a capability.`,
      evidence: { subject, text, matched: null },
      remedy: "Check the strategy brief; if we do not do it, withdraw the promise and log it as a customer request.",
    });
  }
}

function roadmapFinding(
  commitment: Commitment,
  m: TextMatch,
  q: string,
  evidence: Finding["evidence"],
): Finding {
  const expected = m.entry.expectedDate;
  const due = commitment.dueDate;
  // ISO dates (YYYY-MM-DD) order correctly as strings; no clock is involved.
  if (due !== null && expected !== null && due < expected) {
    return {
      ruleId: "promise.roadmap_before_date",
      severity: "critical",
      points: POINTS.roadmapBeforeDate,
      area: "promiseIntegrity",
      message: `You promised ${q} by ${due}, but ${m.entry.name} is not expected before ${expected}.`,
      evidence: { subject: evidence.subject, text: evidence.text, matched: evidence.matched, dueDate: due, expectedDate: expected },
      remedy: `Move the date to ${expected} or later, or remove the promise from the deal.`,
    };
  }
  const when = expected === null ? "has no date yet" : `is expected on ${expected}`;
  return {
    ruleId: "promise.roadmap",
    severity: "warning",
    points: POINTS.roadmap,
    area: "promiseIntegrity",
    message: `You promised ${q}; ${m.entry.name} is on the roadmap and ${when}.`,
    evidence: { subject: evidence.subject, text: evidence.text, matched: evidence.matched, dueDate: due, expectedDate: expected },
    remedy: "Tell the customer it is planned, not available, and keep any date in line with the roadmap.",
  };
}

export function requestInsight(
  index: number,
  text: string,
  analysis: TextAnalysis,
  out: Finding[],
): RequestInsight {
  const best = analysis.matches[0];
  if (!best) return { requestIndex: index, kind: "unmatched" };
  const match = toCatalogMatch(best);
  if (best.entry.kind === "guardrail") return { requestIndex: index, kind: "guardrail", guardrailId: best.entry.id, match };
  const capabilityId = best.entry.id;
  switch (best.entry.status) {
    case "available":
      out.push({
        ruleId: "request.enablement_gap",
        severity: "info",
        points: POINTS.enablementGap,
        area: "promiseIntegrity",
        message: `The customer asked for ${quote(text)}: we already offer that as ${best.entry.name}.`,
        evidence: { subject: { kind: "request", index }, text, matched: match },
        remedy: `Show the customer ${best.entry.name}; the strategy brief explains how it works.`,
      });
      return { requestIndex: index, kind: "enablement_gap", capabilityId, match };
    case "roadmap":
      return { requestIndex: index, kind: "roadmap_demand", capabilityId, match };
    case "beta":
      return { requestIndex: index, kind: "beta", capabilityId, match };
    default:
      return { requestIndex: index, kind: "not_offered", capabilityId, match };
  }
}

/** Whether an affirmed catalog match explains the token at `index` (used by the custom-work rule). */
export function isClaimed(analysis: TextAnalysis, index: number): boolean {
  return analysis.matches.some((m) => m.tokenIndexes.includes(index));
}
