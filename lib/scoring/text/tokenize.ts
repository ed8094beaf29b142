import { ABSENCE_WORDS, BUILTIN_PHRASES, FORWARD_CUES, NEGATION_CUES, PRICE_WORDS, PSEUDO_NEGATIONS, RELATIVE_WORDS, SCOPE_BREAKERS, STOP_WORDS } from "./lexicon";
import { type LexTable, foldCase } from "./lex-table";
import { americanise, stem } from "./stem";

// Text → the words that carry meaning, each with its stem and whether it sits in a negated stretch.
// The steps, in order: lower-case and strip accents; split into words and clause breaks; merge
// multi-word expressions ("round the clock" → 247); join or split compounds the catalog knows
// ("e-mail" → email, "white label" ↔ whitelabel); mark negated stretches; drop stop words.
// Written as a character scanner over reused buffers: it runs on every commitment and request, so
// reading a plain ASCII text allocates only its content tokens (case is folded while scanning).

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
  /** The second word of some built-in expression of two or more words ("prem" in "on prem"). */
  phraseSecond: boolean;
}

const PHRASES_BY_FIRST = new Map<string, Phrase[]>();
for (const [text, target] of BUILTIN_PHRASES) {
  const words = text.split(" ");
  const list = PHRASES_BY_FIRST.get(words[0] ?? "") ?? [];
  list.push({ words, target });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASES_BY_FIRST.set(words[0] ?? "", list);
}
const PHRASE_SECOND_WORDS = new Set(BUILTIN_PHRASES.map(([text]) => text.split(" ")[1]).filter((w) => w !== undefined));

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
    phraseSecond: PHRASE_SECOND_WORDS.has(lower),
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
  /**
   * 1 for the stem itself, less for a typo, 0 when it fills nothing. With 1, `slots` are exactly the
   * slots of one stem (match.ts collectByPhrase relies on it); a typo may fill several stems.
   */
  sim: number;
  /** A custom-work or bespoke-service word (lexicon.ts CUSTOM_WORK_STEMS, rule 5). */
  customWork: boolean;
  /** Could begin / end a compound the catalog knows (a cheap pre-check before joining). */
  left: boolean;
  right: boolean;
  /** The catalog knows this solid word only as two words ("whitelabel" → white label). */
  parts: readonly Lex[] | null;
  /** The facts above the scanner reads for every word, as LEX_* bits (see makeLex). */
  flags: number;
  /** info.word and info.stem, copied so that a token is made from the Lex alone: one object fewer
   * to reach per word, and one shape (info objects come in several). */
  word: string;
  stem: string;
}

// Lex.flags: one load per word instead of a chase through lex.info for each fact.
const LEX_STOP = 1;
const LEX_CUE = 2;
const LEX_BREAKER = 4;
const LEX_PRICE = 8;
/** Some built-in expression starts with this word. */
const LEX_PHRASES = 16;
const LEX_LEFT = 32;
const LEX_RIGHT = 64;
/** Read as its `parts` (a stop word never is). */
const LEX_SPLITS = 128;
/** A built-in expression is this word alone ("mfa", "europe"). */
const LEX_PHRASE_ALONE = 256;
/** WordInfo.phraseSecond. */
const LEX_PHRASE_SECOND = 512;
/** A relative pronoun ("which", "that"): a cue after it does not negate back past it. */
const LEX_RELATIVE = 1024;
/** A cue that only negates what follows it: "Salesforce sync instead" promises the sync. */
const LEX_FORWARD = 2048;
/** Says, after a cue, that the thing is absent, adding nothing itself: "… is not possible". */
const LEX_ABSENCE = 4096;
/** Right after a cue, turns it into a set phrase that negates nothing: "no problem", "not just", "not yet". */
const LEX_PSEUDO = 8192;

