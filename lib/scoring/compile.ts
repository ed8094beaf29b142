import { MATCH_THRESHOLD } from "./policy";
import { GENERIC_STEMS, GENERIC_WEIGHT } from "./text/generic";
import { type Vocabulary, tokenize, wordInfo } from "./text/tokenize";
import { catalogVocabulary, textVocabulary } from "./vocabulary";
import type { CapabilityStatus, Product, Segment, StrategySnapshot } from "./types";

// A strategy version compiled once into an inverted index, so scoring a deal is a handful of map
// lookups per word instead of a comparison with every alias. Cached per snapshot object: published
// strategy versions are immutable, and a draft being edited is a new object on every change.

export interface CatalogEntry {
  kind: "capability" | "guardrail";
  id: string;
  name: string;
  status: CapabilityStatus | null;
  expectedDate: string | null;
}

/** One name or alias of an entry: a bag of content stems ("slots"), each with a weight. */
export interface CatalogPhrase {
  entry: number;
  via: string;
  slotStart: number;
  slotCount: number;
  weightTotal: number;
}

export interface CompiledStrategy {
  snapshot: StrategySnapshot;
  entries: CatalogEntry[];
  phrases: CatalogPhrase[];
  // The same facts as flat arrays for the hot loop in match.ts. Phrases of one entry are
  // contiguous: entry e owns phrases entryPhraseStart[e] … entryPhraseStart[e + 1] − 1.
  phraseEntry: Int32Array;
  phraseSlotStart: Int32Array;
  phraseWeight: Float64Array;
  entryPhraseStart: Int32Array;
  /** 1 when the entry is a guardrail (guardrails rank before capabilities on a tie). */
  entryGuardrail: Uint8Array;
  slotPhrase: Int32Array;
  /** The entry of each slot's phrase (the same as phraseEntry[slotPhrase[k]], one lookup fewer). */
  slotEntry: Int32Array;
  slotWeight: Float64Array;
  /** 1 when the slot's word is everyday English (text/generic.ts). */
  slotGeneric: Uint8Array;
  /** The slot's entry when the slot is a key word of its phrase (see keySlots), else −1. */
  slotKeyEntry: Int32Array;
  /** The stem of each slot, numbered 0 … stemCount − 1 (every slot of one stem shares the number). */
  slotStem: Int32Array;
  stemCount: number;
  /** The most words any one name or alias has. */
  maxPhraseSlots: number;
  /** Per entry, the stems of all its names and aliases as a bit set of `stemWords` 32-bit words. */
  entryStems: Int32Array;
  stemWords: number;
  /** stem → the slots (phrase words) it fills. */
  postings: Map<string, Int32Array>;
  /** How rep text is read against this catalog (memoised per word). */
  vocabulary: Vocabulary;
  products: Map<string, Product>;
  targetSegments: CompiledSegment[];
  avoidSegments: CompiledSegment[];
}

/** A segment with its lists lower-cased once; an empty list sets no constraint (null). */
export interface CompiledSegment {
  segment: Segment;
  industries: ReadonlySet<string> | null;
  regions: ReadonlySet<string> | null;
}

export const normaliseLabel = (s: string) => s.trim().toLowerCase();

function compileSegment(segment: Segment): CompiledSegment {
  const set = (list: string[]) => (list.length === 0 ? null : new Set(list.map(normaliseLabel)));
  return { segment, industries: set(segment.industries), regions: set(segment.regions) };
}

const cache = new WeakMap<StrategySnapshot, CompiledStrategy>();
// Bulk scoring uses one snapshot for many deals in a row: remembering the last one skips the
// WeakMap probe. (A strong reference to one snapshot; it is replaced by the next one scored.)
let last: CompiledStrategy | null = null;

export function compileStrategy(snapshot: StrategySnapshot): CompiledStrategy {
  if (last?.snapshot === snapshot) return last;
  let compiled = cache.get(snapshot);
  if (!compiled) {
    compiled = build(snapshot);
    cache.set(snapshot, compiled);
  }
  last = compiled;
  return compiled;
}

