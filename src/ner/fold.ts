/**
 * Text folding for feature look-ups: the training data (Reuters 1996) is plain ASCII, so
 * curly quotes, dashes and accents in new text are mapped to their ASCII forms before any
 * feature or gazetteer look-up. The original text is never changed; only look-up keys are.
 */

const SPECIAL: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '`': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2012': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2014': '--', '\u2015': '--',
  '\u2026': '...', '\u00A0': ' ',
  '\u0153': 'oe', '\u0152': 'OE', '\u00E6': 'ae', '\u00C6': 'AE', '\u00DF': 'ss',
  '\u00F8': 'o', '\u00D8': 'O', '\u0111': 'd', '\u0110': 'D', '\u0142': 'l', '\u0141': 'L', '\u0131': 'i',
};

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7F]*$/;

const cache = new Map<string, string>();

/** ASCII-fold a token: `Stéphanie` → `Stephanie`, `L’Écho` → `L'Echo`, `“` → `"`. */
export function fold(token: string): string {
  if (ASCII.test(token)) return token;
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  let out = '';
  for (const ch of token.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += SPECIAL[ch] ?? ch;
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(token, out);
  return out;
}
