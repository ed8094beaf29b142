import type { Lex } from "./tokenize";

// The memo of a vocabulary's resolved words: an open-addressing hash table keyed by a word's
// characters, so the scanner (tokenize.ts) finds a word straight from the text, without slicing it
// into a new string and without a call into the vocabulary.
//
// A word's key is its length and its last twelve characters packed a byte each into three ints (k0
// holds the last four), which the scanner builds with shifts as it reads each character. For the
// words that make up most text, twelve characters or fewer that all fit a byte ("narrow"), equal
// keys are equal words: finding one reads one 20-byte entry and no string. Longer or wider words
// are also compared character by character, and their other characters are hashed so they do not
// pile up in one place. Keys and hashes live in one typed array, so a probe touches neither a Lex
// nor its string.

/** ASCII upper-case letters to lower case; the scanner folds case as it reads (tokenize.ts scan). */
export const foldCase = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** The characters the key holds exactly; the others are hashed and compared. */
export const KEY_CHARS = 12;

/** The hash of the key of s[start…end) (case-folded), whose last characters pack into k0, k1, k2. */
function keyHash(s: string, start: number, end: number, k0: number, k1: number, k2: number): number {
  let h = Math.imul(k0 ^ Math.imul(k1 ^ Math.imul(k2 ^ (end - start), 0x27d4eb2f), 0x9e3779b1), 0x85ebca6b);
  for (let i = start; i < end - KEY_CHARS; i++) h = Math.imul(h ^ foldCase(s.charCodeAt(i)), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

// Small to begin with, so the few thousand words of a normal workload stay in cache; doubled when
// three quarters full, up to MAX_BITS, and cleared from then on (results do not depend on the memo).
const INITIAL_BITS = 12;
const MAX_BITS = 17;
// Per place in `keys`: hash, length (0 when the place is free; negative when the word is not
// narrow), k0, k1, k2.
const STRIDE = 5;

/** A whole word's key, packed as the scanner packs it character by character (reused). */
const packed = { k0: 0, k1: 0, k2: 0, narrow: true };
function packWord(word: string): typeof packed {
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let narrow = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    k2 = (k2 << 8) | (k1 >>> 24);
    k1 = (k1 << 8) | (k0 >>> 24);
    k0 = (k0 << 8) | (c & 0xff);
    if (c > 0xff) narrow = false;
  }
  packed.k0 = k0;
  packed.k1 = k1;
  packed.k2 = k2;
  packed.narrow = narrow;
  return packed;
}

export class LexTable {
  private mask = (1 << INITIAL_BITS) - 1;
  private keys = new Int32Array(STRIDE << INITIAL_BITS);
  private lexes = new Array<Lex | undefined>(1 << INITIAL_BITS).fill(undefined);
  private size = 0;

  /**
   * The Lex of s[start…end), case-folded, or undefined if not seen. k0, k1, k2 pack its last
   * characters' low bytes as the scanner reads them (k2 = k2 << 8 | k1 >>> 24; k1 = k1 << 8 |
   * k0 >>> 24; k0 = k0 << 8 | c); `narrow` says they all fit a byte.
   */
  find(s: string, start: number, end: number, k0: number, k1: number, k2: number, narrow: boolean): Lex | undefined {
    const len = end - start;
    const keys = this.keys;
    const hash = keyHash(s, start, end, k0, k1, k2);
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * STRIDE;
      const placeLen = keys[at + 1] as number;
      if (placeLen === 0) return undefined;
      if (keys[at] !== hash || keys[at + 2] !== k0 || keys[at + 3] !== k1 || keys[at + 4] !== k2) continue;
      if (placeLen === len && narrow && len <= KEY_CHARS) return this.lexes[i];
      if (placeLen === len || placeLen === -len) {
        const lex = this.lexes[i] as Lex;
        if (sameFolded(s, start, lex.raw)) return lex;
      }
    }
  }

  /** The Lex of a lower-cased word, or undefined if not seen. */
  findWord(word: string): Lex | undefined {
    const k = packWord(word);
    return this.find(word, 0, word.length, k.k0, k.k1, k.k2, k.narrow);
  }

  /** Adds a Lex not in the table, under its `raw`. */
  insert(lex: Lex): void {
    if (lex.raw.length === 0) return; // length 0 marks a free place
    if (this.size >= ((this.mask + 1) * 3) / 4) {
      if (this.mask + 1 < 1 << MAX_BITS) this.grow();
      else {
        // Bounded memory: forget everything and relearn.
        this.keys.fill(0);
        this.lexes.fill(undefined);
        this.size = 0;
      }
    }
    const raw = lex.raw;
    const { k0, k1, k2, narrow } = packWord(raw);
    this.place(lex, keyHash(raw, 0, raw.length, k0, k1, k2), narrow ? raw.length : -raw.length, k0, k1, k2);
    this.size++;
  }

  private place(lex: Lex, hash: number, len: number, k0: number, k1: number, k2: number): void {
    const keys = this.keys;
    let i = hash & this.mask;
    while (keys[i * STRIDE + 1] !== 0) i = (i + 1) & this.mask;
    const at = i * STRIDE;
    keys[at] = hash;
    keys[at + 1] = len;
    keys[at + 2] = k0;
    keys[at + 3] = k1;
    keys[at + 4] = k2;
    this.lexes[i] = lex;
  }

  private grow(): void {
    const { keys, lexes } = this;
    const places = (this.mask + 1) * 2;
    this.mask = places - 1;
    this.keys = new Int32Array(places * STRIDE);
    this.lexes = new Array<Lex | undefined>(places).fill(undefined);
    for (let i = 0; i < lexes.length; i++) {
      const lex = lexes[i];
      const at = i * STRIDE;
      if (lex !== undefined) this.place(lex, keys[at] as number, keys[at + 1] as number, keys[at + 2] as number, keys[at + 3] as number, keys[at + 4] as number);
    }
  }
}

/** Whether s[start…] spells `lower` once ASCII letters are folded to lower case. */
function sameFolded(s: string, start: number, lower: string): boolean {
  for (let j = 0; j < lower.length; j++) if (foldCase(s.charCodeAt(start + j)) !== lower.charCodeAt(j)) return false;
  return true;
}
