/**
 * Test helpers for the built site: build the real archive once into a temp folder, and serve a
 * folder over HTTP on 127.0.0.1 (at `/` or under a prefix such as `/archive/`).
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildArchive } from '../../src/build.ts';
import { writeSite, type WriteOptions } from '../../src/site/write.ts';
import type { Archive } from '../../src/model.ts';

/** The repository root (the folder that holds `content/`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuiltSite {
  /** Absolute path of the folder the site was written to. */
  readonly dir: string;
  /** The archive the site was rendered from (with the articles' body blocks). */
  readonly archive: Archive;
  /** Remove the temp folder. */
  cleanup(): Promise<void>;
}

/**
 * Build the repository's real `content/` with `buildArchive` + `writeSite` into a fresh folder
 * under the OS temp dir. Call it once per test file (in `beforeAll`), and `cleanup()` in `afterAll`.
 * Throws if the content has errors: a site built from broken content is not worth testing.
 */
export async function buildRealSite(contentDir = path.join(REPO_ROOT, 'content'), options: Readonly<WriteOptions> = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-site-'));
  const dir = path.join(root, 'site');
  let archive: Archive;
  try {
    const result = await buildArchive(contentDir);
    archive = result.archive;
    const { problems } = result;
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      throw new Error(`content has errors:\n${errors.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n')}`);
    }
    // writeSite has Eleventy import `.eleventy.ts` with Node's own loader, outside vitest's
    // transform: register tsx's loader for that, as bin/dossier.js does.
    const unregister = register();
    try {
      await writeSite(archive, dir, options);
    } finally {
      await unregister();
    }
  } catch (e) {
    await rm(root, { recursive: true, force: true });
    throw e;
  }
  return { dir, archive, cleanup: () => rm(root, { recursive: true, force: true }) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** Absolute URL of the served folder, ending in `/`, e.g. `http://127.0.0.1:41234/archive/`. */
  readonly url: string;
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}

/**
 * Serve `dir` on 127.0.0.1 at a free port, under `prefix` (`/` or e.g. `/archive/`).
 * A folder answers with its `index.html`; anything else missing (or outside the prefix) is a 404.
 */
export async function serveStatic(dir: string, prefix = '/'): Promise<StaticServer> {
  const root = path.resolve(dir);
  const base = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = http.createServer((req, res) => {
    void respond(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('500 internal error\n');
    });
  });

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const notFound = (): void => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 not found\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return notFound();
    }
    // The prefix without its trailing slash is a folder: redirect so relative links resolve.
    if (base !== '/' && pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      res.end();
      return;
    }
    if (!pathname.startsWith(base) || pathname.includes('\0')) return notFound();
    let file = path.resolve(root, `.${pathname.slice(base.length - 1)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` });
        res.end();
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return notFound();
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The parts of `data/archive.json` the site tests rely on. */
export interface ArchiveJson {
  readonly articles: readonly {
    readonly id: string;
    readonly url: string;
    readonly headline: string;
    readonly date: string | null;
    readonly people: readonly string[];
    readonly organizations: readonly string[];
    readonly places: readonly string[];
    readonly demands: readonly { readonly text: string; readonly by: readonly string[] }[];
  }[];
  readonly people: readonly {
    readonly id: string;
    readonly url: string;
    readonly name: string;
    readonly aliases: readonly string[];
    readonly roles: readonly { readonly title: string; readonly organization: string | null }[];
    readonly articles: readonly string[];
  }[];
  readonly organizations: readonly {
    readonly id: string;
    readonly url: string;
    readonly name: string;
    readonly aliases: readonly string[];
    readonly description?: string | null;
    readonly articles: readonly string[];
  }[];
  readonly places: readonly { readonly id: string; readonly url: string; readonly name: string; readonly articles: readonly string[] }[];
}

/** Read `data/archive.json` of a built site. */
export async function readArchiveJson(siteDir: string): Promise<ArchiveJson> {
  return JSON.parse(await readFile(path.join(siteDir, 'data', 'archive.json'), 'utf8')) as ArchiveJson;
}

/** Every file under `dir` whose name ends in `ext`, as paths relative to `dir` with `/` separators, sorted. */
export async function listFiles(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
