/**
 * A static file server on 127.0.0.1 for a built site: what `dossier serve` runs, and what the tests
 * serve built sites with. Plain `node:http`, a few content types, GET and HEAD; no caching.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

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
 * Serve `dir` on 127.0.0.1 only, at `port` (0: a free one), under `prefix` (`/` or e.g. `/archive/`).
 * A folder answers with its `index.html`; anything else missing (or outside the prefix) is a 404, with
 * the site's own `404.html` when it has one.
 * Nothing is cached: `dossier serve` rebuilds the folder under it.
 */
export async function serveStatic(dir: string, prefix = '/', port = 0): Promise<StaticServer> {
  const root = path.resolve(dir);
  const base = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = http.createServer((req, res) => {
    void respond(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('500 internal error\n');
    });
  });

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // The site's own 404 page when it has one (as static hosts serve it), else a line of text.
    const notFound = async (): Promise<void> => {
      const page = await readFile(path.join(root, '404.html')).catch(() => null);
      res.writeHead(404, { 'content-type': page ? TYPES['.html']! : 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : (page ?? '404 not found\n'));
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
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The parts of `data/archive.json` the site tests rely on. */
