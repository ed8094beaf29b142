import { BROAD_WEIGHT } from "./concepts";
import { type AnalysedToken, BROAD_CONCEPTS, analyse, conceptLabel, conceptWeight } from "./grouping-text";

// Grouping customer requests into themes: the same ask in different words, from any rep.
//
// A request is reduced to the concepts it mentions (grouping-text.ts, concepts.ts). A theme keeps,
// incrementally, how many of its member requests mention each concept. A new request joins the
// most similar candidate theme if the similarity reaches the threshold, else it starts a theme.
//
// Similarity: a weighted cosine between the request (each of its concepts present, 1) and the
// theme's profile (each concept at the share of members that mention it, count / size):
//
//                       Σ_{k ∈ request} g_k · count_k
//   sim = ───────────────────────────────────────────────────────────
//          √( Σ_{k ∈ request} g_k  ·  Σ_{k ∈ theme} g_k · count_k² )
//
// (the theme size cancels out). g_k is 1, or BROAD_WEIGHT for concepts many asks mention in
// passing (e-mail, the checkout, reports). Because the theme side is squared, its core concepts —
// mentioned by most members — dominate, and the many incidental words of long members fade as the
// theme grows (each adds (1/size)² to the norm). So a short request naming the core ("abandoned
// cart e-mail") joins a theme of long ones, while a request sharing only an incidental or broad
// concept with it does not. The request side is not squared: every concept a request names counts.
//
// Pure: no I/O, no clock, no randomness. States are values: every function returns a new state.
// Cost of assignTheme: O(request concepts) per candidate, plus one pass over a theme's concepts
// the first time a given state is seen (memoised per concepts object, see themeMass); a caller
// that keeps theme states in memory pays the pass once per change.

/** A request reduced to the concepts it mentions, each with the words that gave it (for explanations). */
export interface RequestSignature {
  /** Sorted, unique. */
  concepts: string[];
  /** Concept → the words of the request that gave it, as written, in text order. */
  evidence: Record<string, string[]>;
}

/** What a theme knows about its members, kept incrementally: how many member requests mention each concept. */
export interface ThemeState {
  id: string;
  size: number;
  concepts: Record<string, number>;
}

export interface Assignment {
  /** null: no theme is close enough, start a new one. */
  themeId: string | null;
  /** 0..1; when themeId is null, the similarity of the closest candidate (0 if none shared anything). */
  similarity: number;
  /** The concepts the request shares with the theme (the "why"), strongest first; when themeId is null, with the closest candidate. */
  shared: string[];
}

/**
 * Reference points: two requests naming two equally weighted concepts and sharing one are 0.50
 * similar; a request naming three concepts that shares one with a one-concept theme is 0.58; one
 * sharing only a broad concept (e-mail, checkout) with a two-concept theme is at most 0.33. So
 * 0.45 keeps "the same ask plus a word" together and "one word in common" apart. On the evaluation
 * sets (tests/signals), lowering it to 0.40 costs purity and raising it to 0.50 costs
 * completeness, in both orders and on the held-out set.
 */
export const DEFAULT_THRESHOLD = 0.45;

const has = (record: Readonly<Record<string, number>>, key: string): number => {
  const v = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof v === "number" && v > 0 ? v : 0;
};

export function signature(text: string): RequestSignature {
  const evidence: Record<string, string[]> = {};
  for (const t of analyse(text)) {
    if (t.concept === null) continue;
    const list = Object.hasOwn(evidence, t.concept) ? (evidence[t.concept] as string[]) : (evidence[t.concept] = []);
    if (!list.includes(t.raw)) list.push(t.raw);
  }
  const concepts = Object.keys(evidence).sort();
  const sorted: Record<string, string[]> = {};
  for (const c of concepts) sorted[c] = evidence[c] as string[];
  return { concepts, evidence: sorted };
}

// Σ g_k · count_k² of a theme, memoised per concepts object (states are values and never change).
// The size is stored too, so a caller that mutates a state in place (size and counts together)
// does not get a stale figure.
const massCache = new WeakMap<object, { size: number; mass: number }>();

function themeMass(theme: ThemeState): number {
  const concepts = theme.concepts;
  const hit = massCache.get(concepts);
  if (hit !== undefined && hit.size === theme.size) return hit.mass;
  // Σ count² over all concepts, then the broad ones (a few dozen lookups) at their weight: one
  // pass over the values, without a per-key weight lookup.
  let mass = 0;
  for (const c of Object.values(concepts)) if (typeof c === "number" && c > 0) mass += c * c;
  for (const k of BROAD_CONCEPTS) {
    const c = has(concepts, k);
    if (c > 0) mass -= (1 - BROAD_WEIGHT) * c * c;
  }
  massCache.set(concepts, { size: theme.size, mass });
  return mass;
}

