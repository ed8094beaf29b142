import { type CatalogEntry, type CatalogPhrase, type CompiledStrategy, compileStrategy } from "./compile";
import { MATCH_THRESHOLD } from "./policy";
import { type Scratch, nextStamp, scratch } from "./scratch";
import { selectDistinct, selectFromEntryMasks } from "./select";
import { type Token, tokenize } from "./text/tokenize";
import type { CapabilityStatus, CatalogMatch, StrategySnapshot } from "./types";

// Free text → catalog entries. Each name or alias is a bag of weighted words; the strength of a
// match is the weighted share of that bag the text covers (word order does not matter, extra words
// in the text do not hurt). A word counts fully when its stem is the catalog's, and less when it is
// a plausible one-slip typo of a catalog word (vocabulary.ts). A match needs more than
// MATCH_THRESHOLD, and a name or alias of several words is never matched by one everyday word
// alone (text/generic.ts). See docs/decisions/0004-scoring-and-matching.md.

export { MATCH_THRESHOLD };

export interface TextMatch {
  entry: CatalogEntry;
  via: string;
  strength: number;
  /** Positions of the content tokens that matched, ascending. */
  tokenIndexes: number[];
  matchedWords: string[];
  negated: boolean;
}

export interface TextAnalysis {
  tokens: Token[];
  /** Affirmed matches, strongest first; each explains at least one word the stronger ones did not. */
  matches: readonly TextMatch[];
  /** What the text explicitly rules out ("we will not offer on-premise hosting"). */
  negatedMatches: readonly TextMatch[];
  /** Whether any meaningful word is outside a negation, i.e. the text affirms something. */
  affirms: boolean;
}

/** What a caller needs from a text: scoreDeal never reports what a text rules out. */
export interface AnalyseOptions {
  /** Also match the negated words (default true). */
  negated?: boolean;
  /** At most this many affirmed matches, strongest first (a request only needs its best one). */
  limit?: number;
}

const NONE: readonly TextMatch[] = Object.freeze([]);

function collect(tokens: Token[], negated: boolean, c: CompiledStrategy, limit: number): readonly TextMatch[] {
  const s = scratch(c);
  const { slotBest, slotToken, touchedSlots, covered, touched, entryStrength, entryPhrase, candidates, marked, markedList } = s;
  const { slotPhrase, slotEntry, slotWeight, phraseWeight, phraseEntry, phraseSlotStart, slotGeneric } = c;
  // Only entries one of whose key words the text contains can match (compile.ts keySlots); the
  // words of all other entries are skipped below. Many words a text shares with the catalog are
  // the lighter half of some phrase ("integration", "team"): on the benchmark catalog this skips
  // more than half of the phrase words a text touches.
  let markedCount = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    if (tok.negated !== negated) continue;
    const keys = tok.keyEntries;
    for (let i = 0; i < keys.length; i++) {
      const entry = keys[i] as number;
      if (marked[entry] === 0) {
        marked[entry] = 1;
        markedList[markedCount++] = entry;
      }
    }
  }
  let slotCount = 0;
  let phraseCount = 0;
  if (markedCount > 0) {
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t] as Token;
      if (tok.negated !== negated) continue;
      const { slots, sim } = tok;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i] as number;
        if (marked[slotEntry[slot] as number] === 0) continue;
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
  }

  // Best phrase per entry; ties keep the earlier phrase (the name comes before its aliases).
  let candidateCount = 0;
  for (let t = 0; t < phraseCount; t++) {
    const pi = touched[t] as number;
    // Most touched phrases are settled without a division: multiplying by a power of two (the
    // threshold is one half) is exact, so this never rejects a phrase the division would accept.
    if ((covered[pi] as number) <= (phraseWeight[pi] as number) * MATCH_THRESHOLD) continue;
    const strength = (covered[pi] as number) / (phraseWeight[pi] as number);
    if (strength <= MATCH_THRESHOLD) continue;
    // One everyday word never stands for a whole name or alias of several words (text/generic.ts).
    const from = phraseSlotStart[pi] as number;
    const to = phraseSlotStart[pi + 1] as number;
    if (to - from > 1) {
      let distinctive = false;
      for (let k = from, matched = 0; k < to && !distinctive; k++) {
        if ((slotBest[k] as number) !== 0) distinctive = slotGeneric[k] === 0 || ++matched >= 2;
      }
      if (!distinctive) continue;
    }
    const entry = phraseEntry[pi] as number;
    const prev = entryStrength[entry] as number;
    if (prev === 0) candidates[candidateCount++] = entry;
    if (strength > prev || (strength === prev && pi < (entryPhrase[entry] as number))) {
      entryStrength[entry] = strength;
      entryPhrase[entry] = pi;
    }
  }

  let kept = NONE;
  if (candidateCount > 0) {
    let keptCount = 1;
    if (candidateCount === 1) s.kept[0] = candidates[0] as number;
    else keptCount = selectDistinct(candidateCount, tokens.length, slotCount, limit, s, c);
    const out: TextMatch[] = [];
    for (let k = 0; k < keptCount; k++) {
      const entry = s.kept[k] as number;
      out.push(toTextMatch(entry, entryPhrase[entry] as number, entryStrength[entry] as number, tokens, negated, s, c));
    }
    kept = out;
  }

  // Reset the scratch space for the next text (only what this text touched).
  for (let t = 0; t < slotCount; t++) slotBest[touchedSlots[t] as number] = 0;
  for (let t = 0; t < phraseCount; t++) covered[touched[t] as number] = 0;
  for (let t = 0; t < candidateCount; t++) entryStrength[candidates[t] as number] = 0;
  for (let t = 0; t < markedCount; t++) marked[markedList[t] as number] = 0;
  return kept;
}

