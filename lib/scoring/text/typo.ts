// Typo tolerance, narrow on purpose. A rep's "Salesforse", "dashbaord" or "knowlege" should still
// meet the catalog; "expert" must not become "export", "audio" not "audit", "postal" not "portal",
// "promise" not "premise". So a near-miss is accepted only when:
//   - both words have at least MIN_TYPO_LENGTH letters (short words are too easily other words)
//     and start with the same letter,
//   - they differ by exactly one edit (optimal string alignment distance 1),
//   - and that edit looks like a slip of the finger or ear: a dropped or doubled/extra letter, two
//     neighbouring letters swapped, or a substitution between keys next to each other on a QWERTY
//     keyboard or between letters English spells interchangeably (c/s, c/k, s/z, i/y, a/e).
// A substitution between unrelated letters (e→o, t→o, r→s) is how English makes a different word,
// so it is rejected. The matcher only tries this for words the catalog does not contain verbatim.

export const MIN_TYPO_LENGTH = 5;

const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const SOUND_ALIKE = ["cs", "ck", "sz", "iy", "ae"];

const ALLOWED_SUBSTITUTIONS: ReadonlySet<string> = (() => {
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    pairs.add(a + b);
    pairs.add(b + a);
  };
  ROWS.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      const key = row.charAt(i);
      if (i + 1 < row.length) add(key, row.charAt(i + 1));
      // The row below is shifted half a key to the right: key i touches i-1 and i below it.
      const below = ROWS[r + 1];
      if (below !== undefined) {
        if (i < below.length) add(key, below.charAt(i));
        if (i > 0 && i - 1 < below.length) add(key, below.charAt(i - 1));
      }
    }
  });
  for (const p of SOUND_ALIKE) add(p.charAt(0), p.charAt(1));
  return pairs;
})();

/** True when `typed` is a plausible one-slip misspelling of `known` (and not equal to it). */
export function isPlausibleTypo(typed: string, known: string): boolean {
  if (typed === known) return false;
  if (typed.length < MIN_TYPO_LENGTH || known.length < MIN_TYPO_LENGTH) return false;
  // People rarely get the first letter wrong; "iphone" is not a typo of "phone".
  if (typed.charCodeAt(0) !== known.charCodeAt(0)) return false;
  const diff = typed.length - known.length;
  if (diff === 1) return isOneInsertion(known, typed);
  if (diff === -1) return isOneInsertion(typed, known);
  if (diff !== 0) return false;
  let first = -1;
  let count = 0;
  for (let i = 0; i < typed.length; i++) {
    if (typed.charCodeAt(i) !== known.charCodeAt(i)) {
      if (count === 0) first = i;
      count++;
      if (count > 2) return false;
    }
  }
  if (count === 1) return ALLOWED_SUBSTITUTIONS.has(typed.charAt(first) + known.charAt(first));
  // Two differences are accepted only as a swap of neighbouring letters.
  return (
    count === 2 &&
    typed.charAt(first) === known.charAt(first + 1) &&
    typed.charAt(first + 1) === known.charAt(first)
  );
}

/** `longer` is `shorter` with exactly one letter added somewhere. */
function isOneInsertion(shorter: string, longer: string): boolean {
  let i = 0;
  while (i < shorter.length && shorter.charCodeAt(i) === longer.charCodeAt(i)) i++;
  // Skip the inserted letter in `longer`; everything after must line up.
  return shorter.slice(i) === longer.slice(i + 1);
}

/** Every string obtained by deleting one letter, used to find typo candidates in O(length) lookups. */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