function build(snapshot: StrategySnapshot): CompiledStrategy {
  const entries: CatalogEntry[] = [
    ...snapshot.capabilities.map((c) => ({ kind: "capability" as const, id: c.id, name: c.name, status: c.status, expectedDate: c.expectedDate })),
    ...snapshot.guardrails.map((g) => ({ kind: "guardrail" as const, id: g.id, name: g.name, status: null, expectedDate: null })),
  ];
  const texts = [...snapshot.capabilities, ...snapshot.guardrails].map((e) => [e.name, ...e.aliases]);

  // Pass 1: which joined forms does the catalog itself use? A hyphenated catalog word is one
  // concept ("self-hosted", "e-mail", "white-labelling"), and so is a solid one ("whitelabel").
  const known = new Set<string>();
  const pass1 = catalogVocabulary((_stem, hyphen) => hyphen);
  for (const list of texts) for (const t of list) for (const tok of tokenize(t, pass1)) known.add(tok.stem);

  // Pass 2: read every name and alias with those compounds, so both sides are spelled alike.
  const catalogJoin = catalogVocabulary((stem, hyphen) => hyphen || known.has(stem));
  const phraseStems: string[][] = [];
  const phrases: CatalogPhrase[] = [];
  const pairs = new Map<string, readonly [string, string]>();
  const entryStems = entries.map(() => new Set<string>());
  const spellings = new Map<string, string>(); // spelling or stem → stem, for typo lookups
  texts.forEach((list, entry) => {
    for (const via of list) {
      const tokens = tokenize(via, catalogJoin);
      const stems = [...new Set(tokens.map((t) => t.stem))];
      if (stems.length === 0) continue;
      tokens.forEach((t, i) => {
        spellings.set(t.stem, t.stem);
        spellings.set(t.word, t.stem);
        entryStems[entry]?.add(t.stem);
        const next = tokens[i + 1];
        if (next) pairs.set(wordInfo(t.word + next.word).stem, [t.stem, next.stem]);
      });
      phraseStems.push(stems);
      phrases.push({ entry, via, slotStart: 0, slotCount: stems.length, weightTotal: 0 });
    }
  });

  // Weight of a word: inverse document frequency over entries (a word in one entry identifies it,
  // a word in twenty does not), reduced for generic English words (text/generic.ts).
  const df = new Map<string, number>();
  for (const set of entryStems) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);
  const weightOf = (s: string) => Math.log(1 + entries.length / (df.get(s) ?? 1)) * (GENERIC_STEMS.has(s) ? GENERIC_WEIGHT : 1);

  const slotCount = phraseStems.reduce((n, s) => n + s.length, 0);
  const slotPhrase = new Int32Array(slotCount);
  const slotWeight = new Float64Array(slotCount);
  const slotGeneric = new Uint8Array(slotCount);
  const postingLists = new Map<string, number[]>();
  let slot = 0;
  phrases.forEach((p, pi) => {
    p.slotStart = slot;
    for (const s of phraseStems[pi] ?? []) {
      slotPhrase[slot] = pi;
      slotWeight[slot] = weightOf(s);
      slotGeneric[slot] = GENERIC_STEMS.has(s) ? 1 : 0;
      p.weightTotal += weightOf(s);
      const list = postingLists.get(s) ?? [];
      list.push(slot);
      postingLists.set(s, list);
      slot++;
    }
  });
  const phraseEntry = Int32Array.from(phrases, (p) => p.entry);
  const phraseSlotStart = new Int32Array(phrases.length + 1);
  phrases.forEach((p, pi) => (phraseSlotStart[pi] = p.slotStart));
  phraseSlotStart[phrases.length] = slotCount;
  const phraseWeight = Float64Array.from(phrases, (p) => p.weightTotal);
  const entryPhraseStart = new Int32Array(entries.length + 1).fill(phrases.length);
  for (let pi = phrases.length - 1; pi >= 0; pi--) entryPhraseStart[phraseEntry[pi] as number] = pi;
  for (let e = entries.length - 1; e >= 0; e--) {
    // An entry without phrases starts (and ends) where the next one starts.
    if ((entryPhraseStart[e] as number) > (entryPhraseStart[e + 1] as number)) entryPhraseStart[e] = entryPhraseStart[e + 1] as number;
  }
  const postings = new Map<string, Int32Array>();
  for (const [s, list] of postingLists) postings.set(s, Int32Array.from(list));
  const slotKeyEntry = keySlots(phraseSlotStart, phraseWeight, slotWeight, phraseEntry);
  const slotStem = new Int32Array(slotCount);
  let stemCount = 0;
  for (const list of postings.values()) {
    for (const k of list) slotStem[k] = stemCount;
    stemCount++;
  }
  const stemWords = (stemCount + 31) >>> 5;
  const entryStemBits = new Int32Array(entries.length * stemWords);
  for (let k = 0; k < slotCount; k++) {
    const at = (phraseEntry[slotPhrase[k] as number] as number) * stemWords + ((slotStem[k] as number) >>> 5);
    entryStemBits[at] = (entryStemBits[at] as number) | (1 << ((slotStem[k] as number) & 31));
  }
  const slotKeyPhrase = Int32Array.from(slotKeyEntry, (e, k) => (e >= 0 ? (slotPhrase[k] as number) : -1));

  const splits = new Map<string, readonly [string, string]>();
  for (const [joined, parts] of pairs) if (!postings.has(joined)) splits.set(joined, parts);

  return {
    snapshot,
    entries,
    phrases,
    phraseEntry,
    phraseSlotStart,
    phraseWeight,
    entryPhraseStart,
    entryGuardrail: Uint8Array.from(entries, (e) => (e.kind === "guardrail" ? 1 : 0)),
    slotPhrase,
    slotEntry: Int32Array.from(slotPhrase, (pi) => phraseEntry[pi] as number),
    slotWeight,
    slotGeneric,
    slotKeyEntry,
    slotStem,
    stemCount,
    maxPhraseSlots: phrases.reduce((max, p) => Math.max(max, p.slotCount), 0),
    entryStems: entryStemBits,
    stemWords,
    postings,
    vocabulary: textVocabulary({ postings, splits, spellings, slotKeyEntry, slotKeyPhrase }),
    products: new Map(snapshot.products.map((p) => [p.id, p])),
    targetSegments: snapshot.segments.filter((s) => s.priority !== "avoid").map(compileSegment),
    avoidSegments: snapshot.segments.filter((s) => s.priority === "avoid").map(compileSegment),
  };
}

