import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, Source } from '../model.ts';
import { decodeText } from './decode.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { blocksOfMarkdown, blocksOfText } from './blocks.ts';

/** File endings read as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

/** Largest article read, in bytes: a bigger file is almost certainly not an article. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Read every article of `content/articles/` into a `Source`, sorted by file name.
 *
 * Never throws for bad content: problems are returned on each source.
 */
export async function readSources(contentDir: string): Promise<Source[]> {
  const dir = path.join(contentDir, 'articles');
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map(String);
  } catch {
    return [];
  }
  const files = names
    .filter((n) => ARTICLE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext)))
    .filter((n) => !path.basename(n).startsWith('.'))
    .sort();
  return Promise.all(files.map(async (name) => readSource(path.join('articles', name).split(path.sep).join('/'), await readFile(path.join(dir, name)))));
}

/** Read one article from its bytes. `file` is the path shown in messages. */
export function readSource(file: string, bytes: Uint8Array): Source {
  const fail = (message: string, line?: number): Source => ({
    file,
    frontMatter: {},
    blocks: [],
    problems: [{ file, ...(line === undefined ? {} : { line }), message, severity: 'error' } satisfies Problem],
  });
  if (bytes.length > MAX_BYTES) return fail(`is ${Math.round(bytes.length / 1048576)} MB, over the ${MAX_BYTES / 1048576} MB an article may have: split it or remove what is not article text`);
  const decoded = decodeText(bytes);
  if ('error' in decoded) return fail(decoded.error, decoded.line);
  if (decoded.text.trim() === '') return fail('is empty: write the article text in it, or delete the file');
  const split = splitFrontMatter(file, decoded.text);
  if (split.problems.some((p) => p.severity === 'error')) return { file, frontMatter: split.frontMatter, blocks: [], problems: split.problems };
  const markdown = /\.(md|markdown)$/i.test(file);
  const blocks = markdown ? blocksOfMarkdown(split.body, split.bodyLine) : blocksOfText(split.body, split.bodyLine);
  const problems = [...split.problems];
  if (blocks.length === 0) problems.push({ file, line: split.bodyLine, message: 'has front matter but no text: write the article below the closing `---`', severity: 'error' });
  return { file, frontMatter: split.frontMatter, blocks, problems };
}