function score(sig: RequestSignature, requestMass: number, theme: ThemeState): number {
  if (theme.size <= 0 || requestMass <= 0) return 0;
  let dot = 0;
  for (const k of sig.concepts) {
    const c = has(theme.concepts, k);
    if (c > 0) dot += conceptWeight(k) * c;
  }
  if (dot === 0) return 0;
  const mass = themeMass(theme);
  return mass > 0 ? Math.min(1, dot / Math.sqrt(requestMass * mass)) : 0;
}

function sharedConcepts(sig: RequestSignature, theme: ThemeState): string[] {
  return sig.concepts
    .filter((k) => has(theme.concepts, k) > 0)
    .sort((a, b) => conceptWeight(b) * has(theme.concepts, b) - conceptWeight(a) * has(theme.concepts, a) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The best theme for a request among `candidates` (the caller pre-selects themes sharing at least
 * one concept). Ties go to the larger theme, then the smaller id, so the answer does not depend on
 * the order of the candidates.
 */
export function assignTheme(sig: RequestSignature, candidates: readonly ThemeState[], threshold: number = DEFAULT_THRESHOLD): Assignment {
  let requestMass = 0;
  for (const k of sig.concepts) requestMass += conceptWeight(k);
  let best: ThemeState | null = null;
  let bestSim = 0;
  for (const theme of candidates) {
    const sim = score(sig, requestMass, theme);
    if (sim <= 0) continue;
    if (best === null || sim > bestSim + 1e-12 || (Math.abs(sim - bestSim) <= 1e-12 && (theme.size > best.size || (theme.size === best.size && theme.id < best.id)))) {
      best = theme;
      bestSim = sim;
    }
  }
  if (best === null) return { themeId: null, similarity: 0, shared: [] };
  const similarity = Math.round(bestSim * 1e6) / 1e6;
  return { themeId: bestSim >= threshold ? best.id : null, similarity, shared: sharedConcepts(sig, best) };
}

export function addToTheme(theme: ThemeState, sig: RequestSignature): ThemeState {
  const concepts: Record<string, number> = { ...theme.concepts };
  for (const k of sig.concepts) concepts[k] = has(concepts, k) + 1;
  return { id: theme.id, size: theme.size + 1, concepts };
}

/** The theme without one of its members (for "split a request out" and moves). Counts never go below 0. */
export function removeFromTheme(theme: ThemeState, sig: RequestSignature): ThemeState {
  const concepts: Record<string, number> = { ...theme.concepts };
  for (const k of sig.concepts) {
    const c = has(concepts, k) - 1;
    if (c > 0) concepts[k] = c;
    else delete concepts[k];
  }
  return { id: theme.id, size: Math.max(0, theme.size - 1), concepts };
}

/** `a` absorbs `b`: a's id, both sizes and counts added. */
export function mergeThemes(a: ThemeState, b: ThemeState): ThemeState {
  const concepts: Record<string, number> = { ...a.concepts };
  for (const k in b.concepts) {
    const c = has(b.concepts, k);
    if (c > 0) concepts[k] = has(concepts, k) + c;
  }
  return { id: a.id, size: a.size + b.size, concepts };
}

// ── Names and explanations ───────────────────────────────────────────────────────────────────

const MAX_NAME_WORDS = 5;
const LIST_WORDS = new Set(["and", "or", "nor", "plus"]);
const NAME_SAMPLE = 200;

/** The theme's core concepts: mentioned by more than half its members (else the top one), strongest first, at most 3. */
function coreConcepts(theme: ThemeState): string[] {
  const ranked = Object.keys(theme.concepts)
    .filter((k) => has(theme.concepts, k) > 0)
    .sort((a, b) => conceptWeight(b) * has(theme.concepts, b) - conceptWeight(a) * has(theme.concepts, a) || (a < b ? -1 : a > b ? 1 : 0));
  const core = ranked.filter((k) => has(theme.concepts, k) * 2 > theme.size);
  return (core.length > 0 ? core : ranked.slice(0, 1)).slice(0, 3);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinAnd = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`);

interface NameCandidate {
  name: string;
  /** Mean, over the stretch's core words, of how many members use that word. */
  popularity: number;
  typos: number;
  words: number;
}

const better = (a: NameCandidate, b: NameCandidate) =>
  a.popularity !== b.popularity ? a.popularity > b.popularity : a.typos !== b.typos ? a.typos < b.typos : a.words < b.words;

/**
 * A short readable name. Preferably in the reps' own words: a stretch of a member request that
 * names every core concept of the theme and nothing else ("Group bookings for schools", "Apple
 * Wallet passes"): among those, the one in the words most members use, then without typos, then the
 * shortest, then the earliest member. A one-word stretch of a lexicon concept is not used ("App"):
 * the lexicon's labels are clearer then ("Mobile app", "Accessibility", "Multi-currency").
 */
export function suggestName(theme: ThemeState, memberTexts: readonly string[]): string {
  const core = coreConcepts(theme);
  if (core.length === 0) return "Unnamed theme";
  const coreSet = new Set(core);
  const allLexicon = core.every((k) => conceptLabel(k) !== null);
  const members = memberTexts.slice(0, NAME_SAMPLE).map((text) => ({ text, tokens: analyse(text) }));
  const usage = new Map<string, number>();
  const spelling = new Map<string, Map<string, number>>();
  for (const m of members) {
    const stems = new Set<string>();
    for (const t of m.tokens) {
      if (t.concept === null || !coreSet.has(t.concept)) continue;
      stems.add(t.stem);
      const forms = spelling.get(t.concept) ?? new Map<string, number>();
      forms.set(t.raw.toLowerCase(), (forms.get(t.raw.toLowerCase()) ?? 0) + 1);
      spelling.set(t.concept, forms);
    }
    for (const stem of stems) usage.set(stem, (usage.get(stem) ?? 0) + 1);
  }
  let best: NameCandidate | null = null;
  for (const { text, tokens } of members) {
    const coreAt = tokens.map((t, i) => (t.concept !== null && coreSet.has(t.concept) ? i : -1)).filter((i) => i >= 0);
    if (coreAt.length === 0) continue;
    const first = coreAt[0] as number;
    const last = coreAt[coreAt.length - 1] as number;
    const inside = tokens.slice(first, last + 1);
    const content = inside.filter((t) => !t.stop);
    const coreTokens = inside.filter((t) => t.concept !== null && coreSet.has(t.concept));
    if (content.length !== coreTokens.length) continue; // another word in between: not a name
    if (inside.some((t) => t.clause !== (tokens[first] as AnalysedToken).clause)) continue;
    if (allLexicon && inside.some((t) => LIST_WORDS.has(t.word))) continue; // "GBP and EUR": the label is the better name
    if (new Set(coreTokens.map((t) => t.concept)).size !== core.length) continue;
    const name = text.slice((tokens[first] as AnalysedToken).start, (tokens[last] as AnalysedToken).end).replace(/\s+/g, " ").trim();
    const words = name.split(/[\s-]+/).length;
    // A lexicon concept named by one word of one rep ("App", "Whats App") reads better as its label.
    if (words > MAX_NAME_WORDS || (allLexicon && coreTokens.length < 2)) continue;
    const candidate: NameCandidate = {
      name,
      popularity: coreTokens.reduce((s, t) => s + (usage.get(t.stem) ?? 0), 0) / coreTokens.length,
      typos: coreTokens.filter((t) => t.typo).length,
      words,
    };
    if (best === null || better(candidate, best)) best = candidate;
  }
  if (best !== null) return capitalise(best.name);
  // The labels; a word-concept by its most common spelling among the members.
  const labels = core.map((k) => {
    const label = conceptLabel(k);
    if (label !== null) return label;
    const forms = [...(spelling.get(k) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return forms[0]?.[0] ?? k;
  });
  return capitalise(labels.some((l) => l.includes(" and ")) ? labels.join(", ") : joinAnd(labels));
}

const quote = (s: string) => `“${s}”`;

/** "abandoned checkout (“left”, “basket”; note)", or "“grandstand” (note)" for a word-concept. */
function describe(concept: string, sig: RequestSignature, note?: string): string {
  const words = Object.hasOwn(sig.evidence, concept) ? (sig.evidence[concept] as string[]) : [];
  const label = conceptLabel(concept);
  if (label === null) return `${quote(words[0] ?? concept)}${note === undefined ? "" : ` (${note})`}`;
  const inside = [words.map(quote).join(", "), note].filter((s) => s !== undefined && s !== "").join("; ");
  return inside === "" ? label : `${label} (${inside})`;
}


/** One sentence a leader understands: why this request is (or is not) in this theme. */
export function explain(sig: RequestSignature, theme: ThemeState, a: Assignment): string {
  const pct = `${Math.round(a.similarity * 100)}% similar`;
  if (sig.concepts.length === 0) return "This request names nothing specific enough to group, so it stands alone.";
  if (a.themeId === null || a.themeId !== theme.id) {
    if (a.shared.length === 0) return `This request starts a new theme: no existing theme asks about ${joinAnd(sig.concepts.slice(0, 3).map((k) => describe(k, sig)))}.`;
    return `This request starts a new theme: the closest one shares only ${joinAnd(a.shared.slice(0, 3).map((k) => describe(k, sig)))} (${pct}), not enough to be the same ask.`;
  }
  const shared = a.shared.length > 0 ? a.shared : sharedConcepts(sig, theme);
  if (shared.length === 0) return "This request was placed in this theme by hand; it shares no words with the theme's other requests.";
  const parts = shared.slice(0, 4).map((k, i) => {
    const count = has(theme.concepts, k);
    return describe(k, sig, i === 0 ? `so do ${count} of the theme's ${theme.size} requests` : `${count} of ${theme.size}`);
  });
  return `In this theme because it asks about ${joinAnd(parts)}; ${pct}.`;
}