/** A Lex with its `flags`, `word` and `stem` worked out from the other fields. */
export function makeLex(fields: Omit<Lex, "flags" | "word" | "stem">): Lex {
  const { raw, info, slots, keyEntries, keyPhrases, sim, customWork, left, right, parts } = fields;
  const flags =
    (info.stop ? LEX_STOP : 0) |
    (info.cue ? LEX_CUE : 0) |
    (info.breaker ? LEX_BREAKER : 0) |
    (info.price ? LEX_PRICE : 0) |
    (info.phrases !== null ? LEX_PHRASES : 0) |
    (left ? LEX_LEFT : 0) |
    (right ? LEX_RIGHT : 0) |
    (parts !== null && !info.stop ? LEX_SPLITS : 0) |
    (info.phrases?.some((phrase) => phrase.words.length === 1) ? LEX_PHRASE_ALONE : 0) |
    (info.phraseSecond ? LEX_PHRASE_SECOND : 0) |
    (RELATIVE_WORDS.has(info.word) ? LEX_RELATIVE : 0) |
    (FORWARD_CUES.has(info.word) ? LEX_FORWARD : 0) |
    (ABSENCE_WORDS.has(info.word) ? LEX_ABSENCE : 0) |
    (PSEUDO_NEGATIONS.has(info.word) ? LEX_PSEUDO : 0);
  // What the scanner reads for each word first, so that it spans fewer cache lines.
  return { flags, raw, word: info.word, stem: info.stem, slots, keyEntries, keyPhrases, sim, customWork, info, left, right, parts };
}

/** Word lookups and compound rules of one strategy's catalog (see compile.ts and vocabulary.ts). */
export interface Vocabulary {
  /** The words resolved so far; the scanner looks here first, lexAt resolves and adds the rest. */
  readonly memo: LexTable;
  lex(raw: string): Lex;
  /** The same as lex(s.slice(start, end).toLowerCase()); the scanner calls it for words not in `memo`. */
  lexAt(s: string, start: number, end: number): Lex;
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
const BREAK_INFO: WordInfo = { word: "", stem: "", stop: true, cue: false, breaker: true, price: false, phrases: null, phraseSecond: false };
const BREAK_LEX = makeLex({ raw: "", info: BREAK_INFO, slots: NO_SLOTS, keyEntries: NO_SLOTS, keyPhrases: NO_SLOTS, sim: 0, customWork: false, left: false, right: false, parts: null });
const CLITIC = /'(s|ll|re|ve|d|m)$/;
const CURLY_APOSTROPHE = /[\u2018\u2019]/g;
const LETTER = /\p{L}/u;

const isDigit = (c: number) => c >= 48 && c <= 57;

// What the scanner makes of each UTF-16 code unit, one table load per character: an ASCII word
// character (letter in either case, digit) maps to itself case-folded, which is what the word's
// key takes in; every other code is below FIRST_WORD_CODE and says what the character is. The
// table covers all 65,536 codes so that the common case needs no range check. 0: spaces, and
// punctuation that neither joins nor breaks.
/**
 * Closes a clause, and so a negated stretch: . , ; : ! ? ( ) [ ], a line break, a dash (– —), a
 * bullet (•), an ellipsis (…). Not quotes: in "we do not offer "on-premise hosting"" the quoted
 * words are what is ruled out.
 */
const BREAK_CHAR = 1;
const NON_ASCII = 2;
/** "-": joins the words it touches ("on-premise"); standing alone (" - ", a "--" dash) it closes a clause. */
const HYPHEN = 3;
const FIRST_WORD_CODE = 48; // "0"; lower-case letters are above it
const CHAR_CODE = new Uint8Array(0x10000).fill(NON_ASCII, 128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c)) CHAR_CODE[c] = foldCase(c);
}
for (const ch of ".,;:!?()[]\n\r\u2013\u2014\u2022\u2026\u2028\u2029") CHAR_CODE[ch.charCodeAt(0)] = BREAK_CHAR;
CHAR_CODE[45] = HYPHEN;
// Curly quotes and apostrophes (typed by phones and office software) read as their ASCII forms do
// after normalising: spaces, or an apostrophe inside a word (the scanner checks for those). So a
// text whose only non-ASCII characters are these keeps the quick scan (see normalise).
for (const c of [0x2018, 0x2019, 0x201c, 0x201d]) CHAR_CODE[c] = 0;
/** Whether the character at `i` is a space, a hyphen or outside the text (a hyphen there stands alone). */
const spaceOrHyphenAt = (s: string, i: number) => i < 0 || i >= s.length || s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 45;
const isWordChar = (c: number) => (CHAR_CODE[c] as number) >= FIRST_WORD_CODE || (c >= 0xc0 && LETTER.test(String.fromCharCode(c)));

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

