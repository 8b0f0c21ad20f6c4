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
