/**
 * `dossier serve`: builds the site, serves it on 127.0.0.1 (search index included), and builds it
 * again when an article changes. Each step waits for what the command says, never for a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DOSSIER = path.resolve('bin/dossier.js');

/** `dossier serve` started in `cwd`, and what it printed (either stream) so far. */
interface Served {
  readonly child: ChildProcess;
  output: string;
}

function startServe(cwd: string): Served {
  const child = spawn(process.execPath, [DOSSIER, 'serve', '--content', 'content', '--out', 'site', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const served: Served = { child, output: '' };
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (served.output += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (served.output += d));
  return served;
}

/** Resolve with the first match of `pattern` in what `served` printed after `from`; reject if it exits first. */
function printedBy(served: Served, pattern: RegExp, from = 0): Promise<RegExpExecArray> {
  const { child } = served;
  return new Promise((resolve, reject) => {
    const look = (): boolean => {
      const m = pattern.exec(served.output.slice(from));
      if (m) resolve(m);
      return m !== null;
    };
    if (look()) return;
    const onData = (): void => {
      if (look()) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
      }
    };
    const onExit = (code: number | null): void => reject(new Error(`dossier serve exited (${code}) before printing ${pattern}:\n${served.output}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopServe(served: Served): Promise<void> {
  if (served.child.exitCode !== null) return;
  const exited = new Promise((resolve) => served.child.once('exit', resolve));
  served.child.kill('SIGTERM');
  await exited;
}

let root: string;
let serve: Served;
let url: string;
const printed = (pattern: RegExp, from = 0): Promise<RegExpExecArray> => printedBy(serve, pattern, from);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-serve-'));
  await cp('content', path.join(root, 'content'), { recursive: true });
  serve = startServe(root);
  url = (await printed(/serving .* at (http:\/\/\S+\/) /))[1]!;
}, 120_000);

afterAll(async () => {
  await stopServe(serve);
  await rm(root, { recursive: true, force: true });
});

describe('dossier serve', () => {
  it('should serve the built site on 127.0.0.1, with its search index', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<h1>');
    expect((await fetch(new URL('pagefind/0/pagefind.js', url))).status).toBe(200);
    // A missing page: the site's own 404 page, as static hosts serve it.
    const missing = await fetch(new URL('no/such/page/', url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('should build again when an article changes, and serve the new page', async () => {
    const from = serve.output.length;
    const [first] = (await readdir(path.join(root, 'content', 'articles'))).sort();
    await appendFile(path.join(root, 'content', 'articles', first!), '\nThe union also thanked the Zanzibar Lighthouse Keepers Guild.\n');
    await printed(/dossier: rebuilt/, from);
    const archive = (await (await fetch(new URL('data/archive.json', url))).json()) as { articles: { url: string; headline: string }[] };
    const pages = await Promise.all(archive.articles.map(async (a) => (await fetch(new URL(`${a.url}index.html`, url))).text()));
    expect(pages.some((html) => html.includes('Zanzibar Lighthouse Keepers Guild'))).toBe(true);
  }, 120_000);

  it('should keep serving the last site when a build fails, and say so', async () => {
    const from = serve.output.length;
    await writeFile(path.join(root, 'content', 'articles', 'zz-empty.txt'), '');
    // What is wrong (on stderr) and that the last site is still served (on stdout), in either order.
    await Promise.all([printed(/zz-empty\.txt:1: error: is empty/, from), printed(/the build failed; still serving the last site/, from)]);
    expect((await fetch(url)).status).toBe(200);
  }, 120_000);

  // The first build takes a while: a change saved meanwhile must not wait for the next one.
  it('should build again after its first build when an article changed during it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-serve-first-'));
    await cp('content', path.join(dir, 'content'), { recursive: true });
    const during = startServe(dir);
    try {
      // Printed once the articles are read and extracted, before the site is written and served.
      await printedBy(during, /dossier: extracted \d+ of \d+ articles/);
      const [first] = (await readdir(path.join(dir, 'content', 'articles'))).sort();
      await appendFile(path.join(dir, 'content', 'articles', first!), '\nThe union also thanked the Orkney Ferry Pilots Association.\n');
      const servedAt = (await printedBy(during, /serving .* at (http:\/\/\S+\/) /))[1]!;
      const after = during.output.indexOf('serving ');
      await printedBy(during, /dossier: rebuilt/, after);
      const archive = (await (await fetch(new URL('data/archive.json', servedAt))).json()) as { organizations: { name: string }[] };
      expect(archive.organizations.map((o) => o.name)).toContain('Orkney Ferry Pilots Association');
    } finally {
      await stopServe(during);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
