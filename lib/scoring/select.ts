import type { CompiledStrategy } from "./compile";
import type { Scratch } from "./scratch";

// Which of the entries a text matches are reported (match.ts finds them; this picks among them).

/** The number of bits set in a 32-bit integer. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Takes the best of the first `left` candidate positions in `order` (strength, then the tie-break
 * rank), moves the last of them into its place, and returns it: repeatedly taking the best of
 * those left gives the order a full sort would, without sorting what is never looked at.
 */
function takeBest(order: Int32Array, left: number, strengths: Float64Array, ties: Float64Array): number {
  let best = 0;
  let bestStrength = strengths[order[0] as number] as number;
  let bestTie = ties[order[0] as number] as number;
  for (let i = 1; i < left; i++) {
    const e = order[i] as number;
    const strength = strengths[e] as number;
    if (strength > bestStrength || (strength === bestStrength && (ties[e] as number) > bestTie)) {
      best = i;
      bestStrength = strength;
      bestTie = ties[e] as number;
    }
  }
  const e = order[best] as number;
  order[best] = order[left - 1] as number;
  return e;
}

/**
 * Strongest first; on equal strength the entry that explains more of the text (the more specific
 * one), then guardrails before capabilities, then catalog order. A weaker match is kept only if it
 * explains at least one word no stronger match explained: "custom Salesforce integration" reports
 * both Salesforce integration and the custom-integration guardrail, while "call recording on
 * their VoIP phone" does not also report "phone support" through a word telephony explains.
 * The words an entry explains (through any of its names and aliases) are held as bit sets.
 *
 * Takes the `n` candidates in s.candidates and the `slotCount` slots the text filled in
 * s.touchedSlots; writes the kept entries, strongest first, to s.kept and returns how many (at
 * most `limit`).
 */
export function selectDistinct(n: number, tokenCount: number, slotCount: number, limit: number, s: Scratch, c: CompiledStrategy): number {
  if (limit === 1) {
    // Only the best is wanted (a request): when one candidate is strictly the strongest, the
    // tie-breaks, and so the word sets, are not needed.
    let best = -1;
    let bestStrength = 0;
    let tied = false;
    for (let e = 0; e < n; e++) {
      const strength = s.entryStrength[s.candidates[e] as number] as number;
      if (strength > bestStrength) {
        best = e;
        bestStrength = strength;
        tied = false;
      } else if (strength === bestStrength) tied = true;
    }
    if (!tied) {
      s.kept[0] = s.candidates[best] as number;
      return 1;
    }
  }
  const words = (tokenCount + 31) >>> 5;
  if (s.masks.length < n * words) s.masks = new Int32Array(n * words * 2);
  if (s.open.length < words) s.open = new Int32Array(words * 2);
  const { masks, strengths, ties, order, candidates, position, entryStrength, touchedSlots, slotToken } = s;
  for (let i = 0; i < n * words; i++) masks[i] = 0;
  for (let e = 0; e < n; e++) position[candidates[e] as number] = e;
  // Every filled slot (the text's touched slots) of a candidate's names and aliases sets the bit of
  // the word that filled it; a candidate is an entry with a strength.
  for (let t = 0; t < slotCount; t++) {
    const k = touchedSlots[t] as number;
    const entry = c.slotEntry[k] as number;
    if ((entryStrength[entry] as number) === 0) continue;
    const token = slotToken[k] as number;
    const at = (position[entry] as number) * words + (token >>> 5);
    masks[at] = (masks[at] as number) | (1 << (token & 31));
  }
  // Rank: strength, then one number for the tie-breaks — more words explained, guardrail before
  // capability, earlier in the catalog — so comparing two candidates takes two comparisons.
  const entries = c.entries.length;
  for (let e = 0; e < n; e++) {
    const entry = candidates[e] as number;
    let count = 0;
    for (let w = 0; w < words; w++) count += bitCount(masks[e * words + w] as number);
    strengths[e] = entryStrength[entry] as number;
    ties[e] = (count * 2 + (c.entryGuardrail[entry] as number)) * entries + (entries - 1 - entry);
  }
  // The words some candidate explains and no kept match has claimed yet.
  const open = s.open;
  for (let w = 0; w < words; w++) open[w] = 0;
  for (let e = 0; e < n; e++) for (let w = 0; w < words; w++) open[w] = (open[w] as number) | (masks[e * words + w] as number);
  // Take candidates best first (repeatedly the best of those left, which is the order a full sort
  // would give) and keep each that explains an open word. Once every word is claimed no candidate
  // can be kept, so a text with many weak candidates does not pay for ranking them all.
  for (let i = 0; i < n; i++) order[i] = i;
  let left = n;
  let kept = 0;
  let unclaimed = true;
  while (left > 0 && kept < limit && unclaimed) {
    const e = takeBest(order, left--, strengths, ties);
    let fresh = false;
    for (let w = 0; w < words && !fresh; w++) fresh = ((masks[e * words + w] as number) & (open[w] as number)) !== 0;
    if (!fresh) continue;
    unclaimed = false;
    for (let w = 0; w < words; w++) {
      open[w] = (open[w] as number) & ~(masks[e * words + w] as number);
      if (open[w] !== 0) unclaimed = true;
    }
    s.kept[kept++] = candidates[e] as number;
  }
  return kept;
}

/**
 * selectDistinct for a text of at most 32 words whose candidates' word sets are already in
 * s.entryMask (one bit per word; match.ts collectByPhrase builds them from the text's stems): the
 * same choice, without rebuilding the word sets from the slots.
 */
export function selectFromEntryMasks(n: number, limit: number, s: Scratch, c: CompiledStrategy): number {
  const { strengths, ties, order, candidates, entryStrength, entryMask } = s;
  const entries = c.entries.length;
  let open = 0;
  for (let e = 0; e < n; e++) {
    const entry = candidates[e] as number;
    const mask = entryMask[entry] as number;
    open |= mask;
    strengths[e] = entryStrength[entry] as number;
    ties[e] = (bitCount(mask) * 2 + (c.entryGuardrail[entry] as number)) * entries + (entries - 1 - entry);
    order[e] = e;
  }
  // Best first, keeping each that explains a word no kept one has claimed, as selectDistinct does
  // (the best always does: its words are all open).
  let left = n;
  let kept = 0;
  while (left > 0 && kept < limit && open !== 0) {
    const e = takeBest(order, left--, strengths, ties);
    const mask = entryMask[candidates[e] as number] as number;
    if ((mask & open) === 0) continue;
    open &= ~mask;
    s.kept[kept++] = candidates[e] as number;
  }
  return kept;
}
