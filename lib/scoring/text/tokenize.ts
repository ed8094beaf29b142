import { BUILTIN_PHRASES, NEGATION_CUES, PRICE_WORDS, SCOPE_BREAKERS, STOP_WORDS } from "./lexicon";
import { americanise, stem } from "./stem";

// Text → the words that carry meaning, each with its stem and whether it sits in a negated stretch.
// The steps, in order: lower-case and strip accents; split into words and clause breaks; merge
// multi-word expressions ("round the clock" → 247); join or split compounds the catalog knows
// ("e-mail" → email, "white label" ↔ whitelabel); mark negated stretches; drop stop words.
// Written as a character scanner with few allocations: it runs on every commitment and request.

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
  /** 1 for the stem itself, less for a typo, 0 when it fills nothing. */
  sim: number;
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
   * The same as lex(s.slice(start, end)). `hash` is FNV-1a of those characters, computed while
   * scanning, so a word seen before is found without copying it into a new string.
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
  sim: number;
  negated: boolean;
  /** Position among content tokens, used to keep two matches from claiming the same words. */
  index: number;
}

interface Item {
  raw: string;
  lex: Lex;
  /** Joined to the previous word by "-" or "/". */
  hyphen: boolean;
  /** Made by a built-in expression or a compound: meaningful even if its parts are stop words. */
  content: boolean;
}

const BREAK_INFO: WordInfo = { word: "", stem: "", stop: true, cue: false, breaker: true, price: false, phrases: null };
const NO_SLOTS = new Int32Array(0);
const BREAK: Item = {
  raw: "",
  lex: { raw: "", info: BREAK_INFO, slots: NO_SLOTS, sim: 0, left: false, right: false, parts: null },
  hyphen: false,
  content: false,
};
const CLITIC = /'(s|ll|re|ve|d|m)$/;
const LETTER = /\p{L}/u;

const isDigit = (c: number) => c >= 48 && c <= 57;
export const FNV_OFFSET = 0x811c9dc5;
export const fnvStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const isWordChar = (c: number) => (c >= 97 && c <= 122) || isDigit(c) || (c >= 0xc0 && LETTER.test(String.fromCharCode(c)));
// . , ; : ! ? ( ) [ ] " close a clause (and so a negated stretch).
const isBreakChar = (c: number) => c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34;

function scan(text: string, vocab: Vocabulary): Item[] {
  let s = text.toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'");
  const items: Item[] = [];
  const n = s.length;
  let prevEnd = -2;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isWordChar(c)) {
      if (isBreakChar(c)) items.push(BREAK);
      i++;
      continue;
    }
    const start = i++;
    let apostrophe = false;
    let hash = fnvStep(FNV_OFFSET, c);
    while (i < n) {
      const d = s.charCodeAt(i);
      if (isWordChar(d)) {
        hash = fnvStep(hash, d);
        i++;
      } else if (d === 39 && i + 1 < n && isWordChar(s.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
      } else if (d === 46 && isDigit(s.charCodeAt(i - 1)) && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
        hash = fnvStep(hash, d); // 99.9
        i++;
      } else break;
    }
    let lex: Lex;
    if (apostrophe) {
      const raw = s.slice(start, i);
      lex = vocab.lex(raw.endsWith("n't") ? raw.replace("'", "") : raw.replace(CLITIC, "").replace(/'/g, ""));
    } else lex = vocab.lexAt(s, start, i, hash);
    const sep = s.charCodeAt(start - 1);
    const hyphen = prevEnd === start - 1 && (sep === 45 || sep === 47) && items[items.length - 1] !== BREAK;
    items.push({ raw: lex.raw, lex, hyphen, content: false });
    prevEnd = i;
  }
  return items;
}

function mergeBuiltins(items: Item[], vocab: Vocabulary): Item[] {
  if (!items.some((it) => it.lex.info.phrases !== null)) return items;
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const phrase = item.lex.info.phrases?.find((p) => p.words.every((w, j) => items[i + j]?.raw === w));
    if (!phrase) {
      out.push(item);
      continue;
    }
    const raw = items.slice(i, i + phrase.words.length).map((x) => x.raw).join(" ");
    out.push({ raw, lex: vocab.lex(phrase.target), hyphen: item.hyphen, content: true });
    i += phrase.words.length - 1;
  }
  return out;
}

function resolveCompounds(items: Item[], vocab: Vocabulary): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const next = items[i + 1];
    if (item !== BREAK && next !== undefined && next !== BREAK) {
      const joined = vocab.join(item.raw, item.lex, next.raw, next.lex, next.hyphen);
      if (joined) {
        out.push({ raw: `${item.raw}${next.hyphen ? "-" : " "}${next.raw}`, lex: joined, hyphen: item.hyphen, content: true });
        i++;
        continue;
      }
    }
    const parts = item.lex.parts;
    if (parts && !item.lex.info.stop) for (const lex of parts) out.push({ raw: item.raw, lex, hyphen: false, content: true });
    else out.push(item);
  }
  return out;
}

/** Splits `text` into content tokens. Pure; memoisation inside is invisible to callers. */
export function tokenize(text: string, vocab: Vocabulary): Token[] {
  const items = resolveCompounds(mergeBuiltins(scan(text, vocab), vocab), vocab);
  const tokens: Token[] = [];
  let negating = false;
  for (let i = 0; i < items.length; i++) {
    const { raw, lex, content } = items[i] as Item;
    const info = lex.info;
    if (!content) {
      if (info.breaker) {
        negating = false;
        continue;
      }
      if (info.cue) {
        // "won't charge for X" promises X for free: the negation is about the price, not X.
        let j = i + 1;
        while (items[j]?.lex.info.stop && !items[j]?.lex.info.breaker && !items[j]?.content) j++;
        negating = !items[j]?.lex.info.price;
        continue;
      }
      if (info.stop) continue;
    }
    tokens.push({ raw, word: info.word, stem: info.stem, slots: lex.slots, sim: lex.sim, negated: negating, index: tokens.length });
  }
  return tokens;
}
