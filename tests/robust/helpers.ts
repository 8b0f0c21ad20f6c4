/**
 * Helpers of the robustness tests: temporary content folders, the CLI as a child process,
 * and a fingerprint of a whole output folder.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { REPO_ROOT } from '../helpers/site.ts';

export { REPO_ROOT };

/** A fresh folder under the OS temp dir; remove it with `rm(dir, { recursive: true })`. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `dossier-robust-${prefix}-`));
}

/** Write `files` (paths relative to `dir`, like `articles/x.txt`) into `dir`. */
export async function writeFiles(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** Remove a folder made by `tempDir`. */
export function removeDir(dir: string | undefined): Promise<void> {
  return dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve();
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run `node bin/dossier.js …args` as a maintainer would, in `cwd`: a test's own temp folder,
 * so that what the CLI keeps in its working folder (the extraction cache) is the test's alone.
 */
export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/dossier.js'), ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under `dir` (relative path, `/`-separated) → SHA-256 of its bytes, sorted by path. */
export async function fingerprint(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const out = new Map<string, string>();
  for (const f of files) out.set(f, createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex'));
  return out;
}

/** One hash of a whole folder: paths and bytes. */
export function folderHash(prints: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const [f, sum] of prints) h.update(`${f}\0${sum}\n`);
  return h.digest('hex');
}

/** A well-formed article, so that a test content folder builds. */
export function goodArticle(headline: string, body = 'Jane Roe, a spokeswoman for the Example Union, said on Monday that the talks would go on.'): string {
  return `---\nheadline: ${JSON.stringify(headline)}\ndate: 2021-05-19\n---\n${body}\n\nA second paragraph of the article, about ${headline.toLowerCase()}.\n`;
}

/**
 * What makes markup executable in a page: inline scripts (JSON-LD data aside), event-handler
 * attributes, `javascript:` (or `data:`/`vbscript:`) URLs, and elements that load or run other documents.
 * Returns one line per finding; an empty list means the page is inert.
 */
export function executableMarkup(html: string, where: string): string[] {
  const found: string[] = [];
  const doc = parse(html, { comment: false, blockTextElements: { script: true, style: true, pre: true, noscript: true } });
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'script') {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if (type === 'application/ld+json') {
        const raw = el.innerHTML;
        // `<` is escaped as \u003c in the JSON, so that nothing in it can close the element.
        if (raw.includes('<')) found.push(`${where}: JSON-LD holds a raw "<"`);
        try {
          JSON.parse(raw);
        } catch {
          found.push(`${where}: JSON-LD is not JSON: ${raw.slice(0, 80)}`);
        }
      } else if (!el.getAttribute('src') || el.innerHTML.trim() !== '') {
        found.push(`${where}: inline <script>: ${el.outerHTML.slice(0, 120)}`);
      } else if (!isSiteAsset(el.getAttribute('src')!)) {
        found.push(`${where}: <script src="${el.getAttribute('src')}"> is not one of the site's own scripts`);
      }
    }
    if (['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'form'].includes(tag)) found.push(`${where}: <${tag}> element`);
    if (tag === 'meta' && (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') found.push(`${where}: <meta http-equiv=refresh>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      const attr = name.toLowerCase();
      if (attr.startsWith('on')) found.push(`${where}: <${tag} ${attr}="${value}">`);
      if (!['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster'].includes(attr)) continue;
      // Browsers ignore white space and control characters inside a scheme: `java\tscript:` runs.
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\s\u0000-\u001f]+/g, ''))?.[1]?.toLowerCase();
      // A data: URL is a document only where it is navigated to or run (a link, a frame, a script).
      const runs = scheme === 'javascript' || scheme === 'vbscript' || (scheme === 'data' && ['a', 'area', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'button', 'base'].includes(tag));
      if (runs || attr === 'srcdoc') found.push(`${where}: <${tag} ${attr}="${value}">`);
    }
  }
  return found;
}

/** Scripts the build itself ships (search UI), referenced relatively from inside the site. */
function isSiteAsset(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) && /(?:^|\/)(?:assets|pagefind(?:\/\d+)?)\/[\w.-]+\.js$/.test(src);
}

/** The Content-Security-Policy a page declares in a `<meta http-equiv>`, or null. */
export function contentSecurityPolicy(html: string): string | null {
  const doc = parse(html);
  const meta = doc.querySelectorAll('meta').find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  return meta?.getAttribute('content') ?? null;
}

/** The text of each numbered block (`#pN`) of an article page, without its paragraph-number link. */
export function blockTexts(html: string): string[] {
  const doc = parse(html);
  return doc.querySelectorAll('[id]').filter((el) => /^p\d+$/.test(el.getAttribute('id') ?? '')).map((el: HTMLElement) => {
    for (const pn of el.querySelectorAll('a.pn')) pn.remove();
    return el.text;
  });
}

/** A line the build reports as left out: `file:line: dropped (reason): text`. */
export interface DroppedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
  readonly text: string;
}

/** The dropped lines a `dossier build` printed. */
export function droppedLines(stdout: string): DroppedLine[] {
  return [...stdout.matchAll(/^(.+?):(\d+): dropped \((.+?)\): (.*)$/gm)].map((m) => ({ file: m[1]!, line: Number(m[2]), reason: m[3]!, text: m[4]! }));
}

/** The body lines of a text file, numbered from 1 as in the file: front matter left out. */
export function bodyLines(text: string): { line: number; text: string }[] {
  const lines = text.split('\n');
  let start = 0;
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (/^---\s*$/.test(lines[first] ?? '')) {
    const close = lines.findIndex((l, i) => i > first && /^(?:---|\.\.\.)\s*$/.test(l));
    start = close + 1;
  }
  return lines.slice(start).map((t, i) => ({ line: start + i + 1, text: t }));
}