/**
 * The key words of each phrase: its heaviest words, taken until the words left over weigh at most
 * half the phrase. A text that fills none of a phrase's key words covers at most that half, so it
 * cannot match the phrase (MATCH_THRESHOLD is strict); match.ts therefore only looks at the names
 * and aliases (collectByPhrase), or the entries (collect), one of whose key words the text
 * contains. The margin keeps float rounding on the safe side: a key set slightly too large costs a
 * little time, one too small would lose matches.
 */
function keySlots(phraseSlotStart: Int32Array, phraseWeight: Float64Array, slotWeight: Float64Array, phraseEntry: Int32Array): Int32Array {
  const keyEntry = new Int32Array(slotWeight.length).fill(-1);
  for (let pi = 0; pi < phraseWeight.length; pi++) {
    const slots: number[] = [];
    for (let k = phraseSlotStart[pi] as number; k < (phraseSlotStart[pi + 1] as number); k++) slots.push(k);
    slots.sort((a, b) => (slotWeight[b] as number) - (slotWeight[a] as number) || a - b);
    let rest = slots.reduce((sum, k) => sum + (slotWeight[k] as number), 0);
    const limit = MATCH_THRESHOLD * (phraseWeight[pi] as number) * (1 - 1e-9);
    for (const k of slots) {
      if (rest <= limit) break;
      keyEntry[k] = phraseEntry[pi] as number;
      rest -= slotWeight[k] as number;
    }
  }
  return keyEntry;
}
