import type { DroppedLine, SourceBlock } from '../model.ts';
import { bareText } from './headline.ts';

/** A lone token such as `abc-news-world-07`: lower case, hyphenated, no spaces. */
const SLUG_TOKEN = /^[\p{Ll}\p{N}]+(?:[-_][\p{Ll}\p{N}]+)+$/u;

/**
 * Drop scraping residue: lines that repeat the headline, and slug-like tokens at the end.
 *
 * Nothing else is ever dropped; each dropped line is returned with its reason for the build log.
 */
export function dropResidue(blocks: readonly SourceBlock[], headline: string): { kept: SourceBlock[]; dropped: DroppedLine[] } {
  const dropped: DroppedLine[] = [];
  const head = bareText(headline);
  let kept = blocks.filter((b) => {
    if (head.length > 0 && bareText(b.text) === head) {
      dropped.push({ line: b.line, text: b.text, reason: 'repeats the headline' });
      return false;
    }
    return true;
  });
  while (kept.length > 1 && SLUG_TOKEN.test(kept.at(-1)!.text.trim())) {
    const b = kept.at(-1)!;
    dropped.push({ line: b.line, text: b.text, reason: 'a lone slug-like token at the end (page residue)' });
    kept = kept.slice(0, -1);
  }
  return { kept, dropped: dropped.sort((a, b) => a.line - b.line) };
}
