import { LexTable } from "./text/lex-table";
import { type Lex, type Vocabulary, type WordInfo, makeLex, wordInfo } from "./text/tokenize";
import { CUSTOM_WORK_STEMS } from "./text/lexicon";
import { MIN_TYPO_LENGTH, deletions, isPlausibleTypo } from "./text/typo";

// How one strategy's catalog reads a rep's words. Every word is resolved once — its stem, the
// catalog slots it fills (exactly or through a typo), whether it can start or end a compound the
// catalog knows, whether the catalog only knows it as two words — and memoised, so scoring a text
// costs one hash-table probe per word.

/** A typo fills a slot at this share of an exact word. */
export const TYPO_SIMILARITY = 0.8;

const NO_SLOTS = new Int32Array(0);

/** Catalog-side vocabulary used while compiling: no slots yet, only the compound rule. */
export function catalogVocabulary(joinWhen: (joinedStem: string, hyphen: boolean) => boolean): Vocabulary {
  const lex = (raw: string): Lex => makeLex({ raw, info: wordInfo(raw), slots: NO_SLOTS, keyEntries: NO_SLOTS, keyPhrases: NO_SLOTS, sim: 0, customWork: false, left: true, right: true, parts: null });
  return {
    memo: new LexTable(), // stays empty: the catalog is read once
    lex,
    lexAt: (s, start, end) => lex(s.slice(start, end).toLowerCase()),
    join: (a, _al, b, _bl, hyphen) => {
      const joined = lex(a + b);
      return joinWhen(joined.info.stem, hyphen) ? joined : null;
    },
  };
}

export interface TextVocabularyInput {
  postings: Map<string, Int32Array>;
  /** Solid catalog word → the two stems the catalog writes it as. */
  splits: Map<string, readonly [string, string]>;
  /** Catalog spellings (and stems) → their stem, for typo candidates. */
  spellings: Map<string, string>;
  /** Per slot: its entry when it is a key word of its phrase, else −1 (compile.ts keySlots). */
  slotKeyEntry: Int32Array;
  /** Per slot: its phrase when it is a key word of that phrase, else −1. */
  slotKeyPhrase: Int32Array;
}

export function textVocabulary({ postings, splits, spellings, slotKeyEntry, slotKeyPhrase }: TextVocabularyInput): Vocabulary {
  // Prefixes/suffixes of catalog stems: a pair of words can only join into a catalog word if the
  // left one begins one and the right one's stem ends it.
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  for (const v of postings.keys()) {
    for (let i = 1; i < v.length; i++) {
      prefixes.add(v.slice(0, i));
      suffixes.add(v.slice(i));
    }
  }
  const typoIndex = buildTypoIndex(spellings);

  function typoSlots(info: WordInfo): Int32Array {
    const slots = new Set<number>();
    for (const typed of info.word === info.stem ? [info.word] : [info.word, info.stem]) {
      if (typed.length < MIN_TYPO_LENGTH) continue;
      for (const key of [typed, ...deletions(typed)]) {
        for (const known of typoIndex.get(key) ?? []) {
          if (!isPlausibleTypo(typed, known)) continue;
          for (const s of postings.get(spellings.get(known) ?? "") ?? NO_SLOTS) slots.add(s);
        }
      }
    }
    return slots.size === 0 ? NO_SLOTS : Int32Array.from([...slots].sort((a, b) => a - b));
  }

  /** The entries whose key words (compile.ts keySlots) are among `slots`, each once. */
  function keyEntries(slots: Int32Array): Int32Array {
    const entries = new Set<number>();
    for (const k of slots) if ((slotKeyEntry[k] as number) >= 0) entries.add(slotKeyEntry[k] as number);
    return entries.size === 0 ? NO_SLOTS : Int32Array.from(entries);
  }

  /** The phrases one of whose key words is among `slots`, each once, ascending. */
  function keyPhrases(slots: Int32Array): Int32Array {
    const phrases = new Set<number>();
    for (const k of slots) if ((slotKeyPhrase[k] as number) >= 0) phrases.add(slotKeyPhrase[k] as number);
    return phrases.size === 0 ? NO_SLOTS : Int32Array.from([...phrases].sort((a, b) => a - b));
  }

  function forStem(raw: string, info: WordInfo, stem: string): Lex {
    const slots = postings.get(stem) ?? NO_SLOTS;
    const customWork = CUSTOM_WORK_STEMS.has(stem);
    return makeLex({ raw, info: { ...info, stem }, slots, keyEntries: keyEntries(slots), keyPhrases: keyPhrases(slots), sim: 1, customWork, left: false, right: false, parts: null });
  }

  function resolve(raw: string): Lex {
    const info = wordInfo(raw);
    const exact = postings.get(info.stem);
    const typo = exact || info.stop ? NO_SLOTS : typoSlots(info);
    const split = exact ? undefined : splits.get(info.stem);
    return makeLex({
      raw,
      info,
      slots: exact ?? typo,
      keyEntries: keyEntries(exact ?? typo),
      keyPhrases: keyPhrases(exact ?? typo),
      sim: exact ? 1 : typo.length > 0 ? TYPO_SIMILARITY : 0,
      customWork: CUSTOM_WORK_STEMS.has(info.stem),
      left: prefixes.has(info.word),
      right: suffixes.has(info.stem),
      parts: split ? split.map((s) => forStem(raw, info, s)) : null,
    });
  }

  const memo = new LexTable();
  function lex(raw: string): Lex {
    const hit = memo.findWord(raw);
    if (hit) return hit;
    const found = resolve(raw);
    memo.insert(found);
    return found;
  }

  return {
    memo,
    lex,
    lexAt: (s, start, end) => lex(s.slice(start, end).toLowerCase()),
    // Read two words as one when the catalog knows the joined word: "self hosted" → selfhost
    // because the catalog says "self-hosted", "e mail" → email. A stop word joins only across a
    // hyphen ("in-app"), so "for their" is never looked up as "fortheir".
    join(a, al, b, bl, hyphen) {
      if (!al.left || !bl.right || (!hyphen && (al.info.stop || bl.info.stop))) return null;
      const joined = lex(a + b);
      return postings.has(joined.info.stem) ? joined : null;
    },
  };
}

function buildTypoIndex(spellings: Map<string, string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (key: string, target: string) => {
    const list = index.get(key);
    if (!list) index.set(key, [target]);
    else if (!list.includes(target)) list.push(target);
  };
  for (const spelling of spellings.keys()) {
    if (spelling.length < MIN_TYPO_LENGTH || /\d/.test(spelling)) continue;
    add(spelling, spelling);
    for (const d of deletions(spelling)) add(d, spelling);
  }
  return index;
}
