import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, Source } from '../model.ts';
import { decodeText } from './decode.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { blocksOfMarkdown, blocksOfText } from './blocks.ts';
import { articleIdOf } from './id.ts';

/** File endings read as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

/**
 * Largest article read, in bytes. A long feature is 50 kB; a 1 MB file is a book or a dump,
 * and extraction time grows with length (about 7 s per MB with the default tagger).
 */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/** An article file as read from disk: its bytes, or, when it cannot be read, the `Source` that says why. */
export type ArticleFile = { readonly file: string; readonly bytes: Uint8Array } | { readonly file: string; readonly unreadable: Source };

/**
 * Read every article of `content/articles/` into a `Source`, sorted by file name.
 *
 * Never throws for bad content: problems are returned on each source. Two files that would
 * get the same id are an error on the later one, which keeps it out of the archive.
 */
export async function readSources(contentDir: string): Promise<Source[]> {
  const { files } = await readArticleFiles(contentDir);
  return withUniqueIds(files.map(sourceOf));
}

/**
 * The bytes of every article file of `content/articles/`, sorted by file name (`articles/…` paths),
 * and a warning for each other file there (a `.docx`, a `.html`): it is not read, and must not go unnoticed.
 * Hidden files and folders (`.DS_Store`, `.git/`) are left alone. `read` holds bytes already read, by
 * absolute path (`inputsFingerprint` reads every file first): they are not read again.
 */
export async function readArticleFiles(contentDir: string, read?: ReadonlyMap<string, Uint8Array>): Promise<{ files: ArticleFile[]; skipped: Problem[] }> {
  const dir = path.join(contentDir, 'articles');
  let entries: { name: string; isFile: boolean }[];
  try {
    entries = (await readdir(dir, { recursive: true, withFileTypes: true })).map((d) => ({ name: path.relative(dir, path.join(d.parentPath, d.name)), isFile: d.isFile() }));
  } catch {
    return { files: [], skipped: [] };
  }
  const visible = entries.filter((e) => !e.name.split(path.sep).some((part) => part.startsWith('.')));
  const isArticle = (n: string): boolean => ARTICLE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext));
  const files = visible.map((e) => e.name).filter(isArticle).sort();
  const skipped = visible
    .filter((e) => e.isFile && !isArticle(e.name))
    .map((e) => e.name)
    .sort()
    .map((name): Problem => ({
      file: articlePath(name),
      message: `is not read: articles are ${ARTICLE_EXTENSIONS.join(', ')} files; save it as plain text or Markdown, or move it out of content/articles/`,
      severity: 'warning',
    }));
  // One after another, synchronously: for thousands of small files that is several times faster than
  // as many promises at once (4,000 articles: 60 ms against 300).
  const articles = files.map((name): ArticleFile | null => {
    const file = articlePath(name);
    const at = path.join(dir, name);
    try {
      return { file, bytes: read?.get(at) ?? readFileSync(at) };
    } catch (e) {
      const code = (e as { code?: string }).code;
      // A folder named `x.txt` is not an article; anything else unreadable is an error.
      if (code === 'EISDIR') return null;
      return { file, unreadable: failed(file, `cannot be read (${code ?? 'unknown error'}): check that the file exists and that you may read it`) };
    }
  });
  return { files: articles.filter((f): f is ArticleFile => f !== null), skipped };
}

/** The path shown for a file of `content/articles/` (`name` relative to that folder): `articles/…`, with forward slashes. */
const articlePath = (name: string): string => path.join('articles', name).split(path.sep).join('/');

/** The `Source` of one article file as read. */
export function sourceOf(f: ArticleFile): Source {
  return 'bytes' in f ? readSource(f.file, f.bytes) : f.unreadable;
}

/** Read one article from its bytes. `file` is the path shown in messages. */
export function readSource(file: string, bytes: Uint8Array): Source {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return failed(file, `is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1048576} MB an article may have: split it into several articles, or remove what is not article text`);
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) return failed(file, decoded.error, decoded.line);
  const notes: Problem[] = decoded.notes.map((n) => ({ file, line: n.line, message: n.message, severity: 'warning' }));
  if (decoded.text.trim() === '') return failed(file, 'is empty: write the article text in it, or delete the file', 1);
  const split = splitFrontMatter(file, decoded.text);
  const problems = [...notes, ...split.problems];
  if (split.problems.some((p) => p.severity === 'error')) return { file, frontMatter: split.frontMatter, blocks: [], problems };
  const markdown = /\.(md|markdown)$/i.test(file);
  const blocks = markdown ? blocksOfMarkdown(split.body, split.bodyLine) : blocksOfText(split.body, split.bodyLine);
  if (blocks.length === 0) {
    problems.push(split.bodyLine > 1
      ? { file, line: split.bodyLine - 1, message: 'has front matter but no text: write the article below the closing `---`', severity: 'error' }
      : { file, line: 1, message: 'has no text to show (only Markdown rules, link definitions or spacing): write the article text in it', severity: 'error' });
  }
  return { file, frontMatter: split.frontMatter, blocks, problems };
}

function failed(file: string, message: string, line?: number): Source {
  return { file, frontMatter: {}, blocks: [], problems: [{ file, ...(line === undefined ? {} : { line }), message, severity: 'error' }] };
}

/** Sources in file order, each later one whose id is taken given an error naming the first. */
export function withUniqueIds(sources: readonly Source[]): Source[] {
  const clashes = idClashes(sources);
  return sources.map((s, i) => {
    const clash = clashes.get(i);
    return clash ? { ...s, problems: [...s.problems, clash] } : s;
  });
}

/** For each later one of `articles` (in file order) whose id an earlier one has, by its index: the error that says so. */
export function idClashes(articles: readonly Pick<Source, 'file' | 'frontMatter'>[]): Map<number, Problem> {
  const owner = new Map<string, string>();
  const clashes = new Map<number, Problem>();
  articles.forEach((s, i) => {
    const id = articleIdOf(s.file, s.frontMatter);
    const first = owner.get(id);
    if (first === undefined) {
      owner.set(id, s.file);
      return;
    }
    const how = s.frontMatter.id ? 'its `id:`' : 'its file name';
    const message = `gets the id \`${id}\` from ${how}, but ${first} already has it, and two articles cannot share a page: give this one another \`id:\` in its front matter, or rename the file`;
    clashes.set(i, { file: s.file, message, severity: 'error' });
  });
  return clashes;
}
