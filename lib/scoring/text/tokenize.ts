import { BUILTIN_PHRASES, NEGATION_CUES, PRICE_WORDS, SCOPE_BREAKERS, STOP_WORDS } from "./lexicon";
import { americanise, stem } from "./stem";

// Text → the words that carry meaning, each with its stem and whether it sits in a negated stretch.
// The steps, in order: lower-case and strip accents; split into words and clause breaks; merge
// multi-word expressions ("round the clock" → 247); join or split compounds the catalog knows
// ("e-mail" → email, "white label" ↔ whitelabel); mark negated stretches; drop stop words.
// Written as a character scanner over reused buffers: it runs on every commitment and request, so
// reading a text allocates only its lower-cased copy and its content tokens.

interface Phrase {
  words: string[];
  target: string;
}

export interface WordInfo {
  /** Lower-cased, American spelling. */
  word: string;
  stem: string;
  stop: boolean;
  cue: boolean;
  breaker: boolean;
  price: boolean;
  /** Built-in multi-word expressions starting with this word, longest first. */
  phrases: readonly Phrase[] | null;
}

const PHRASES_BY_FIRST = new Map<string, Phrase[]>();
for (const [text, target] of BUILTIN_PHRASES) {
  const words = text.split(" ");
  const list = PHRASES_BY_FIRST.get(words[0] ?? "") ?? [];
  list.push({ words, target });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASES_BY_FIRST.set(words[0] ?? "", list);
}

// Word → info does not depend on the strategy, so it is memoised once per process. Bounded so that
// a stream of never-seen words (typos, names) cannot grow it without limit.
const WORD_CACHE_LIMIT = 200_000;
const wordCache = new Map<string, WordInfo>();

export function wordInfo(lower: string): WordInfo {
  const hit = wordCache.get(lower);
  if (hit) return hit;
  const word = americanise(lower);
  const info: WordInfo = {
    word,
    stem: stem(word),
    stop: STOP_WORDS.has(lower) || /^\d+$/.test(lower),
    cue: NEGATION_CUES.has(lower),
    breaker: SCOPE_BREAKERS.has(lower),
    price: PRICE_WORDS.has(lower),
    phrases: PHRASES_BY_FIRST.get(lower) ?? null,
  };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(lower, info);
  return info;
}

/**
 * A word as one strategy's catalog sees it, resolved once and memoised by the vocabulary: its
 * normalised form, the catalog slots it fills and how well, and how it may combine with neighbours.
 */
export interface Lex {
  /** The word as the rep wrote it, lower-cased. */
  raw: string;
  info: WordInfo;
  /** Catalog phrase words ("slots") this word fills: by its stem, or through a plausible typo. */
  slots: Int32Array;
  /** The catalog entries this word could make match: it fills a key word of one of their phrases. */
  keyEntries: Int32Array;
  /** The phrases (names and aliases) in which it fills a key word, ascending. */
  keyPhrases: Int32Array;
  /** 1 for the stem itself, less for a typo, 0 when it fills nothing. */
  sim: number;
  /** A custom-work or bespoke-service word (lexicon.ts CUSTOM_WORK_STEMS, rule 5). */
  customWork: boolean;
  /** Could begin / end a compound the catalog knows (a cheap pre-check before joining). */
  left: boolean;
  right: boolean;
  /** The catalog knows this solid word only as two words ("whitelabel" → white label). */
  parts: readonly Lex[] | null;
}

/** Word lookups and compound rules of one strategy's catalog (see compile.ts and vocabulary.ts). */
export interface Vocabulary {
  lex(raw: string): Lex;
  /**
   * The same as lex(s.slice(start, end).toLowerCase()) for ASCII letters. `hash` is FNV-1a of those
   * characters, case-folded (foldCase), computed while scanning, so a word seen before is found
   * without copying it into a new string.
   */
  lexAt(s: string, start: number, end: number, hash: number): Lex;
  /** The joined word if two adjacent words read as one ("e-mail", "white label"), else null. */
  join(leftRaw: string, left: Lex, rightRaw: string, right: Lex, hyphen: boolean): Lex | null;
}

export interface Token {
  /** The rep's word(s) as written (lower-cased), for evidence. */
  raw: string;
  word: string;
  stem: string;
  slots: Int32Array;
  keyEntries: Int32Array;
  keyPhrases: Int32Array;
  sim: number;
  customWork: boolean;
  negated: boolean;
  /** Position among content tokens, used to keep two matches from claiming the same words. */
  index: number;
}