// Content tokens are written one item at a time in text order, with negated stretches marked. A cue
// ("not", "won't") negates what follows up to a scope breaker or clause break, unless the next item
// that is not a plain stop word is a price word: "won't charge for X" promises X for free, so the
// negation is about the price, not X, or a set phrase ("no problem", "not just", "not yet"). A cue
// with nothing meaningful after it in its clause negates what came before it instead, as NegEx's
// post-negation triggers do: "on-premise hosting is not included", "24/7 support was declined",
// "… is not possible"; back to the clause's start or a relative pronoun ("a dedicated engineer
// which their last vendor did not offer" still promises the engineer), or, when the clause is only
// the cue ("…, we said no"), over the clause before. Streaming lets the scanner write the tokens of
// most texts as it reads them, with no second pass; the writer's state is an int the caller keeps
// in a local: three flags, and above them the position of the clause's first token.
/** Inside a negated stretch. */
const NEGATING = 1;
/** A cue was read; whether it negates waits for the next item that is not a plain stop word. */
const CUE_READ = 2;
/** That cue negates what came before it if nothing follows it in the clause ("instead", "rather" do not). */
const CUE_BACK = 4;
const FLAGS = 7;
/** The writer's state for a clause whose first token will be at `at`, with no flag set. */
const clauseAt = (at: number) => at << 3;

/** Where the last clause with a token began (tokenize is synchronous; each writing pass resets it). */
let previousClause = 0;

/**
 * Ends the clause: a cue still waiting negates the clause's tokens written before it, or, when the
 * clause is nothing but that cue ("…, we said no", "…: not possible"), the clause before it.
 * Returns the state for the next clause.
 */
function endClause(tokens: Token[], state: number): number {
  const start = state >>> 3;
  if (state & CUE_BACK) for (let i = start < tokens.length ? start : previousClause; i < tokens.length; i++) (tokens[i] as Token).negated = true;
  if (start < tokens.length) previousClause = start;
  return clauseAt(tokens.length);
}

/**
 * Writes the token of one item, if it is content, to `tokens`; returns the writer's new state
 * (clauseAt(0) = 0 at the start of a text). `content`: made by a built-in expression or a
 * compound, so meaningful even if a stop word.
 */
function writeToken(tokens: Token[], raw: string, lex: Lex, content: boolean, state: number): number {
  const flags = lex.flags;
  // "not yet" (when, not whether) and "no problem", "not just", "no later than" (set phrases) negate nothing.
  if (state & CUE_READ && !content && flags & LEX_PSEUDO) return state & ~FLAGS;
  if (!content && flags & LEX_BREAKER) return endClause(tokens, state);
  if (state & CUE_READ) {
    if (!content && flags & (LEX_STOP | LEX_ABSENCE)) return state;
    state = (state & ~FLAGS) | (flags & LEX_PRICE ? 0 : NEGATING);
  }
  if (!content) {
    if (flags & LEX_CUE) return state | CUE_READ | (flags & LEX_FORWARD ? 0 : CUE_BACK);
    if (flags & LEX_RELATIVE) {
      // A cue in the relative clause is about it: it reaches back to here, and never past.
      previousClause = tokens.length;
      return (state & FLAGS) | clauseAt(tokens.length);
    }
    if (flags & LEX_STOP) return state;
  }
  const { word, stem, slots, keyEntries, keyPhrases, sim, customWork } = lex;
  tokens.push({ raw, word, stem, slots, keyEntries, keyPhrases, sim, customWork, negated: (state & NEGATING) !== 0, index: tokens.length });
  return state;
}

/** What a scanned text may need: built-in expressions merged, compounds joined or split. */
const MAY_MERGE = 1;
const MAY_COMPOUND = 2;

