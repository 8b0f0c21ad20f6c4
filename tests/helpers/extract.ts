import type { ArticleRecord, Curation, TaggedSpan } from '../../src/model.ts';
import { readSource } from '../../src/read/index.ts';
import { buildLexicon, extractArticle, type NameTagger } from '../../src/extract/index.ts';

/** Names a test wants tagged, by type. */
export type Names = Partial<Record<TaggedSpan['type'], readonly string[]>>;

/**
 * A tagger that tags exactly the names it is given, wherever they occur as whole words:
 * extraction rules are tested apart from the statistical model.
 */
export function dictionaryTagger(names: Names): NameTagger {
  const entries = Object.entries(names).flatMap(([type, list]) => (list ?? []).map((n) => ({ type: type as TaggedSpan['type'], n })));
  entries.sort((a, b) => b.n.length - a.n.length);
  return {
    tagText(text) {
      const out: TaggedSpan[] = [];
      for (const { type, n } of entries) {
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const start = m.index;
          const end = start + n.length;
          if (!out.some((s) => start < s.end && end > s.start)) out.push({ start, end, type, text: n });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

/** Extract a record from a text, as if it were `articles/test.txt`. */
export function extractText(text: string, names: Names = {}, curation: Curation = { entities: [], ignore: [] }): ArticleRecord {
  const source = readSource('articles/test.txt', new TextEncoder().encode(text));
  return extractArticle(source, { tagger: dictionaryTagger(names), lexicon: buildLexicon(curation) });
}

/** A body with a headline line first, so the test text is all body. */
export const body = (...paragraphs: string[]): string => ['A headline for the test', '', ...paragraphs].join('\n\n');
