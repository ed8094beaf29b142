import { BRITISH_DOUBLE_L, BRITISH_WORDS, IRREGULAR, ISE_EXCEPTIONS, KEEP_FINAL_S } from "./lexicon";

// Word normalisation in two explainable steps:
//   1. americanise: British → American spelling (optimise → optimize, centre → center,
//      labelling → labeling, colour → color), so both spellings meet.
//   2. stem: a deliberately light suffix stripper (not Porter): Porter conflates words that mean
//      different things in sales text (customer → custom, general → generate). Ours strips only
//      inflections and a few derivations that keep the meaning: tickets/ticketing → ticket,
//      automatic/automation/automated/automatically → automat, optimize/optimization → optim.

const OUR_ROOTS = /^(colo|behavio|favo|hono|labo|neighbo|flavo|harbo|rumo|humo|armo|vapo|endeavo|savo|odo)ur/;
const RE_ROOTS = /^(cent|met|theat|fib|lit|sab|somb|spect|calib|manoeuv)re(s|d)?$/;
const YSE = /^(anal|catal|paral|dial|hydrol|electrol)ys(e|es|ed|ing|er|ers)$/;
const ISE = /^(.*?)is(e|es|ed|ing|er|ers|ation|ations|able)$/;
const DOUBLE_L = /^([a-z]+)ll(ed|ing|er|ers)$/;

export function americanise(word: string): string {
  const mapped = BRITISH_WORDS.get(word);
  if (mapped) return mapped;
  let w = word.replace(OUR_ROOTS, "$1r");
  w = w.replace(RE_ROOTS, (_m, root: string, end: string | undefined) => `${root}er${end ?? ""}`);
  w = w.replace(YSE, "$1yz$2");
  const ise = ISE.exec(w);
  if (ise) {
    const root = ise[1] ?? "";
    if (root.length >= 3 && !root.endsWith("w") && !ISE_EXCEPTIONS.has(`${root}is`)) w = `${root}iz${ise[2] ?? ""}`;
  }
  const dl = DOUBLE_L.exec(w);
  if (dl) {
    const single = `${dl[1] ?? ""}l`; // "labe" + "l": compounds like whitelabelled end in a listed root
    for (const root of BRITISH_DOUBLE_L) {
      if (single.endsWith(root)) {
        w = `${single}${dl[2] ?? ""}`;
        break;
      }
    }
  }
  return w;
}

const VOWEL = /[aeiouy]/;
const KEEP_DOUBLE = new Set(["l", "s", "z", "f"]);
const ED_KEEP = new Set(["embed", "shred", "hundred", "sacred", "naked", "wicked", "kindred", "infrared", "red", "bed", "shed"]);

function hasVowel(s: string): boolean {
  return VOWEL.test(s);
}

function undouble(s: string): string {
  const last = s[s.length - 1];
  if (s.length > 3 && last !== undefined && last === s[s.length - 2] && !KEEP_DOUBLE.has(last) && !VOWEL.test(last)) {
    return s.slice(0, -1);
  }
  return s;
}

function stripPlural(w: string): string {
  if (KEEP_FINAL_S.has(w) || w.length <= 3 || !w.endsWith("s")) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (/(x|ch|sh|z|s)es$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  return w.slice(0, -1);
}

function stripInflection(w: string): string {
  if (w.endsWith("ically") && w.length > 8) return w.slice(0, -6);
  if (w.endsWith("ly") && w.length > 5 && !/[aeiouyp]ly$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("ied") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("ing") && w.length > 5 && hasVowel(w.slice(0, -3))) return undouble(w.slice(0, -3));
  if (w.endsWith("ed") && w.length > 4 && !w.endsWith("eed") && !ED_KEEP.has(w) && hasVowel(w.slice(0, -2))) {
    return undouble(w.slice(0, -2));
  }
  return w;
}

// Derivational suffixes that keep the meaning; each needs a stem of at least `min` letters left.
const DERIVATIONS: ReadonlyArray<readonly [suffix: string, replacement: string, min: number]> = [
  ["ization", "iz", 3],
  ["ation", "at", 4],
  ["ment", "", 4],
  ["ness", "", 5],
  ["ical", "", 4],
  ["able", "", 4],
  ["ible", "", 4],
  ["ic", "", 5],
];

function stripDerivation(w: string): string {
  for (const [suffix, replacement, min] of DERIVATIONS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min) return w.slice(0, -suffix.length) + replacement;
  }
  return w;
}

/** The stem of an already lower-cased, americanised word. */
export function stem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = stripPlural(word);
  w = stripInflection(w);
  w = stripDerivation(w);
  if (w.length > 3 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  if (w.endsWith("iz") && w.length >= 6) w = w.slice(0, -2);
  return w;
}
