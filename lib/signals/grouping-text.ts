import { GENERIC_STEMS } from "@/lib/scoring/text/generic";
import { ABSENCE_WORDS, FORWARD_CUES, PSEUDO_NEGATIONS, RELATIVE_WORDS } from "@/lib/scoring/text/lexicon";
import { wordInfo } from "@/lib/scoring/text/tokenize";
import { MIN_TYPO_LENGTH, deletions, isPlausibleTypo } from "@/lib/scoring/text/typo";
import { BROAD_WEIGHT, CONCEPTS, DOMAIN_WORDS, EVERYDAY_WORDS, MERGES, NEAR_WINDOW } from "./concepts";

// A request's text → the concepts it mentions (concepts.ts), each with the words that gave it.
//
// Per-word normalisation is the scoring engine's (lib/scoring/text/tokenize.ts wordInfo: lower
// case, American spelling, light stem, STOP_WORDS, NEGATION_CUES, SCOPE_BREAKERS, PRICE_WORDS),
// so both engines read a word the same way. The scoring tokenizer itself is not reused: it is bound
// to a strategy's catalog vocabulary and drops stop words and negation cues before phrases could be
// read, and grouping needs exactly those ("check out", "follow up", "didn't check out").
//
// Steps, in order:
//   1. scan words with their offsets (for names), clause breaks (, : ( ) [ ] ") and sentence
//      breaks (. ! ? ; new line);
//   2. correct plausible typos of lexicon words ("remider" → reminder, "Salesforse" → Salesforce);
//   3. join MERGES ("waiting list" → waitlist, "e-mail" → email);
//   4. read "not …" patterns ("didn't check out" → abandoned-checkout);
//   5. mark negated stretches as the scoring engine does: a negation cue negates the rest of its
//      clause, up to a scope breaker ("but", "only" …), unless a price word follows ("won't charge
//      for X" still asks for X). Negated words are dropped, so "not a mobile app, a responsive
//      site" asks for a responsive site only; what a request rules out does not group it;
//   6. read near patterns within a sentence; words of the same concept's patterns around a match
//      that mean nothing alone join it ("AI-driven price optimisation" is one phrase);
//   7. read single words: a listed word by its stem (or, if its stem is an everyday word, only its
//      own inflections: "dollar" → dollars, but "accessible" ↛ access); a word the lexicon does not
//      know becomes a concept of its own (its stem, at least MIN_WORD_CONCEPT letters) unless it is
//      a stop word, everyday English (generic.ts, EVERYDAY_WORDS) or an everyday domain word.

export interface AnalysedToken {
  /** As written. */
  raw: string;
  start: number;
  end: number;
  word: string;
  stem: string;
  stop: boolean;
  cue: boolean;
  breaker: boolean;
  price: boolean;
  clause: number;
  sentence: number;
  /** Position among non-stop words, for NEAR_WINDOW. */
  pos: number;
  negated: boolean;
  /** Read as a plausible typo of a lexicon word. */
  typo: boolean;
  /** The concept this word gave, if any. */
  concept: string | null;
}

interface Pattern {
  concept: string;
  /** Whether the first slot is "not" (any negation cue). */
  not: boolean;
  slots: ReadonlySet<string>[];
}

interface Merge {
  stems: readonly string[];
  target: string;
}

const lower = (w: string) => w.toLowerCase();
const stemOf = (w: string) => wordInfo(lower(w)).stem;
const words = (s: string | undefined) => (s ?? "").trim().split(/\s+/).filter(Boolean);

// ── The compiled lexicon ─────────────────────────────────────────────────────────────────────

const MERGES_BY_FIRST = new Map<string, Merge[]>();
for (const [text, target] of MERGES) {
  const stems = text.split(" ").map(stemOf);
  const first = stems[0] ?? "";
  const list = MERGES_BY_FIRST.get(first) ?? [];
  list.push({ stems, target: lower(target) });
  list.sort((a, b) => b.stems.length - a.stems.length);
  MERGES_BY_FIRST.set(first, list);
}

/** Listed word (American spelling) → concept; always matched as written. */
const BY_WORD = new Map<string, string>();
/** Stem → concept, for listed words whose stem is not an everyday word. */
const BY_STEM = new Map<string, string>();
/**
 * Stem → [listed word, concept] for listed words whose stem is an everyday word: they match only
 * their own inflections ("dollar" → dollars, "localize" → localized, but "accessible" ↛ access).
 */
