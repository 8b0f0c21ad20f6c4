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
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /([.!?…]+)(["”’»)\]]*)(\s+)(?=["“‘«(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + (m[1] ?? '').length + (m[2] ?? '').length;
    if ((m[1] ?? '') === '.' && !(m[2] ?? '')) {
      const word = /([\p{L}]+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    push(out, text, start, end);
    start = m.index + m[0].length;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}

/** The sentence containing character `offset`. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences.at(-1);
}