const NO_SLOTS = new Int32Array(0);
const BREAK_INFO: WordInfo = { word: "", stem: "", stop: true, cue: false, breaker: true, price: false, phrases: null };
const BREAK_LEX: Lex = { raw: "", info: BREAK_INFO, slots: NO_SLOTS, keyEntries: NO_SLOTS, keyPhrases: NO_SLOTS, sim: 0, customWork: false, left: false, right: false, parts: null };
const CLITIC = /'(s|ll|re|ve|d|m)$/;
const LETTER = /\p{L}/u;

const isDigit = (c: number) => c >= 48 && c <= 57;
export const FNV_OFFSET = 0x811c9dc5;
export const fnvStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
/** ASCII upper-case letters to lower case; the scanner folds case as it reads (see scan). */
export const foldCase = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

// ASCII character classes, looked up once per character: word characters (letters in either case,
// digits) and the characters that close a clause (and so a negated stretch): . , ; : ! ? ( ) [ ] "
const WORD_CHAR = 1;
const BREAK_CHAR = 2;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c)) ASCII_CLASS[c] = WORD_CHAR;
}
for (const ch of '.,;:!?()[]"') ASCII_CLASS[ch.charCodeAt(0)] = BREAK_CHAR;
const isWordChar = (c: number) => (c < 128 ? ASCII_CLASS[c] === WORD_CHAR : c >= 0xc0 && LETTER.test(String.fromCharCode(c)));

/**
 * The words and clause breaks of a text, as parallel arrays reused from text to text (tokenize is
 * synchronous and never re-entered). A clause break is an item whose lex is BREAK_LEX.
 */
class Items {
  /** The rep's word(s) as written, lower-cased. */
  raw: string[] = [];
  lex: Lex[] = [];
  /** Joined to the previous word by "-" or "/". */
  hyphen: boolean[] = [];
  /** Made by a built-in expression or a compound: meaningful even if its parts are stop words. */
  content: boolean[] = [];
  length = 0;

  push(raw: string, lex: Lex, hyphen: boolean, content: boolean): void {
    const i = this.length++;
    this.raw[i] = raw;
    this.lex[i] = lex;
    this.hyphen[i] = hyphen;
    this.content[i] = content;
  }
}
const scanned = new Items();
const resolved = new Items();

/** What a scanned text may need: built-in expressions merged, compounds joined or split. */
const MAY_MERGE = 1;
const MAY_COMPOUND = 2;

/**
 * Fills `scanned`; returns MAY_MERGE | MAY_COMPOUND for what the later steps may have to do.
 * Most texts are plain ASCII: they are read as they are, folding case character by character, so
 * no lower-cased copy is made. A text with any other character is lower-cased, decomposed and
 * stripped of accents first, and read again.
 */
function scan(text: string, vocab: Vocabulary): number {
  const needs = scanFrom(text, vocab, true);
  if (needs >= 0) return needs;
  const s = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'");
  return scanFrom(s, vocab, false);
}

/** The scanner proper; with `asciiOnly` it gives up (−1) at the first non-ASCII character. */
function scanFrom(s: string, vocab: Vocabulary, asciiOnly: boolean): number {
  const items = scanned;
  items.length = 0;
  let needs = 0;
  let last = BREAK_LEX;
  const n = s.length;
  let prevEnd = -2;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      i++; // most characters between words are single spaces
      continue;
    }
    if (c >= 128 && asciiOnly) return -1;
    if (!isWordChar(c)) {
      if (c < 128 && ASCII_CLASS[c] === BREAK_CHAR) {
        items.push("", BREAK_LEX, false, false);
        last = BREAK_LEX;
      }
      i++;
      continue;
    }
    const start = i++;
    let apostrophe = false;
    let hash = fnvStep(FNV_OFFSET, foldCase(c));
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d < 128 ? ASCII_CLASS[d] === WORD_CHAR : !asciiOnly && isWordChar(d)) {
        hash = fnvStep(hash, foldCase(d));
        i++;
      } else if (d >= 128 && asciiOnly) return -1;
      else if (d === 39 && i + 1 < n && isWordChar(s.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
      } else if (d === 46 && isDigit(s.charCodeAt(i - 1)) && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
        hash = fnvStep(hash, d); // 99.9
        i++;
      } else break;
    }
    let lex: Lex;
    if (apostrophe) {
      const raw = s.slice(start, i).toLowerCase();
      lex = vocab.lex(raw.endsWith("n't") ? raw.replace("'", "") : raw.replace(CLITIC, "").replace(/'/g, ""));
    } else lex = vocab.lexAt(s, start, i, hash);
    // Joined by "-" or "/" to the word just before it.
    const hyphen = prevEnd === start - 1 && (s.charCodeAt(prevEnd) === 45 || s.charCodeAt(prevEnd) === 47) && last !== BREAK_LEX;
    if (lex.info.phrases !== null) needs |= MAY_MERGE;
    if ((last.left && lex.right) || (lex.parts !== null && !lex.info.stop)) needs |= MAY_COMPOUND;
    items.push(lex.raw, lex, hyphen, false);
    last = lex;
    prevEnd = i;
  }
  return needs;
}

