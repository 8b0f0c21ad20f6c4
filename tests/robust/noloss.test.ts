/**
 * No loss: every non-empty line of every article in `content/articles/` is on its article page,
 * unaltered (as text, after HTML-unescaping), unless the build reported it as dropped, and then
 * the report quotes it exactly.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/read/decode.ts';
import { kindOfLine, listItemText } from '../../src/read/blocks.ts';
import { REPO_ROOT, blockTexts, bodyLines, droppedLines, removeDir, runCli, tempDir, type DroppedLine } from './helpers.ts';

const CONTENT = path.join(REPO_ROOT, 'content');

let root: string;
let site: string;
let dropped: DroppedLine[];
let articles: { file: string; url: string }[];

beforeAll(async () => {
  root = await tempDir('noloss');
  site = path.join(root, 'site');
  const run = await runCli(['build', '--content', CONTENT, '--out', site], root);
  expect(run.code, run.stderr).toBe(0);
  dropped = droppedLines(run.stdout);
  articles = (JSON.parse(await readFile(path.join(site, 'data/archive.json'), 'utf8')) as { articles: { file: string; url: string }[] }).articles;
});

afterAll(() => removeDir(root));

/** The file's text as the build reads it: UTF-8, `\n` line ends, control characters as spaces. */
async function fileText(file: string): Promise<string> {
  const decoded = decodeText(await readFile(path.join(CONTENT, file)));
  if ('error' in decoded) throw new Error(`${file}: ${decoded.error}`);
  return decoded.text;
}

describe('the seed articles', () => {
  it('should all be built', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(path.join(CONTENT, 'articles'))).filter((f) => /\.(txt|md|markdown)$/.test(f)).map((f) => `articles/${f}`);
    expect(articles.map((a) => a.file).sort()).toEqual(files.sort());
  });

  it('should show every non-empty body line on the article page, unless reported as dropped', async () => {
    const missing: string[] = [];
    let checked = 0;
    for (const a of articles) {
      if (!a.file.endsWith('.txt')) continue;
      const shown = new Set(blockTexts(await readFile(path.join(site, a.url, 'index.html'), 'utf8')).map((t) => t.trim()));
      for (const { line, text } of bodyLines(await fileText(a.file))) {
        if (text.trim() === '' || dropped.some((d) => d.file === a.file && d.line === line)) continue;
        checked++;
        // A list item shows in a list, without its bullet.
        const expected = kindOfLine(text) === 'item' ? listItemText(text) : text;
        if (!shown.has(expected.trim())) missing.push(`${a.file}:${line}: ${text}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(articles.length * 5);
  });

  it('should quote each dropped line exactly as it is in the file', async () => {
    for (const d of dropped) {
      const line = bodyLines(await fileText(d.file)).find((l) => l.line === d.line);
      expect(line?.text.trim(), `${d.file}:${d.line}`).toBe(d.text.trim());
    }
  });
});