const BY_GENERIC_STEM = new Map<string, [string, string][]>();
/** Per concept, the words its near patterns use that give no concept of their own ("optimize"). */
const PATTERN_ONLY = new Map<string, Set<string>>();
const LABELS = new Map<string, string>();
const BROAD = new Set<string>();
/** Every stem the lexicon mentions (words, pattern slots, merge targets): not typos of anything. */
const KNOWN = new Set<string>();
/** Spelling → its stem, for typo candidates (written forms and stems of lexicon words). */
const SPELLINGS = new Map<string, string>();
const PATTERNS: Pattern[] = [];
/** Same word listed for two concepts: a lexicon mistake, reported by lexiconProblems(). */
const CONFLICTS: string[] = [];

function addSpelling(form: string, stem: string): void {
  if (form.length >= MIN_TYPO_LENGTH && !/\d/.test(form) && !SPELLINGS.has(form)) SPELLINGS.set(form, stem);
}

for (const [, target] of MERGES) {
  const info = wordInfo(lower(target));
  KNOWN.add(info.stem);
}

for (const entry of CONCEPTS) {
  LABELS.set(entry.id, entry.label);
  if (entry.broad) BROAD.add(entry.id);
  for (const w of words(entry.words)) {
    const info = wordInfo(lower(w));
    const prior = BY_WORD.get(info.word);
    if (prior !== undefined && prior !== entry.id) CONFLICTS.push(`"${w}" is listed for ${prior} and ${entry.id}`);
    if (prior === undefined) BY_WORD.set(info.word, entry.id);
    if (GENERIC_STEMS.has(info.stem)) {
      const list = BY_GENERIC_STEM.get(info.stem) ?? [];
      list.push([info.word, entry.id]);
      BY_GENERIC_STEM.set(info.stem, list);
    } else {
      const priorStem = BY_STEM.get(info.stem);
      if (priorStem !== undefined && priorStem !== entry.id) CONFLICTS.push(`stem "${info.stem}" (${w}) is listed for ${priorStem} and ${entry.id}`);
      if (priorStem === undefined) BY_STEM.set(info.stem, entry.id);
    }
    KNOWN.add(info.stem);
    addSpelling(info.word, info.stem);
    addSpelling(info.stem, info.stem);
  }
  for (const text of entry.near ?? []) {
    const parts = text.split(" + ").map((s) => s.trim());
    const not = parts[0] === "not";
    const slots = (not ? parts.slice(1) : parts).map((slot) => {
      const set = new Set<string>();
      for (const alt of slot.split("|")) {
        const info = wordInfo(lower(alt));
        set.add(info.stem);
        KNOWN.add(info.stem);
        addSpelling(info.word, info.stem);
      }
      return set;
    });
    PATTERNS.push({ concept: entry.id, not, slots });
  }
}
// Longer patterns first (more specific), then table order.
PATTERNS.sort((a, b) => b.slots.length + (b.not ? 1 : 0) - (a.slots.length + (a.not ? 1 : 0)));
/** Stem → the patterns (indexes into PATTERNS) one of whose slots it fills. */
const PATTERNS_BY_STEM = new Map<string, number[]>();
PATTERNS.forEach((p, i) => {
  const own = PATTERN_ONLY.get(p.concept) ?? new Set<string>();
  for (const slot of p.slots) {
    for (const stem of slot) {
      const list = PATTERNS_BY_STEM.get(stem) ?? [];
      if (!list.includes(i)) list.push(i);
      PATTERNS_BY_STEM.set(stem, list);
      if (!BY_STEM.has(stem) && !BY_GENERIC_STEM.has(stem)) own.add(stem);
    }
  }
  PATTERN_ONLY.set(p.concept, own);
});

/** Stems of DOMAIN_WORDS and EVERYDAY_WORDS: never concepts on their own. */
const IGNORED_STEMS: ReadonlySet<string> = new Set([...words(DOMAIN_WORDS), ...words(EVERYDAY_WORDS)].map(stemOf));

