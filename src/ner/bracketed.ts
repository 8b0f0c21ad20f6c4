/** Text annotated inline as `[TYPE words]` (hand-written test sentences): the plain text and its spans. */
import type { EntityType, TaggedSpan } from '../model.ts';

export function parseBracketed(annotated: string): { text: string; spans: TaggedSpan[] } {
  const spans: TaggedSpan[] = [];
  let text = '';
  const re = /\[(PER|ORG|LOC|MISC) ([^\]]+)\]/gu;
  let at = 0;
  for (let m = re.exec(annotated); m !== null; m = re.exec(annotated)) {
    text += annotated.slice(at, m.index);
    const start = text.length;
    text += m[2]!;
    spans.push({ start, end: text.length, type: m[1] as EntityType, text: m[2]! });
    at = m.index + m[0].length;
  }
  text += annotated.slice(at);
  return { text, spans };
}

/** Read a fixture file: one paragraph a line, `#` comments and blank lines skipped; paragraphs joined by blank lines. */
export function readBracketedFile(content: string): { text: string; spans: TaggedSpan[] } {
  const paragraphs = content.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return parseBracketed(paragraphs.join('\n\n'));
}
