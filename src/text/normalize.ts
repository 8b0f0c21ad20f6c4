/**
 * The key two names share when they name the same thing: accents, case, hyphens,
 * apostrophes and a leading "the" do not count.
 *
 * `Hélène Dupré` and `Helene Dupre` share a key; so do `al-Jazeera` and `Al Jazeera`.
 */
export function nameKey(name: string): string {
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
