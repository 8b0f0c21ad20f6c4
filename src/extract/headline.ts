import type { FrontMatter, Problem, SourceBlock } from '../model.ts';
import { splitSentences } from '../text/sentences.ts';

/** Letters and digits only, folded: two lines that differ only in punctuation compare equal. */
export function bareText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface HeadlineResult {
  readonly headline: string;
  /** True when the first block is the headline line itself (it then heads the page, not the body). */
  readonly firstBlockIsHeadline: boolean;
  readonly problems: readonly Problem[];
}

/**
 * Find the headline: the front matter's, else a first line that reads like one,
 * else the first sentence (with a warning asking the editor for a headline).
 */
export function extractHeadline(file: string, fm: FrontMatter, blocks: readonly SourceBlock[]): HeadlineResult {
  const first = blocks[0];
  if (fm.headline) return { headline: fm.headline, firstBlockIsHeadline: first !== undefined && bareText(first.text) === bareText(fm.headline), problems: [] };
  if (!first) return { headline: '', firstBlockIsHeadline: false, problems: [{ file, message: 'has no text, so no headline can be found: add the article text', severity: 'error' }] };
  if (blocks.length > 1 && looksLikeHeadline(first.text)) return { headline: first.text.trim(), firstBlockIsHeadline: true, problems: [] };
  const sentence = splitSentences(first.text)[0]?.text ?? first.text;
  const words = sentence.split(/\s+/u);
  const headline = words.length > 16 ? `${words.slice(0, 14).join(' ')}…` : sentence;
  return {
    headline,
    firstBlockIsHeadline: false,
    problems: [{ file, line: first.line, message: 'has no headline line, so its first sentence stands in: add `headline:` to the front matter', severity: 'warning' }],
  };
}

/** A first line is a headline when it is short and does not end like a sentence. */
export function looksLikeHeadline(text: string): boolean {
  const t = text.trim();
  return t.length <= 200 && t.split(/\s+/u).length <= 30 && !/[.:;,]["”’»]?$/u.test(t);
}

/** Words a byline's names may hold in lower case: `By Karien van Gennip and Luc Petit in Lyon`. */
const NAME_JOINS = new Set(['and', 'in', 'for', 'with', 'of', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'bin', 'al', '&']);
/** Capitalized words that open phrases like `By Monday, …`, not names. */
const NOT_A_NAME = /^(?:the|this|that|these|then|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter|law|contrast|comparison|far)$/iu;

/**
 * The byline of a pasted article, if one of its first three lines is only that: `By Jane Roe`,
 * `By Jane Roe and Luc Petit`, `By JANE ROE in Paris`, `By Jane Roe, Reuters`. Its names are
 * capitalized words (and joining words: `van`, `and`); what follows a comma is free, up to ten
 * words in all; it does not end like a sentence. Returns the line's index in `blocks` and who it names.
 */
export function findByline(blocks: readonly { readonly text: string }[]): { index: number; author: string } | null {
  for (const [index, block] of blocks.slice(0, 3).entries()) {
    const text = block.text.trim();
    const words = text.split(/\s+/u);
    if (words.length > 10) return null;
    const m = /^by\s+([^,]+?)(,.*)?$/iu.exec(text);
    if (!m || /[.!?;:]$/u.test(text) && !/(?:^|\s)\p{Lu}\.$/u.test(text)) continue;
    const names = m[1]!.split(/\s+/u);
    if (NOT_A_NAME.test(names[0]!) || !names.every((w) => /^\p{Lu}/u.test(w) || NAME_JOINS.has(w))) continue;
    return { index, author: text.replace(/^by\s+/iu, '') };
  }
  return null;
}
