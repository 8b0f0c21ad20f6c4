import type { DroppedLine, SourceBlock } from '../model.ts';
import { bareText } from './headline.ts';

/** A lone token such as `abc-news-world-07`: lower case, hyphenated, no spaces. */
const SLUG_TOKEN = /^[\p{Ll}\p{N}]+(?:[-_][\p{Ll}\p{N}]+)+$/u;

/**
 * The furniture of a news web page, pasted with its text: sharing buttons, `Advertisement`, `Read also: …`
 * links, photo credits, newsletter calls. Whole lines only, and short ones.
 */
const WEB_FURNITURE = [
  /^(?:share|tweet|email|e-mail|print|save)(?:\s+(?:on|via|by|this|the))?(?:\s+(?:article|story|page|\p{L}+))?$/iu,
  /^copy\s+(?:the\s+)?link$/iu,
  /^(?:advertisements?|advert|sponsored(?:\s+content)?|ad)$/iu,
  /^(?:read|see)\s+(?:also|more)\b/iu,
  /^(?:subscribe|sign\s+up)\b/iu,
  /^\((?:photos?|image|credit|video)\b[^)]*\)$/iu,
  /^(?:photos?|image|credit|video)\s*:\s*\S/iu,
  /^listen\s+to\s+(?:this|the)\s+article\b/iu,
  /^\d+\s+min(?:ute)?s?\s+read$/iu,
  /^(?:related(?:\s+(?:articles|stories|news))?|most\s+read|trending|recommended|follow\s+us\b.*)\s*:?$/iu,
];
const isFurniture = (text: string): boolean => {
  const line = text.trim();
  return line.split(/\s+/u).length <= 15 && WEB_FURNITURE.some((re) => re.test(line));
};

/**
 * Drop scraping residue: lines that repeat the headline, the furniture of the web page the text was
 * copied from, and slug-like tokens at the end.
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
    if (isFurniture(b.text)) {
      dropped.push({ line: b.line, text: b.text, reason: 'web page furniture: a button, an advertisement, a link or a credit (page residue)' });
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
