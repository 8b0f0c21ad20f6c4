import { watch, type FSWatcher } from 'node:fs';
import { serveStatic, type StaticServer } from './static.ts';

export interface ServeOptions {
  /** Build the site into `out`, as `dossier build` does; resolves to its exit code. */
  readonly build: () => Promise<number>;
  /** The built site's folder. */
  readonly out: string;
  /** Folders whose changes call for a new build (the content, the templates). */
  readonly watch: readonly string[];
  /** Port on 127.0.0.1; 0 takes a free one. */
  readonly port: number;
}

/** Changes that come within this many milliseconds of each other make one build (an editor saves in several writes). */
const SETTLE_MS = 150;

/**
 * `dossier serve`: build the site, serve it on 127.0.0.1, and build it again whenever a watched folder
 * changes. Every build is a real `dossier build` (the cache, the in-place update, the search index), so
 * what is served is what would be published; reload the page to see a change. One build at a time: a
 * change during a build is built right after it. Runs until the process is stopped.
 */
export async function serveSite(options: ServeOptions): Promise<StaticServer> {
  let building: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let url = '';
  const rebuild = (): void => {
    if (building) {
      again = true;
      return;
    }
    building = (async () => {
      do {
        again = false;
        // A build that throws (a bug in Dossier, not in the content) is reported like one that fails: the server stays up.
        const code = await options.build().catch((e: unknown) => {
          process.stderr.write(`dossier: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
          return 1;
        });
        process.stdout.write(code === 0 ? `dossier: rebuilt; serving at ${url}\n` : `dossier: the build failed; still serving the last site at ${url}\n`);
      } while (again);
    })().finally(() => {
      building = null;
    });
  };
  // Watching starts before the first build: a change made while it runs is built right after it.
  const watchers: FSWatcher[] = options.watch.map((dir) =>
    watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(rebuild, SETTLE_MS);
    }),
  );
  const first = options.build();
  building = first.then(() => undefined, () => undefined);
  let server: StaticServer;
  try {
    await first;
    server = await serveStatic(options.out, '/', options.port);
  } catch (e) {
    for (const w of watchers) w.close();
    clearTimeout(timer);
    throw e;
  } finally {
    building = null;
  }
  url = server.url;
  process.stdout.write(`dossier: serving ${options.out} at ${server.url} (reload the page after a change; Ctrl+C stops)\n`);
  if (again) rebuild();
  const stop = (): void => {
    for (const w of watchers) w.close();
    clearTimeout(timer);
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