const TYPO_INDEX = new Map<string, string[]>();
for (const form of SPELLINGS.keys()) {
  for (const key of [form, ...deletions(form)]) {
    const list = TYPO_INDEX.get(key);
    if (!list) TYPO_INDEX.set(key, [form]);
    else if (!list.includes(form)) list.push(form);
  }
}

/** Problems in the lexicon tables (a word listed for two concepts); empty when it is consistent. */
export function lexiconProblems(): readonly string[] {
  return CONFLICTS;
}

/** Number of concept entries, merges, single words and near patterns, for reports. */
export function lexiconSize(): { concepts: number; merges: number; words: number; patterns: number } {
  return { concepts: CONCEPTS.length, merges: MERGES.length, words: BY_WORD.size, patterns: PATTERNS.length };
}

/** Whether the lexicon defines this concept (as opposed to a word that became its own concept). */
export function isLexiconConcept(concept: string): boolean {
  return LABELS.has(concept);
}

/** How a leader reads a concept: its lexicon label, or null for a word-concept (use its evidence). */
export function conceptLabel(concept: string): string | null {
  return LABELS.get(concept) ?? null;
}

/** The broad concepts (weighted BROAD_WEIGHT), for callers that sum over a theme quickly. */
export const BROAD_CONCEPTS: readonly string[] = CONCEPTS.filter((e) => e.broad).map((e) => e.id);

/** The concept's weight in the similarity: BROAD_WEIGHT for broad concepts, else 1. */
export function conceptWeight(concept: string): number {
  return BROAD.has(concept) ? BROAD_WEIGHT : 1;
}

// ── Analysis ─────────────────────────────────────────────────────────────────────────────────

// Words, and breaks: [.!?;] and new lines end a sentence; commas, colons, brackets, dashes (– — and
// a hyphen standing alone), bullets and ellipses only a clause. Quotes break nothing, as in scoring.
const SCAN = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*|[.,;:!?()[\]\n\u2013\u2014\u2022\u2026]|(?<=^|\s)-+(?=\s|$)/gu;
const BREAK = /^(?:[.,;:!?()[\]\n\u2013\u2014\u2022\u2026]|-+)$/;
const SENTENCE_BREAKS = ".!?;\n";
const CLITIC = /'(s|ll|re|ve|d|m)$/;
/** A word the lexicon does not know needs this many letters to be a concept ("es", "de" are not). */
const MIN_WORD_CONCEPT = 3;

const TYPO_CACHE_LIMIT = 50_000;
const typoCache = new Map<string, string | null>();

/** The lexicon stem `word` (or its stem) is a plausible one-slip misspelling of, or null. Deterministic. */
function typoOf(word: string, stem: string): string | null {
  const key = `${word} ${stem}`;
  const hit = typoCache.get(key);
  if (hit !== undefined) return hit;
  let found: string | null = null;
  for (const typed of word === stem ? [word] : [word, stem]) {
    if (typed.length < MIN_TYPO_LENGTH || /\d/.test(typed)) continue;
    for (const k of [typed, ...deletions(typed)]) {
      for (const known of TYPO_INDEX.get(k) ?? []) {
        if (!isPlausibleTypo(typed, known)) continue;
        const target = SPELLINGS.get(known) ?? known;
        if (found === null || target < found) found = target;
      }
    }
  }
  if (typoCache.size >= TYPO_CACHE_LIMIT) typoCache.clear();
  typoCache.set(key, found);
  return found;
}

/** The concept a single word gives by the lexicon's word lists, or undefined. */
function wordConcept(word: string, stem: string): string | undefined {
  const direct = BY_WORD.get(word) ?? BY_STEM.get(stem);
  if (direct !== undefined) return direct;
  for (const [listed, concept] of BY_GENERIC_STEM.get(stem) ?? []) if (word.startsWith(listed)) return concept;
  return undefined;
}

