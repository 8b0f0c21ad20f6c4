/**
 * Fold text for matching, one UTF-16 unit for one: accents off, lower case.
 *
 * Offsets in the folded text are offsets in the original, which keeps mention spans exact.
 */
export function foldForMatch(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    const pick = base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    out += pick.replace(/[’‘`´]/g, "'").replace(/[‐‑–—]/g, '-');
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression over folded text that finds `name` as whole words,
 * with spaces and hyphens interchangeable.
 */
export function namePattern(names: readonly string[]): RegExp | null {
  const parts = [...new Set(names.map((n) => foldForMatch(n.trim())).filter((n) => n.length > 1))]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.split(/[\s-]+/u).map(escape).join('[\\s-]+'));
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Where `pattern` (from `namePattern`) occurs in `text`, keeping only occurrences written with a capital. */
export function findNames(text: string, pattern: RegExp, folded = foldForMatch(text)): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/\p{Lu}/u.test(text.slice(start, end))) out.push({ start, end });
  }
  return out;
}
