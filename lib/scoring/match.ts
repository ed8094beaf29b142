import { type CatalogEntry, type CatalogPhrase, type CompiledStrategy, compileStrategy } from "./compile";
import { type Token, tokenize } from "./text/tokenize";
import type { CapabilityStatus, CatalogMatch, StrategySnapshot } from "./types";

// Free text → catalog entries. Each name or alias is a bag of weighted words; the strength of a
// match is the weighted share of that bag the text covers (word order does not matter, extra words
// in the text do not hurt). A word counts fully when its stem is the catalog's, and less when it is
// a plausible one-slip typo of a catalog word (vocabulary.ts). A match needs more than
// MATCH_THRESHOLD, and a name or alias of several words is never matched by one everyday word
// alone (text/generic.ts). See docs/decisions/0004-scoring-and-matching.md.

/** A match needs strictly more than half the weight of a name or alias. */
export const MATCH_THRESHOLD = 0.5;

export interface TextMatch {
  entry: CatalogEntry;
  via: string;
  strength: number;
  /** Positions of the content tokens that matched. */
  tokenIndexes: number[];
  matchedWords: string[];
  negated: boolean;
}

export interface TextAnalysis {
  tokens: Token[];
  /** Affirmed matches, strongest first; each explains at least one word the stronger ones did not. */
  matches: TextMatch[];
  /** What the text explicitly rules out ("we will not offer on-premise hosting"). */
  negatedMatches: TextMatch[];
  /** Whether any meaningful word is outside a negation, i.e. the text affirms something. */
  affirms: boolean;
}

// Working memory reused across texts (scoring is synchronous, so one set per strategy suffices);
// after each text only the parts it touched are reset. This keeps the hot loop allocation-free.
interface Scratch {
  slotBest: Float64Array;
  slotToken: Int32Array;
  /** Slots and phrases the current text touched (counted in collect, so no array is resized). */
  touchedSlots: Int32Array;
  covered: Float64Array;
  touched: Int32Array;
  entryStrength: Float64Array;
  entryPhrase: Int32Array;
  touchedEntries: number[];
}
const scratchFor = new WeakMap<CompiledStrategy, Scratch>();

function scratch(c: CompiledStrategy): Scratch {
  let s = scratchFor.get(c);
  if (!s) {
    s = {
      slotBest: new Float64Array(c.slotWeight.length),
      slotToken: new Int32Array(c.slotWeight.length),
      touchedSlots: new Int32Array(c.slotWeight.length),
      covered: new Float64Array(c.phrases.length),
      touched: new Int32Array(c.phrases.length),
      entryStrength: new Float64Array(c.entries.length),
      entryPhrase: new Int32Array(c.entries.length),
      touchedEntries: [],
    };
    scratchFor.set(c, s);
  }
  return s;
}

function collect(tokens: Token[], negated: boolean, c: CompiledStrategy): TextMatch[] {
  const s = scratch(c);
  const { slotBest, slotToken, touchedSlots, covered, touched, entryStrength, entryPhrase, touchedEntries } = s;
  const { slotPhrase, slotWeight, phraseWeight, phraseEntry, phraseSlotStart } = c;
  let slotCount = 0;
  let phraseCount = 0;
  for (const tok of tokens) {
    if (tok.negated !== negated) continue;
    const { slots, sim } = tok;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      const before = slotBest[slot] as number;
      if (sim <= before) continue;
      if (before === 0) touchedSlots[slotCount++] = slot;
      const phrase = slotPhrase[slot] as number;
      const prev = covered[phrase] as number;
      if (prev === 0) touched[phraseCount++] = phrase;
      // Weighted coverage is kept up to date as words arrive, so a phrase is settled in one look.
      covered[phrase] = prev + (slotWeight[slot] as number) * (sim - before);
      slotBest[slot] = sim;
      slotToken[slot] = tok.index;
    }
  }

  // Best phrase per entry; ties keep the earlier phrase (the name comes before its aliases).
  for (let t = 0; t < phraseCount; t++) {
    const pi = touched[t] as number;
    const strength = (covered[pi] as number) / (phraseWeight[pi] as number);
    if (strength <= MATCH_THRESHOLD) continue;
    // One everyday word never stands for a whole name or alias of several words (text/generic.ts).
    const from = phraseSlotStart[pi] as number;
    const to = phraseSlotStart[pi + 1] as number;
    if (to - from > 1 && !severalOrDistinctive(from, to, s, c)) continue;
    const entry = phraseEntry[pi] as number;
    const prev = entryStrength[entry] as number;
    if (prev === 0) touchedEntries.push(entry);
    if (strength > prev || (strength === prev && pi < (entryPhrase[entry] as number))) {
      entryStrength[entry] = strength;
      entryPhrase[entry] = pi;
    }
  }

  let kept: TextMatch[] = [];
  if (touchedEntries.length === 1) {
    const entry = touchedEntries[0] as number;
    kept = [toTextMatch(entry, entryPhrase[entry] as number, entryStrength[entry] as number, tokens, negated, s, c)];
  } else if (touchedEntries.length > 1) {
    kept = selectDistinct(touchedEntries, tokens.length, s, c).map((entry) => toTextMatch(entry, entryPhrase[entry] as number, entryStrength[entry] as number, tokens, negated, s, c));
  }

  // Reset the scratch space for the next text (only what this text touched).
  for (let t = 0; t < slotCount; t++) slotBest[touchedSlots[t] as number] = 0;
  for (let t = 0; t < phraseCount; t++) covered[touched[t] as number] = 0;
  for (let t = 0; t < touchedEntries.length; t++) entryStrength[touchedEntries[t] as number] = 0;
  touchedEntries.length = 0;
  return kept;
}