/**
 * The same as collect, computed phrase by phrase: each word stamps the stems it fills, then only the
 * names and aliases one of whose key words the text contains (compile.ts keySlots) are summed, each
 * once, straight from the stamps, so nothing is accumulated slot by slot or reset afterwards. The
 * coverage is added up in the order collect adds it (by word, then slot), so every figure is the
 * same to the last bit. Returns null, and collect decides, when a later word fills a stem better than
 * an earlier one (a typo, then the word itself: collect adds up both) or the text has more than 32
 * words.
 */
function collectByPhrase(tokens: Token[], negated: boolean, c: CompiledStrategy, limit: number): readonly TextMatch[] | null {
  if (tokens.length > 32) return null;
  const s = scratch(c);
  const stamp = nextStamp(s);
  const { stemStamp, stemToken, stemSim, textStems, phraseStamp, entryStamp, entryStrength, entryPhrase, candidates, entryMask, pairToken, pairValue } = s;
  const { slotStem, slotWeight, phraseWeight, phraseEntry, phraseSlotStart, slotGeneric } = c;

  // The stems the text's words fill, by which word and how well (a typo may fill several).
  let stemCount = 0;
  let keys = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    if (tok.negated !== negated) continue;
    const { slots, sim } = tok;
    if (slots.length === 0) continue;
    keys += tok.keyPhrases.length;
    if (sim === 1) {
      // A word's own stem: its slots are that stem's posting list (vocabulary.ts).
      const stem = slotStem[slots[0] as number] as number;
      if (stemStamp[stem] === stamp) {
        // The same word again: the first one counts, as in collect. After a typo, collect's rule.
        if ((stemSim[stem] as number) >= 1) continue;
        return null;
      }
      stemStamp[stem] = stamp;
      stemToken[stem] = tok.index;
      stemSim[stem] = 1;
      textStems[stemCount++] = stem;
      continue;
    }
    for (let i = 0; i < slots.length; i++) {
      const stem = slotStem[slots[i] as number] as number;
      if (stemStamp[stem] === stamp) {
        // Filled already, at least as well (by an earlier word, or by this typo through another slot).
        if ((stemSim[stem] as number) >= sim) continue;
        return null;
      }
      stemStamp[stem] = stamp;
      stemToken[stem] = tok.index;
      stemSim[stem] = sim;
      textStems[stemCount++] = stem;
    }
  }
  if (keys === 0) return NONE;

  // Each phrase with a key word in the text, once.
  let candidateCount = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    if (tok.negated !== negated) continue;
    const keyPhrases = tok.keyPhrases;
    for (let i = 0; i < keyPhrases.length; i++) {
      const pi = keyPhrases[i] as number;
      if (phraseStamp[pi] === stamp) continue;
      phraseStamp[pi] = stamp;
      const from = phraseSlotStart[pi] as number;
      const to = phraseSlotStart[pi + 1] as number;
      let covered = 0;
      let distinctive = true;
      if (to - from === 2) {
        // Most names and aliases have two words; one of them is filled (it is a key phrase).
        const s0 = slotStem[from] as number;
        const s1 = slotStem[from + 1] as number;
        const filled0 = stemStamp[s0] === stamp;
        const filled1 = stemStamp[s1] === stamp;
        const a = filled0 ? (slotWeight[from] as number) * (stemSim[s0] as number) : 0;
        const b = filled1 ? (slotWeight[from + 1] as number) * (stemSim[s1] as number) : 0;
        if (filled0 && filled1) covered = (stemToken[s0] as number) <= (stemToken[s1] as number) ? a + b : b + a;
        else {
          covered = filled0 ? a : b;
          distinctive = slotGeneric[filled0 ? from : from + 1] === 0;
        }
      } else {
        // The filled slots' weights in word order (slots ascending within a word): a stable
        // insertion by word position over slots taken in ascending order.
        let n = 0;
        for (let k = from; k < to; k++) {
          const stem = slotStem[k] as number;
          if (stemStamp[stem] !== stamp) continue;
          const at = stemToken[stem] as number;
          const value = (slotWeight[k] as number) * (stemSim[stem] as number);
          let j = n++;
          for (; j > 0 && (pairToken[j - 1] as number) > at; j--) {
            pairToken[j] = pairToken[j - 1] as number;
            pairValue[j] = pairValue[j - 1] as number;
          }
          pairToken[j] = at;
          pairValue[j] = value;
        }
        for (let j = 0; j < n; j++) covered += pairValue[j] as number;
        if (to - from > 1) {
          distinctive = false;
          for (let k = from, matched = 0; k < to && !distinctive; k++) {
            if (stemStamp[slotStem[k] as number] === stamp) distinctive = slotGeneric[k] === 0 || ++matched >= 2;
          }
        }
      }
      if (covered <= (phraseWeight[pi] as number) * MATCH_THRESHOLD) continue;
      const strength = covered / (phraseWeight[pi] as number);
      if (strength <= MATCH_THRESHOLD) continue;
      // One everyday word never stands for a whole name or alias of several words.
      if (!distinctive) continue;
      const entry = phraseEntry[pi] as number;
      if (entryStamp[entry] !== stamp) {
        entryStamp[entry] = stamp;
        entryStrength[entry] = strength;
        entryPhrase[entry] = pi;
        candidates[candidateCount++] = entry;
      } else if (strength > (entryStrength[entry] as number) || (strength === entryStrength[entry] && pi < (entryPhrase[entry] as number))) {
        entryStrength[entry] = strength;
        entryPhrase[entry] = pi;
      }
    }
  }
  if (candidateCount === 0) return NONE;

  let keptCount = 1;
  let best = 0;
  let tied = false;
  if (limit === 1) {
    // Only the best is wanted (a request): when one candidate is strictly the strongest, the
    // tie-breaks, and so the word sets, are not needed (as in selectDistinct).
    for (let e = 1; e < candidateCount; e++) {
      const strength = entryStrength[candidates[e] as number] as number;
      const top = entryStrength[candidates[best] as number] as number;
      if (strength > top) {
        best = e;
        tied = false;
      } else if (strength === top) tied = true;
    }
  }
  if (candidateCount === 1 || (limit === 1 && !tied)) s.kept[0] = candidates[best] as number;
  else {
    // The words each candidate explains through any of its names and aliases (select.ts): the
    // text's stems that are among the entry's.
    const { entryStems, stemWords } = c;
    for (let e = 0; e < candidateCount; e++) {
      const entry = candidates[e] as number;
      const base = entry * stemWords;
      let mask = 0;
      for (let j = 0; j < stemCount; j++) {
        const stem = textStems[j] as number;
        if (((entryStems[base + (stem >>> 5)] as number) & (1 << (stem & 31))) !== 0) mask |= 1 << (stemToken[stem] as number);
      }
      entryMask[entry] = mask;
    }
    keptCount = selectFromEntryMasks(candidateCount, limit, s, c);
  }
  const out: TextMatch[] = [];
  for (let k = 0; k < keptCount; k++) {
    const entry = s.kept[k] as number;
    const phrase = entryPhrase[entry] as number;
    let mask = 0;
    for (let j = phraseSlotStart[phrase] as number; j < (phraseSlotStart[phrase + 1] as number); j++) {
      const stem = slotStem[j] as number;
      if (stemStamp[stem] === stamp) mask |= 1 << (stemToken[stem] as number);
    }
    out.push(matchFromMask(entry, phrase, entryStrength[entry] as number, mask, tokens, negated, c));
  }
  // collect expects every entry's strength at zero.
  for (let e = 0; e < candidateCount; e++) entryStrength[candidates[e] as number] = 0;
  return out;
}