/** Merges built-in multi-word expressions in place ("round the clock" → 247); never lengthens. */
function mergeBuiltins(items: Items, vocab: Vocabulary): void {
  let out = 0;
  for (let i = 0; i < items.length; i++) {
    const lex = items.lex[i] as Lex;
    const phrase = lex.info.phrases === null ? undefined : lex.info.phrases.find((p) => spells(items, i, p.words));
    if (phrase === undefined) {
      items.raw[out] = items.raw[i] as string;
      items.lex[out] = lex;
      items.hyphen[out] = items.hyphen[i] as boolean;
      items.content[out++] = items.content[i] as boolean;
      continue;
    }
    const raw = items.raw.slice(i, i + phrase.words.length).join(" ");
    const hyphen = items.hyphen[i] as boolean;
    items.raw[out] = raw;
    items.lex[out] = vocab.lex(phrase.target);
    items.hyphen[out] = hyphen;
    items.content[out++] = true;
    i += phrase.words.length - 1;
  }
  items.length = out;
}

/** Whether the words from position `at` on are exactly `words`. */
function spells(items: Items, at: number, words: readonly string[]): boolean {
  if (at + words.length > items.length) return false;
  for (let j = 0; j < words.length; j++) if (items.raw[at + j] !== words[j]) return false;
  return true;
}

/** Joins or splits compounds the catalog knows, from `from` into `into`. */
function resolveCompounds(from: Items, into: Items, vocab: Vocabulary): void {
  into.length = 0;
  for (let i = 0; i < from.length; i++) {
    const raw = from.raw[i] as string;
    const lex = from.lex[i] as Lex;
    // `left`/`right` first: most pairs of words cannot form a catalog word, and this saves the call.
    const next = i + 1 < from.length ? (from.lex[i + 1] as Lex) : BREAK_LEX;
    if (lex.left && next.right && lex !== BREAK_LEX && next !== BREAK_LEX) {
      const nextRaw = from.raw[i + 1] as string;
      const nextHyphen = from.hyphen[i + 1] as boolean;
      const joined = vocab.join(raw, lex, nextRaw, next, nextHyphen);
      if (joined) {
        into.push(`${raw}${nextHyphen ? "-" : " "}${nextRaw}`, joined, from.hyphen[i] as boolean, true);
        i++;
        continue;
      }
    }
    const parts = lex.parts;
    if (parts && !lex.info.stop) for (const part of parts) into.push(raw, part, false, true);
    else into.push(raw, lex, from.hyphen[i] as boolean, from.content[i] as boolean);
  }
}

/** Splits `text` into content tokens. Pure; memoisation and buffers inside are invisible to callers. */
export function tokenize(text: string, vocab: Vocabulary): Token[] {
  const needs = scan(text, vocab);
  if (needs & MAY_MERGE) mergeBuiltins(scanned, vocab);
  // Most texts have no pair of words the catalog writes as one, and no word it writes as two.
  let items = scanned;
  if (needs !== 0) {
    resolveCompounds(scanned, resolved, vocab);
    items = resolved;
  }
  const tokens: Token[] = [];
  let negating = false;
  for (let i = 0; i < items.length; i++) {
    const lex = items.lex[i] as Lex;
    const info = lex.info;
    if (!items.content[i]) {
      if (info.breaker) {
        negating = false;
        continue;
      }
      if (info.cue) {
        // "won't charge for X" promises X for free: the negation is about the price, not X.
        let j = i + 1;
        while (j < items.length && (items.lex[j] as Lex).info.stop && !(items.lex[j] as Lex).info.breaker && !items.content[j]) j++;
        negating = !(j < items.length && (items.lex[j] as Lex).info.price);
        continue;
      }
      if (info.stop) continue;
    }
    const raw = items.raw[i] as string;
    const { slots, keyEntries, keyPhrases, sim, customWork } = lex;
    tokens.push({ raw, word: info.word, stem: info.stem, slots, keyEntries, keyPhrases, sim, customWork, negated: negating, index: tokens.length });
  }
  return tokens;
}
