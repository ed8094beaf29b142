import type { CompiledStrategy } from "./compile";

// Working memory for matching one text (match.ts, select.ts), reused from text to text: scoring is
// synchronous, so one set per compiled strategy suffices. After each text only the places it
// touched are reset, so matching allocates nothing but its results.

export interface Scratch {
  /** Per slot (a word of a name or alias): the best similarity a word of the text gave it, 0 if none. */
  slotBest: Float64Array;
  /** Per slot: the position of the text's token that filled it. */
  slotToken: Int32Array;
  /** The slots and phrases the current text touched (each at most once, so sized to the catalog). */
  touchedSlots: Int32Array;
  /** Per phrase: the weight of its words the text covers. */
  covered: Float64Array;
  touched: Int32Array;
  /** Per entry: its strongest matching phrase and that phrase's strength (0 when none matches). */
  entryStrength: Float64Array;
  entryPhrase: Int32Array;
  /** Entries with a name or alias over the threshold ("candidates"). */
  candidates: Int32Array;
  /** Per candidate position: its strength and tie-break rank, and the order they are taken in. */
  strengths: Float64Array;
  ties: Float64Array;
  order: Int32Array;
  /** Entry → its position in `candidates` (meaningful for candidates only). */
  position: Int32Array;
  /** The entries to report, strongest first. */
  kept: Int32Array;
  /** Entries one of whose key words the text contains (marked[e] = 1), and the list of them. */
  marked: Uint8Array;
  markedList: Int32Array;
  /** Per candidate, the token positions it explains as bit sets; and those no kept entry claimed. Grown for long texts. */
  masks: Int32Array;
  open: Int32Array;
  /** Per candidate entry: the positions (< 32) of the words it explains (select.ts selectFromEntryMasks). */
  entryMask: Int32Array;
  /**
   * The stamped working memory of match.ts collectByPhrase: a place is current when its stamp is
   * `stamp`, so nothing is reset between texts. Per stem: the token that fills it and how well; per
   * phrase: already looked at; per entry: its strength and phrase are current.
   */
  stamp: number;
  stemStamp: Int32Array;
  stemToken: Int32Array;
  stemSim: Float64Array;
  /** The stems the current text fills, in the order they were stamped. */
  textStems: Int32Array;
  phraseStamp: Int32Array;
  entryStamp: Int32Array;
  /** One phrase's filled slots as (word position, weight) pairs, sized to the longest phrase. */
  pairToken: Int32Array;
  pairValue: Float64Array;
}

/** The next stamp; on the (distant) wrap-around every stamp is cleared. */
export function nextStamp(s: Scratch): number {
  if (s.stamp >= 0x3fffffff) {
    s.stemStamp.fill(0);
    s.phraseStamp.fill(0);
    s.entryStamp.fill(0);
    s.stamp = 0;
  }
  return ++s.stamp;
}

const scratchFor = new WeakMap<CompiledStrategy, Scratch>();
// Most calls in a row use the same strategy; remembering the last one skips the WeakMap probe.
let lastCompiled: CompiledStrategy | null = null;
let lastScratch: Scratch | null = null;

export function scratch(c: CompiledStrategy): Scratch {
  if (c === lastCompiled && lastScratch) return lastScratch;
  let s = scratchFor.get(c);
  if (!s) {
    const slots = c.slotWeight.length;
    const entries = c.entries.length;
    s = {
      slotBest: new Float64Array(slots),
      slotToken: new Int32Array(slots),
      touchedSlots: new Int32Array(slots),
      covered: new Float64Array(c.phrases.length),
      touched: new Int32Array(c.phrases.length),
      entryStrength: new Float64Array(entries),
      entryPhrase: new Int32Array(entries),
      candidates: new Int32Array(entries),
      strengths: new Float64Array(entries),
      ties: new Float64Array(entries),
      order: new Int32Array(entries),
      position: new Int32Array(entries),
      kept: new Int32Array(entries),
      marked: new Uint8Array(entries),
      markedList: new Int32Array(entries),
      masks: new Int32Array(entries),
      open: new Int32Array(1),
      entryMask: new Int32Array(entries),
      stamp: 0,
      stemStamp: new Int32Array(c.stemCount),
      stemToken: new Int32Array(c.stemCount),
      stemSim: new Float64Array(c.stemCount),
      textStems: new Int32Array(c.stemCount),
      phraseStamp: new Int32Array(c.phrases.length),
      entryStamp: new Int32Array(entries),
      pairToken: new Int32Array(c.maxPhraseSlots),
      pairValue: new Float64Array(c.maxPhraseSlots),
    };
    scratchFor.set(c, s);
  }
  lastCompiled = c;
  lastScratch = s;
  return s;
}