function toTextMatch(
  entry: number,
  phrase: number,
  strength: number,
  tokens: Token[],
  negated: boolean,
  s: Scratch,
  c: CompiledStrategy,
): TextMatch {
  const tokenIndexes = matchedTokens(phrase, s, c, []).sort((a, b) => a - b);
  const matchedWords: string[] = [];
  for (const i of tokenIndexes) {
    const raw = tokens[i]?.raw ?? "";
    if (!matchedWords.includes(raw)) matchedWords.push(raw);
  }
  const via = (c.phrases[phrase] as CatalogPhrase).via;
  return { entry: c.entries[entry] as CatalogEntry, via, strength, tokenIndexes, matchedWords, negated };
}

function severalOrDistinctive(from: number, to: number, s: Scratch, c: CompiledStrategy): boolean {
  let matched = 0;
  for (let k = from; k < to; k++) {
    if ((s.slotBest[k] as number) === 0) continue;
    if (c.slotGeneric[k] === 0 || ++matched >= 2) return true;
  }
  return false;
}

/** Adds the distinct token positions that filled phrase `pi`'s slots to `into`. */
function matchedTokens(pi: number, s: Scratch, c: CompiledStrategy, into: number[]): number[] {
  for (let k = c.phraseSlotStart[pi] as number; k < (c.phraseSlotStart[pi + 1] as number); k++) {
    if ((s.slotBest[k] as number) === 0) continue;
    const t = s.slotToken[k] as number;
    if (!into.includes(t)) into.push(t);
  }
  return into;
}

/**
 * Strongest first; on equal strength the entry that explains more of the text (the more specific
 * one), then guardrails before capabilities, then catalog order. A weaker match is kept only if it
 * explains at least one word no stronger match explained: "custom Salesforce integration" reports
 * both Salesforce integration and the custom-integration guardrail, while "call recording on
 * their VoIP phone" does not also report "phone support" through a word telephony explains.
 * The words an entry explains (through any of its names and aliases) are held as bit sets.
 */
function selectDistinct(entries: number[], tokenCount: number, s: Scratch, c: CompiledStrategy): number[] {
  const words = (tokenCount + 31) >>> 5;
  const masks = new Int32Array(entries.length * words);
  const counts = new Int32Array(entries.length);
  entries.forEach((entry, e) => {
    for (let pi = c.entryPhraseStart[entry] as number; pi < (c.entryPhraseStart[entry + 1] as number); pi++) {
      if ((s.covered[pi] as number) === 0) continue;
      for (let k = c.phraseSlotStart[pi] as number; k < (c.phraseSlotStart[pi + 1] as number); k++) {
        if ((s.slotBest[k] as number) === 0) continue;
        const t = s.slotToken[k] as number;
        const at = e * words + (t >>> 5);
        const bit = 1 << (t & 31);
        if (((masks[at] as number) & bit) === 0) counts[e] = (counts[e] as number) + 1;
        masks[at] = (masks[at] as number) | bit;
      }
    }
  });
  const guardrail = (e: number) => c.entries[entries[e] as number]?.kind === "guardrail";
  const before = (a: number, b: number): boolean => {
    const sa = s.entryStrength[entries[a] as number] as number;
    const sb = s.entryStrength[entries[b] as number] as number;
    if (sa !== sb) return sa > sb;
    if (counts[a] !== counts[b]) return (counts[a] as number) > (counts[b] as number);
    if (guardrail(a) !== guardrail(b)) return guardrail(a);
    return (entries[a] as number) < (entries[b] as number);
  };
  // Insertion sort of candidate positions: a text has a handful of candidates.
  const order = entries.map((_, e) => e);
  for (let i = 1; i < order.length; i++) {
    const x = order[i] as number;
    let j = i - 1;
    for (; j >= 0 && before(x, order[j] as number); j--) order[j + 1] = order[j] as number;
    order[j + 1] = x;
  }
  const claimed = new Int32Array(words);
  const kept: number[] = [];
  for (const e of order) {
    let fresh = false;
    for (let w = 0; w < words; w++) if (((masks[e * words + w] as number) & ~(claimed[w] as number)) !== 0) fresh = true;
    if (!fresh) continue;
    for (let w = 0; w < words; w++) claimed[w] = (claimed[w] as number) | (masks[e * words + w] as number);
    kept.push(entries[e] as number);
  }
  return kept;
}

export function analyseText(text: string, compiled: CompiledStrategy): TextAnalysis {
  const tokens = tokenize(text, compiled.vocabulary);
  let affirms = false;
  let negates = false;
  for (const t of tokens) {
    if (t.negated) negates = true;
    else affirms = true;
  }
  return {
    tokens,
    matches: affirms ? collect(tokens, false, compiled) : [],
    negatedMatches: negates ? collect(tokens, true, compiled) : [],
    affirms,
  };
}

export function toCatalogMatch(m: TextMatch): CatalogMatch {
  return {
    kind: m.entry.kind,
    id: m.entry.id,
    name: m.entry.name,
    via: m.via,
    matchedWords: m.matchedWords,
    strength: Math.round(m.strength * 1000) / 1000,
  };
}

export interface PublicMatch extends CatalogMatch {
  status: CapabilityStatus | null;
  negated: boolean;
}

/**
 * What a piece of free text refers to in a strategy's catalog: affirmed matches strongest first,
 * then negated ones. Pure; reused by market-signal grouping to put requests in the same words
 * together.
 */
export function matchText(text: string, strategy: StrategySnapshot): PublicMatch[] {
  const analysis = analyseText(text, compileStrategy(strategy));
  return [...analysis.matches, ...analysis.negatedMatches].map((m) => ({
    ...toCatalogMatch(m),
    status: m.entry.status,
    negated: m.negated,
  }));
}
