import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import type { SourceBlock } from '../model.ts';

const ITEM = /^\s*(?:[-–•*]\s+|\d{1,2}[.)]\s+)/;
const TERMINAL = /[.!?:;,]$/;

/**
 * Split a plain-text body into blocks: every non-empty line is one block.
 *
 * News texts pasted from the web put one paragraph on a line; blank lines are only spacing.
 * The text of a block is the line as received, trailing white space aside, and a list item's
 * without its bullet or number (`- a law on …` → `a law on …`), as Markdown reads a list: the
 * page shows the item in a list.
 */
export function blocksOfText(body: string, firstLine: number): SourceBlock[] {
  const lines = body.split('\n');
  const blocks: SourceBlock[] = [];
  lines.forEach((raw, i) => {
    const text = raw.replace(/\s+$/u, '');
    if (text.trim() === '') return;
    const kind = kindOfLine(text);
    blocks.push({ kind, text: kind === 'item' ? listItemText(text) : text, line: firstLine + i });
  });
  return blocks;
}

/** A list item's line without its bullet or number: what the page shows in the list. */
export function listItemText(line: string): string {
  return line.replace(ITEM, '');
}

/**
 * A line is a list item when it starts with a bullet and has words (`* * *` is a separator), a
 * subheading when it is short and unpunctuated.
 */
export function kindOfLine(text: string): SourceBlock['kind'] {
  if (ITEM.test(text) && /[\p{L}\p{N}]/u.test(listItemText(text))) return 'item';
  const bare = text.trim().replace(/^[“”"‘’'«»(\[]+|[“”"‘’'«»)\]]+$/gu, '').trim();
  const words = bare.split(/\s+/u).length;
  if (words <= 12 && bare.length <= 90 && !TERMINAL.test(bare)) return 'heading';
  return 'paragraph';
}

/**
 * Split a Markdown body into blocks with mdast: paragraphs, headings, list items.
 *
 * Inline markup is resolved to its text; raw HTML is kept as literal text, never as markup.
 */
export function blocksOfMarkdown(body: string, firstLine: number): SourceBlock[] {
  const tree = unified().use(remarkParse).parse(body);
  const blocks: SourceBlock[] = [];
  const visit = (node: RootContent): void => {
    const line = firstLine + (node.position?.start.line ?? 1) - 1;
    if (node.type === 'heading') blocks.push({ kind: 'heading', text: toString(node), line });
    else if (node.type === 'list') for (const item of node.children) blocks.push({ kind: 'item', text: toString(item, { includeHtml: true }), line: firstLine + (item.position?.start.line ?? 1) - 1 });
    else if (node.type === 'blockquote') for (const child of node.children) visit(child);
    else if (node.type === 'thematicBreak' || node.type === 'definition') return;
    else {
      const text = node.type === 'code' || node.type === 'html' ? node.value : toString(node, { includeHtml: true });
      if (text.trim() !== '') blocks.push({ kind: 'paragraph', text: text.replace(/\n/g, ' '), line });
    }
  };
  for (const node of tree.children) visit(node);
  return blocks.map((b) => ({ ...b, text: b.text.replace(/\n/g, ' ').trim() }));
}
