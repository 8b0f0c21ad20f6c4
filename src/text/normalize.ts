/**
 * The key two names share when they name the same thing: accents, case, hyphens,
 * apostrophes and a leading "the" do not count.
 *
 * `Hélène Dupré` and `Helene Dupre` share a key; so do `al-Jazeera` and `Al Jazeera`.
 */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // Names recur across articles and passes: remembering their keys saves a Unicode
    // normalisation and six regular expressions per call. Bounded: cleared when full.
    if (keys.size >= 200_000) keys.clear();
    key = computeNameKey(name);
    keys.set(name, key);
  }
  return key;
}

const keys = new Map<string, string>();

function computeNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Fold accents only, keeping length-changing characters out: for display-insensitive comparisons. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}
