/** Sentence splitting over tokens of raw text (for `tagText`). */
import type { Token } from './tokenize.ts';

const ENDERS = new Set(['.', '!', '?', '...', '\u2026']);
const CLOSERS = new Set(['"', '\u201D', '\u2019', "'", ')', ']', '\u00BB']);

/**
 * Split tokens into sentences. A sentence ends after `.`, `!`, `?` or `...` (and any closing
 * quotes or brackets after it) when the next token starts with a capital, a digit or an opening
 * quote; and always at a line break.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (cur.length > 0 && /\n/u.test(text.slice(tokens[i - 1]!.end, t.start))) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
    if (!ENDERS.has(t.text)) continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && !/\s/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start) || 'x')) {
      cur.push(tokens[j]!);
      j++;
    }
    // Closing quotes right after the stop (no space before them) belong to this sentence.
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) {
      cur.push(tokens[j]!);
      j++;
    }
    i = j - 1;
    const next = tokens[j];
    if (!next || /^[\p{Lu}\p{N}"“‘'«(\[]/u.test(next.text)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
