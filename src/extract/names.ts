/**
 * General rules about what a name looks like in English news text.
 * They know no particular names: those live in `content/entities.yaml`.
 */

/** Forms of address before a name, not part of it: `Dr Jane Roe`, `Capt. Jane Roe`, `Professor Sir Jane Roe`. */
export const HONORIFICS = 'mr|mrs|ms|dr|prof|professor|sir|dame|capt|sen|rep|gov|gen|col|lt|sgt|rev';
/** A pattern for forms of address before a name, each with its full stop or not: `Capt. `, `Professor Sir `. */
export const ADDRESS = `(?:(?:${HONORIFICS})\\.?\\s+)*`;

/** Words that open a span but are not part of a name. */
const LEADING = new RegExp(`^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|former|ex|late|${HONORIFICS}|when|while|after|before|if|as|since|and|but|or|for|from|with|in|on|at|by|to|of|under|like|according|whose|where|then|so|yet|also|even|only)\\.?\\s+`, 'iu');
/** An adjective made of a name: `-dominated`, `-based`, `-led`. */
const MADE_ADJECTIVE = /-(?:dominated|led|based|backed|owned|run|controlled|allied|linked|funded|affiliated|born|bound)$/u;
/** A possessive ending. */
const POSSESSIVE = /['’]s$/u;

/** Single words that are capitalized in news text but are not names of anything. */
const GENERIC = new Set(
  `police union unions ministry minister government state parliament party president secretary interior justice court
  left right republic army gendarmerie prefecture city capital country nation people members officers officer
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
  madam internet web bitcoin bitcoins ${HONORIFICS.replaceAll('|', ' ')}`.split(/\s+/u),
);

/** Lower-case nouns that, right after a capitalized name, make it an organization: "the Harbour union". */
export const ORG_NOUN_AFTER = /^\s+(?:union|trade union|party|federation|confederation|association|syndicate|group|bloc|coalition|agency|ministry|magazine|newspaper|daily|weekly|radio|television|tv|channel|broadcaster|institute|movement|organi[sz]ation|collective|company|firm|network)\b/u;

/** An acronym in parentheses right after a name: "the Union of Harbour Workers (UHW)". */
export function acronymAfter(after: string): string | undefined {
  return /^\s*\((\p{Lu}[\p{Lu}\p{N}&.-]{1,11})\)/u.exec(after)?.[1];
}

/** Trim determiners, titles, possessives and punctuation off a tagged span. */
export function cleanSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  for (;;) {
    const span = text.slice(s, e);
    const lead = LEADING.exec(span);
    if (lead) { s += lead[0].length; continue; }
    const open = /^[\s“"‘'«(\[–-]+/u.exec(span);
    if (open) { s += open[0].length; continue; }
    const close = /[\s”"’'»)\].,;:!?…–-]+$/u.exec(span);
    if (close) { e -= close[0].length; continue; }
    const poss = POSSESSIVE.exec(span);
    if (poss) { e -= poss[0].length; continue; }
    // `LDP-dominated`, `Paris-based`: the name without the adjective made of it.
    const made = MADE_ADJECTIVE.exec(span);
    if (made && made.index > 0) { e -= made[0].length; continue; }
    break;
  }
  return e > s ? { start: s, end: e } : null;
}

/** Words that begin the name of a street, square or natural place: `Place`, `Rue`, `Lake`. */
export const PLACE_HEADS = /^(?:Place|Rue|Avenue|Boulevard|Quai|Pont|Porte|Square|Mount|Mont|Lake|Lac|Cape|Port|Bay|Gulf|Saint|Sainte|St\.?)$/u;

/**
 * A name that reads as a place whatever the tagger said: a French compound like
 * `Ile-de-France`, `Aix-en-Provence` or `Boulogne-sur-Mer`.
 */
export function looksLikePlace(name: string): boolean {
  return /^\p{Lu}[\p{L}]*(?:-(?:de|du|des|en|sur|sous|la|le|lès|les|aux|et)-)\p{Lu}?[\p{L}-]*$/u.test(name);
}

/**
 * Character ranges of a block where words are in title case: a slogan or headline,
 * where capitals do not mark names (`“Paid to Serve, Not to Die”`).
 */
export function titleCaseRanges(text: string, isHeading: boolean): { start: number; end: number }[] {
  const titleCase = (s: string): boolean => {
    const words = s.split(/[^\p{L}]+/u).filter((w) => w.length > 3);
    if (words.length < 2) return false;
    return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
  };
  if (isHeading && titleCase(text)) return [{ start: 0, end: text.length }];
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[“"‘]([^”"’]{3,120})[”"’]/gu)) if (titleCase(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** True when a span is not a name: no capital, a lone generic word, or a shouted heading. */
export function isGenericName(name: string): boolean {
  if (!/\p{Lu}/u.test(name)) return true;
  if (name.length < 2) return true;
  const words = name.split(/\s+/u);
  if (words.length === 1 && GENERIC.has(name.toLowerCase())) return true;
  // Doctrines and movements: `Islamism`, `Gaullism`.
  if (words.length === 1 && /\p{Ll}(?:isms?|ists)$/u.test(name)) return true;
  if (words.every((w) => GENERIC.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')))) return true;
  return false;
}
