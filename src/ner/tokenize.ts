/**
 * Offset-keeping tokenizer for raw news text, in the style of the CoNLL-2003 (Reuters) tokens:
 * punctuation and quotes are tokens of their own, clitics `'s` and `n't` are split off,
 * while abbreviations (`U.S.`, `Mr.`, `J.`), hyphenated words (`Jean-Luc`), elisions
 * (`L’Écho`, `O'Brien`) and numbers (`60,000`, `3.5`, `1996-08-22`) stay whole.
 */

/** A token with its character span `[start, end)` in the text it was read from. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their full stop (compared lower-cased, without the stop). */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st mt ft vs etc inc ltd corp co cos bros gen gov sen rep reps jr sr sgt lt col capt cmdr maj adm ' +
    'pres supt insp det cpl pvt rev fr msgr hon dept univ assn ave blvd rd fig approx est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'mme mlle').split(' '),
);

const OPENERS = new Set(['(', '[', '{', '"', '\u201C', '\u201E', '\u00AB', '\u2018', "'", '\u2039', '<', '*']);
const CLOSERS = new Set([')', ']', '}', '"', '\u201D', '\u00BB', '\u2019', "'", '\u203A', ',', ';', ':', '!', '?', '>', '*']);
const APOSTROPHES = "'\u2019\u2018`";
const CURRENCY = /^[$€£¥₹]/u;
const CLITIC = /^(.*\p{L})((?:['\u2019](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M))|(?:n['\u2019]t|N['\u2019]T))$/u;

/** Split raw text into tokens with character offsets into `text`. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const chunk = /\S+/gu;
  for (let m = chunk.exec(text); m !== null; m = chunk.exec(text)) splitChunk(m[0], m.index, out);
  return out;
}

function push(out: Token[], text: string, start: number): void {
  if (text.length > 0) out.push({ text, start, end: start + text.length });
}

const PLAIN = /^[A-Za-z0-9]+$/;

/** Which separators a chunk has none of: then none of its suffixes has any (see `splitChunk`). */
interface Absent {
  dash: boolean;
  dots: boolean;
  inner: boolean;
}

/**
 * Where a rule splits `chunk` inside: the first dash between words, else the first ellipsis, else the
 * first slash or quote or bracket inside it (not in a URL). `i` and `length` are the separator's. Marks
 * in `absent` the separators it found none of.
 */
function splitPoint(chunk: string, absent: Absent): { i: number; length: number } | null {
  // Dashes between words: `police—and`, `Paris--Lyon`, `1996–97` is kept (digits).
  const dash = absent.dash ? null : /\u2014|\u2015|--+|(?<=\p{L})\u2013(?=\p{L})|(?<=[^\d])\u2013|\u2013(?=[^\d])/u.exec(chunk);
  absent.dash = dash === null;
  if (dash && chunk.length > dash[0].length) return { i: dash.index, length: dash[0].length };
  // Ellipsis inside a chunk: `wait...what`.
  const dots = absent.dots ? null : /\.{3,}|\u2026/u.exec(chunk);
  absent.dots = dots === null;
  if (dots && chunk.length > dots[0].length) return { i: dots.index, length: dots[0].length };
  // Slashes and internal quotes/brackets split, except in numbers (`1/2`) and addresses.
  const inner = absent.inner ? null : /(?<=\p{L})\/(?=\p{L})|["\u201C\u201D\u00AB\u00BB()[\]{};]/u.exec(chunk.slice(1, -1));
  absent.inner = inner === null;
  // Matched inside the first and last characters: one character, one further in.
  if (inner && !/^(https?:|www\.)/iu.test(chunk)) return { i: inner.index + 1, length: 1 };
  return null;
}

/**
 * Split one white-space-free chunk starting at offset `at`: around its separators (`splitPoint`),
 * then each piece at its edges. A loop over what follows each separator, not a recursion: a chunk of
 * thousands of dashes (a rule drawn with `–`) would overflow the stack. A separator a chunk lacks, a
 * suffix of it lacks too (the patterns look at most one character back, and a suffix has none before
 * its start), so each pattern stops being tried once it found nothing: linear in the chunk.
 */
function splitChunk(chunk: string, at: number, out: Token[]): void {
  let absent: Absent | undefined;
  for (;;) {
    // Most chunks are a plain word or number, which none of the rules splits.
    if (PLAIN.test(chunk)) {
      out.push({ text: chunk, start: at, end: at + chunk.length });
      return;
    }
    absent ??= { dash: false, dots: false, inner: false };
    const split = splitPoint(chunk, absent);
    if (!split) {
      splitEdges(chunk, at, out);
      return;
    }
    // What comes before the first separator has none of its kind: a few levels at most.
    if (split.i > 0) splitChunk(chunk.slice(0, split.i), at, out);
    push(out, chunk.slice(split.i, split.i + split.length), at + split.i);
    const next = split.i + split.length;
    if (next >= chunk.length) return;
    chunk = chunk.slice(next);
    at += next;
  }
}

/** Split a chunk without inner separators at its edges: openers, closers, the final full stop, clitics. */
function splitEdges(chunk: string, at: number, out: Token[]): void {
  let s = 0;
  let e = chunk.length;
  const head: Token[] = [];
  const tail: Token[] = [];
  // Leading openers; an apostrophe before digits (`'96`) stays.
  while (s < e) {
    const c = chunk[s]!;
    if (OPENERS.has(c) && !(APOSTROPHES.includes(c) && /^\d/u.test(chunk.slice(s + 1)))) {
      head.push({ text: c, start: at + s, end: at + s + 1 });
      s++;
    } else if (CURRENCY.test(c) && s + 1 < e && /\d/u.test(chunk[s + 1]!)) {
      head.push({ text: c, start: at + s, end: at + s + 1 });
      s++;
    } else break;
  }
  // Trailing closers and the final full stop, innermost last.
  for (;;) {
    if (e <= s) break;
    const c = chunk[e - 1]!;
    const body = chunk.slice(s, e);
    if (body === '...' || body === '\u2026') break;
    if (body.endsWith('...')) {
      tail.unshift({ text: '...', start: at + e - 3, end: at + e });
      e -= 3;
      continue;
    }
    if (c === '\u2026') {
      tail.unshift({ text: c, start: at + e - 1, end: at + e });
      e--;
      continue;
    }
    if (c === '.' && e - s > 1) {
      if (isAbbreviation(chunk.slice(s, e))) break;
      tail.unshift({ text: '.', start: at + e - 1, end: at + e });
      e--;
      continue;
    }
    if (c === '%' && e - s > 1 && /\d/u.test(chunk[e - 2]!)) break;
    if (CLOSERS.has(c) && e - s > 1) {
      // `workers'` → `workers` `'`, but not elisions like `L'` in `L'Écho` (which never end a chunk).
      tail.unshift({ text: c, start: at + e - 1, end: at + e });
      e--;
      continue;
    }
    break;
  }
  out.push(...head);
  const word = chunk.slice(s, e);
  const cl = CLITIC.exec(word);
  if (cl) {
    push(out, cl[1]!, at + s);
    push(out, cl[2]!, at + s + cl[1]!.length);
  } else {
    push(out, word, at + s);
  }
  out.push(...tail);
}

/** Does `word` (ending in a full stop) keep it? */
function isAbbreviation(word: string): boolean {
  const bare = word.slice(0, -1);
  if (bare.length === 0) return false;
  if (/^\p{L}$/u.test(bare)) return true; // initial: `J.`
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return true; // `U.S`, `a.m`
  return ABBREVIATIONS.has(bare.toLowerCase()) && /^\p{L}+$/u.test(bare);
}