function scan(text: string): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  let clause = 0;
  let sentence = 0;
  for (const m of text.matchAll(SCAN)) {
    const raw = m[0];
    const start = m.index;
    if (BREAK.test(raw)) {
      clause++;
      if (SENTENCE_BREAKS.includes(raw)) sentence++;
      continue;
    }
    let w = raw.toLowerCase();
    if (/[^\x00-\x7f]/.test(w)) w = w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'");
    if (w.includes("'")) w = w.endsWith("n't") ? w.replace(/'/g, "") : w.replace(CLITIC, "").replace(/'/g, "");
    if (w.length === 0) continue;
    const info = wordInfo(w);
    let { stem, word } = info;
    let typo = false;
    if (!info.stop && !KNOWN.has(stem) && !GENERIC_STEMS.has(stem) && !IGNORED_STEMS.has(stem) && !BY_WORD.has(word)) {
      const known = typoOf(word, stem);
      if (known !== null) {
        stem = known;
        word = known;
        typo = true;
      }
    }
    tokens.push({ raw, start, end: start + raw.length, word, stem, stop: info.stop, cue: info.cue, breaker: info.breaker, price: info.price, clause, sentence, pos: 0, negated: false, typo, concept: null });
  }
  return tokens;
}

function merge(text: string, tokens: AnalysedToken[]): AnalysedToken[] {
  const out: AnalysedToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as AnalysedToken;
    const merges = MERGES_BY_FIRST.get(tok.stem);
    const found = merges?.find((mg) => mg.stems.every((s, j) => tokens[i + j]?.stem === s && tokens[i + j]?.clause === tok.clause));
    if (found === undefined) {
      out.push(tok);
      continue;
    }
    const last = tokens[i + found.stems.length - 1] as AnalysedToken;
    const info = wordInfo(found.target);
    out.push({ ...tok, raw: text.slice(tok.start, last.end), end: last.end, word: info.word, stem: info.stem, stop: false, cue: false, breaker: false, price: false });
    i += found.stems.length - 1;
  }
  // Positions count words that are not stop words; a stop word shares the position of the next
  // word, so "tell fans when returned" spans two positions. Single letters left over ("t" of an
  // unmerged t-shirt) carry nothing.
  let pos = 0;
  for (const tok of out) {
    if (tok.word.length < 2 && !/\d/.test(tok.word)) tok.stop = true;
    tok.pos = pos;
    if (!tok.stop) pos++;
  }
  return out;
}

/**
 * Finds one occurrence of `p` among the tokens `usable` allows: the slot words within NEAR_WINDOW
 * positions of each other in one sentence, any order, except that a "not" slot comes first.
 * Returns the token indexes (the "not" cue first), or null.
 */
function findPattern(tokens: readonly AnalysedToken[], p: Pattern, usable: (i: number) => boolean): number[] | null {
  const slotCount = p.slots.length + (p.not ? 1 : 0);
  const chosen: number[] = [];
  const slotMatches = (k: number, t: AnalysedToken) => {
    if (p.not && k === 0) return t.cue;
    return (p.slots[p.not ? k - 1 : k] as ReadonlySet<string>).has(t.stem);
  };
  const search = (k: number, lo: number, hi: number, sentence: number): boolean => {
    if (k === slotCount) return true;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as AnalysedToken;
      if (!usable(i) || chosen.includes(i) || !slotMatches(k, t)) continue;
      if (k > 0 && (t.sentence !== sentence || Math.max(hi, t.pos) - Math.min(lo, t.pos) > NEAR_WINDOW)) continue;
      if (p.not && k > 0 && t.pos <= (tokens[chosen[0] as number] as AnalysedToken).pos) continue;
      chosen.push(i);
      if (search(k + 1, k === 0 ? t.pos : Math.min(lo, t.pos), k === 0 ? t.pos : Math.max(hi, t.pos), k === 0 ? t.sentence : sentence)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0, 0, 0, -1) ? chosen : null;
}

/** Reads the near patterns ("not" patterns when `negation`, the others otherwise) into `tokens`. */
function applyPatterns(tokens: AnalysedToken[], negation: boolean, used: boolean[]): void {
  const candidates = new Set<number>();
  for (const t of tokens) for (const i of PATTERNS_BY_STEM.get(t.stem) ?? []) candidates.add(i);
  if (candidates.size === 0) return;
  const usable = (i: number) => {
    const t = tokens[i] as AnalysedToken;
    return !used[i] && (negation || (!t.negated && !t.cue));
  };
  for (const index of [...candidates].sort((a, b) => a - b)) {
    const p = PATTERNS[index] as Pattern;
    if (p.not !== negation) continue;
    for (let found = findPattern(tokens, p, usable); found !== null; found = findPattern(tokens, p, usable)) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const i of found) {
        const t = tokens[i] as AnalysedToken;
        used[i] = true;
        t.concept = p.concept;
        lo = Math.min(lo, t.pos);
        hi = Math.max(hi, t.pos);
      }
      // Words of this concept's patterns around the match that mean nothing alone belong to it:
      // "AI-driven price optimisation" is one dynamic-pricing phrase, not a leftover "optimisation".
      const own = PATTERN_ONLY.get(p.concept);
      const sentence = (tokens[found[found.length - 1] as number] as AnalysedToken).sentence;
      tokens.forEach((t, i) => {
        if (own?.has(t.stem) && usable(i) && t.sentence === sentence && Math.max(hi, t.pos) - Math.min(lo, t.pos) <= NEAR_WINDOW) {
          used[i] = true;
          t.concept = p.concept;
        }
      });
    }
  }
}