/** The text lower-cased, decomposed and stripped of accents, for the scanner's second reading. */
const normalise = (text: string) => text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(CURLY_APOSTROPHE, "'");

/**
 * The scanner. With `tokens` it writes the text's tokens there and stops at the first word that
 * may need a later step, returning MAY_MERGE or MAY_COMPOUND (then those tokens are not the
 * answer); it returns 0 when they are. Without, it fills `scanned` with the text's words and
 * breaks and returns all the later steps they may need.
 * Most texts are plain ASCII: they are read as they are, folding case character by character, so
 * no lower-cased copy is made. With `asciiOnly` the scanner gives up (−1) at the first other
 * character; the caller then reads the text again normalised.
 */
function scanFrom(s: string, vocab: Vocabulary, asciiOnly: boolean, tokens: Token[] | null): number {
  const items = scanned;
  const memo = vocab.memo;
  items.length = 0;
  let state = 0; // the token writer's
  previousClause = 0;
  let needs = 0;
  let last = BREAK_LEX;
  const n = s.length;
  let prevEnd = -2;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const code = CHAR_CODE[c] as number;
    if (code < FIRST_WORD_CODE) {
      if (code !== NON_ASCII) {
        if (code === BREAK_CHAR || (code === HYPHEN && spaceOrHyphenAt(s, i - 1) && spaceOrHyphenAt(s, i + 1))) {
          if (tokens) state = endClause(tokens, state);
          else items.push("", BREAK_LEX, false, false);
          last = BREAK_LEX;
        }
        i++;
        continue;
      }
      if (asciiOnly) return -1;
      if (!isWordChar(c)) {
        i++;
        continue;
      }
    }
    const start = i++;
    let apostrophe = false;
    // The word's key for the memo (lex-table.ts): its last characters, a byte each.
    let k0 = code === NON_ASCII ? c & 0xff : code;
    let k1 = 0;
    let k2 = 0;
    let narrow = c <= 0xff;
    while (i < n) {
      const d = s.charCodeAt(i);
      const dCode = CHAR_CODE[d] as number;
      if (dCode >= FIRST_WORD_CODE) {
        k2 = (k2 << 8) | (k1 >>> 24);
        k1 = (k1 << 8) | (k0 >>> 24);
        k0 = (k0 << 8) | dCode;
        i++;
      } else if (dCode === NON_ASCII && asciiOnly) return -1;
      else if (dCode === NON_ASCII && isWordChar(d)) {
        k2 = (k2 << 8) | (k1 >>> 24);
        k1 = (k1 << 8) | (k0 >>> 24);
        k0 = (k0 << 8) | (d & 0xff);
        if (d > 0xff) narrow = false;
        i++;
      } else if ((d === 39 || d === 0x2019 || d === 0x2018) && i + 1 < n && isWordChar(s.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
      } else if (d === 46 && isDigit(s.charCodeAt(i - 1)) && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
        k2 = (k2 << 8) | (k1 >>> 24); // 99.9
        k1 = (k1 << 8) | (k0 >>> 24);
        k0 = (k0 << 8) | d;
        i++;
      } else break;
    }
    let lex: Lex;
    if (apostrophe) {
      const raw = s.slice(start, i).toLowerCase().replace(CURLY_APOSTROPHE, "'");
      lex = vocab.lex(raw.endsWith("n't") ? raw.replace("'", "") : raw.replace(CLITIC, "").replace(/'/g, ""));
    } else lex = memo.find(s, start, i, k0, k1, k2, narrow) ?? vocab.lexAt(s, start, i);
    // What the later steps may do: cheap tests of this word and the one before it, exact enough
    // that most texts with a word like "on" (which begins "on prem") are not read again.
    const flags = lex.flags;
    const lastFlags = last.flags;
    const mayMerge = flags & LEX_PHRASE_ALONE || (lastFlags & LEX_PHRASES && flags & LEX_PHRASE_SECOND);
    const mayCompound = flags & LEX_SPLITS || (lastFlags & LEX_LEFT && flags & LEX_RIGHT);
    if (tokens) {
      // Built-in expressions and compounds are rare: the text is read again, into `scanned`.
      if (mayMerge) return MAY_MERGE;
      if (mayCompound) return MAY_COMPOUND;
      state = writeToken(tokens, lex.raw, lex, false, state);
    } else {
      if (mayMerge) needs |= MAY_MERGE;
      if (mayCompound) needs |= MAY_COMPOUND;
      // Joined by "-" or "/" to the word just before it.
      const hyphen = prevEnd === start - 1 && (s.charCodeAt(prevEnd) === 45 || s.charCodeAt(prevEnd) === 47) && last !== BREAK_LEX;
      items.push(lex.raw, lex, hyphen, false);
    }
    last = lex;
    prevEnd = i;
  }
  if (tokens) endClause(tokens, state);
  return needs;
}

/**
 * Merges built-in multi-word expressions in place ("round the clock" → 247); never lengthens.
 * Whether it merged any: most texts that might ("on", "no") do not.
 */
function mergeBuiltins(items: Items, vocab: Vocabulary): boolean {
  let out = -1; // where the next item goes, once the first expression is found
  for (let i = 0; i < items.length; i++) {
    const lex = items.lex[i] as Lex;
    const phrase = lex.flags & LEX_PHRASES ? phraseAt(items, i, lex.info.phrases as readonly Phrase[]) : undefined;
    if (phrase === undefined) {
      if (out < 0) continue; // nothing merged yet: everything stays where it is
      items.raw[out] = items.raw[i] as string;
      items.lex[out] = lex;
      items.hyphen[out] = items.hyphen[i] as boolean;
      items.content[out++] = items.content[i] as boolean;
      continue;
    }
    if (out < 0) out = i;
    const raw = items.raw.slice(i, i + phrase.words.length).join(" ");
    const hyphen = items.hyphen[i] as boolean;
    items.raw[out] = raw;
    items.lex[out] = vocab.lex(phrase.target);
    items.hyphen[out] = hyphen;
    items.content[out++] = true;
    i += phrase.words.length - 1;
  }
  if (out < 0) return false;
  items.length = out;
  return true;
}

/** The first (longest) of `phrases` spelt by the words from position `at` on. */
function phraseAt(items: Items, at: number, phrases: readonly Phrase[]): Phrase | undefined {
  for (const phrase of phrases) if (spells(items, at, phrase.words)) return phrase;
  return undefined;
}

/** Whether the words from position `at` on are exactly `words`. */
function spells(items: Items, at: number, words: readonly string[]): boolean {
  if (at + words.length > items.length) return false;
  for (let j = 0; j < words.length; j++) if (items.raw[at + j] !== words[j]) return false;
  return true;
}

/** Joins or splits compounds the catalog knows, from `from` into `into`; returns `into`. */
function resolveCompounds(from: Items, into: Items, vocab: Vocabulary): Items {
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
  return into;
}

/** Splits `text` into content tokens. Pure; memoisation and buffers inside are invisible to callers. */
export function tokenize(text: string, vocab: Vocabulary): Token[] {
  let s = text;
  let tokens: Token[] = [];
  let quick = scanFrom(s, vocab, true, tokens);
  if (quick < 0) {
    s = normalise(text);
    tokens = [];
    quick = scanFrom(s, vocab, false, tokens);
  }
  // Most texts have no built-in expression, no pair of words the catalog writes as one and no word
  // it writes as two: their tokens are the scanner's.
  if (quick === 0) return tokens;
  // The quick scan may have stopped before a character that is not ASCII.
  let needs = scanFrom(s, vocab, s === text, null);
  if (needs < 0) {
    s = normalise(text);
    needs = scanFrom(s, vocab, false, null);
  }
  const merged = (needs & MAY_MERGE) !== 0 && mergeBuiltins(scanned, vocab);
  const items = merged || needs & MAY_COMPOUND ? resolveCompounds(scanned, resolved, vocab) : scanned;
  tokens = [];
  let state = 0;
  previousClause = 0;
  for (let i = 0; i < items.length; i++) state = writeToken(tokens, items.raw[i] as string, items.lex[i] as Lex, items.content[i] as boolean, state);
  endClause(tokens, state);
  return tokens;
}
