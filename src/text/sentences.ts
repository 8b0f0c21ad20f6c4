/** A sentence of a block, with its character span in the block's text. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st no nos art arts vs etc inc ltd corp co gen gov sen rep jr sr sgt lt col capt cmdr fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/**
 * Split a block of text into sentences.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
 * followed by white space and a capital, a digit or an opening quote. Abbreviations,
 * initials and decimals do not end a sentence.
 *
 * Linear in the text's length: a boundary is only tried where a run of stops begins (a match
 * could start nowhere else in the run), and only the few letters before a full stop are read.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /(?<![.!?…])([.!?…]+)(["”’»)\]]*)(\s+)(?=["“‘«(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + (m[1] ?? '').length + (m[2] ?? '').length;
    if ((m[1] ?? '') === '.' && !(m[2] ?? '')) {
      const word = wordBefore(text, start, m.index);
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    push(out, text, start, end);
    start = m.index + m[0].length;
  }
  push(out, text, start, text.length);
  return out;
}

/** The longest word an abbreviation or an initial can be, in UTF-16 code units. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/**
 * The letters just before `end` (not before `from`), when there are few enough of them to be an
 * abbreviation or an initial; otherwise ''. Walks back by code points, so that a letter outside
 * the Basic Multilingual Plane counts as one.
 */
function wordBefore(text: string, from: number, end: number): string {
  let i = end;
  while (i > from) {
    const low = text.charCodeAt(i - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && i - 2 >= from ? 2 : 1;
    if (!/^\p{L}$/u.test(text.slice(i - width, i))) break;
    i -= width;
    if (end - i > LONGEST_ABBREVIATION) return '';
  }
  return text.slice(i, end);
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}

/**
 * The sentence containing character `offset`, else the last one. `sentences` are in order and
 * do not overlap (as `splitSentences` makes them), so a binary search finds it.
 */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = sentences[lo];
  return s !== undefined && offset >= s.start && offset < s.end ? s : sentences.at(-1);
}

/** Characters of the words before an offset beyond which a word is not read (see `lastWordsStart`). */
const WORDS_BEFORE_MAX_CHARS = 300;

/**
 * Where the last `words` white-space-separated words before `end` begin, not before `from`; a
 * word that would take the span past 300 characters is left out.
 *
 * A pattern anchored at `end` that matches at most that many words (and no such long word) finds
 * in this span what it would find from `from`; reading only the span keeps a rule that runs once
 * per name or quote from reading its whole sentence again each time.
 */
export function lastWordsStart(text: string, from: number, end: number, words: number): number {
  let i = end;
  for (let n = 0; n < words && i > from; n++) {
    while (i > from && /\s/u.test(text[i - 1]!)) i--;
    let j = i;
    while (j > from && !/\s/u.test(text[j - 1]!)) j--;
    if (end - j > WORDS_BEFORE_MAX_CHARS) break;
    i = j;
  }
  return i;
}