/**
 * Marks negated words as the scoring engine does (lib/scoring/text/tokenize.ts writeToken): a cue
 * negates the rest of its clause up to a scope breaker, unless the next word that says anything is
 * a price word ("won't charge for X" asks for X) or makes a set phrase ("no problem", "not just",
 * "not yet"). A cue with nothing meaningful after it in its clause negates what came before it in
 * the clause, back to a relative pronoun ("a mobile app is not needed"), or, when the clause is
 * nothing but the cue, the clause before ("they asked for an app, we said no"); "instead" and
 * "rather" only negate forward.
 */
function markNegation(tokens: AnalysedToken[], used: boolean[]): void {
  const meaningful = (t: AnalysedToken, k: number) => !t.stop && !t.cue && !used[k];
  let negating = false;
  let clause = -1;
  let from = 0; // where a cue with nothing after it negates back to
  let hasWord = false; // the current clause (from `from`) has a meaningful word
  let previous = -1; // the start of the last clause with a meaningful word
  const negateBack = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (meaningful(tokens[k] as AnalysedToken, k)) (tokens[k] as AnalysedToken).negated = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AnalysedToken;
    if (t.clause !== clause) {
      if (hasWord) previous = from;
      clause = t.clause;
      negating = false;
      from = i;
      hasWord = false;
    }
    if (t.breaker && !used[i]) {
      if (hasWord) previous = from;
      negating = false;
      from = i + 1;
      hasWord = false;
      continue;
    }
    if (RELATIVE_WORDS.has(t.word)) {
      from = i + 1;
      previous = i + 1;
      hasWord = false;
    }
    if (t.cue && !used[i]) {
      let j = i + 1;
      let setPhrase = false;
      for (; j < tokens.length; j++) {
        const u = tokens[j] as AnalysedToken;
        if (u.clause !== clause) break;
        if (PSEUDO_NEGATIONS.has(u.word)) setPhrase = true;
        if (setPhrase || u.breaker || !(u.stop || ABSENCE_WORDS.has(u.word))) break;
      }
      const next = j < tokens.length && (tokens[j] as AnalysedToken).clause === clause && !(tokens[j] as AnalysedToken).breaker ? (tokens[j] as AnalysedToken) : undefined;
      if (setPhrase || next?.price) negating = false;
      else if (next !== undefined) negating = true;
      else if (!FORWARD_CUES.has(t.word)) negateBack(hasWord ? from : Math.max(previous, 0), i);
      continue;
    }
    t.negated = negating && !t.stop && !used[i];
    if (meaningful(t, i)) hasWord = true;
  }
}

/** The tokens of `text` with the concept each gave (null for none). Pure and deterministic. */
export function analyse(text: string): AnalysedToken[] {
  const tokens = merge(text, scan(text));
  const used = tokens.map(() => false);
  if (tokens.some((t) => t.cue)) applyPatterns(tokens, true, used);
  markNegation(tokens, used);
  applyPatterns(tokens, false, used);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AnalysedToken;
    if (used[i] || t.stop || t.cue || t.negated) continue;
    const concept = wordConcept(t.word, t.stem);
    if (concept !== undefined) t.concept = concept;
    else if (!GENERIC_STEMS.has(t.stem) && !IGNORED_STEMS.has(t.stem) && t.stem.length >= MIN_WORD_CONCEPT) t.concept = t.stem;
  }
  return tokens;
}