/** A TextMatch from the bit set of the word positions that filled the phrase. */
function matchFromMask(entry: number, phrase: number, strength: number, mask: number, tokens: Token[], negated: boolean, c: CompiledStrategy): TextMatch {
  const tokenIndexes: number[] = [];
  const matchedWords: string[] = [];
  for (let t = 0; mask !== 0; t++, mask >>>= 1) {
    if ((mask & 1) === 0) continue;
    tokenIndexes.push(t);
    const raw = (tokens[t] as Token).raw;
    if (!matchedWords.includes(raw)) matchedWords.push(raw);
  }
  return { entry: c.entries[entry] as CatalogEntry, via: (c.phrases[phrase] as CatalogPhrase).via, strength, tokenIndexes, matchedWords, negated };
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
  // The distinct token positions that filled the phrase's slots, ascending (a phrase has a few
  // words, so an insertion sort beats Array#sort with a comparator).
  const tokenIndexes: number[] = [];
  for (let k = c.phraseSlotStart[phrase] as number; k < (c.phraseSlotStart[phrase + 1] as number); k++) {
    if ((s.slotBest[k] as number) === 0) continue;
    const t = s.slotToken[k] as number;
    if (tokenIndexes.includes(t)) continue;
    let j = tokenIndexes.length;
    for (; j > 0 && (tokenIndexes[j - 1] as number) > t; j--) tokenIndexes[j] = tokenIndexes[j - 1] as number;
    tokenIndexes[j] = t;
  }
  const matchedWords: string[] = [];
  for (const i of tokenIndexes) {
    const raw = tokens[i]?.raw ?? "";
    if (!matchedWords.includes(raw)) matchedWords.push(raw);
  }
  const via = (c.phrases[phrase] as CatalogPhrase).via;
  return { entry: c.entries[entry] as CatalogEntry, via, strength, tokenIndexes, matchedWords, negated };
}

/** The catalog entries the affirmed (or the negated) words of a text match; see collect. */
function matchTokens(tokens: Token[], negated: boolean, c: CompiledStrategy, limit: number): readonly TextMatch[] {
  return collectByPhrase(tokens, negated, c, limit) ?? collect(tokens, negated, c, limit);
}

export function analyseText(text: string, compiled: CompiledStrategy, options?: AnalyseOptions): TextAnalysis {
  const tokens = tokenize(text, compiled.vocabulary);
  let affirms = false;
  let negates = false;
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i] as Token).negated) negates = true;
    else affirms = true;
  }
  return {
    tokens,
    matches: affirms ? matchTokens(tokens, false, compiled, options?.limit ?? Infinity) : NONE,
    negatedMatches: negates && options?.negated !== false ? matchTokens(tokens, true, compiled, Infinity) : NONE,
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
