import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord, Curation, Source } from './model.ts';

/** Bump when the layout of the cache or of its entries changes. */
const FORMAT = 'dossier-extract-1';

const SRC = path.dirname(fileURLToPath(import.meta.url));

/** Entry points of the code that decides what extraction returns; their relative imports are followed. */
const EXTRACTOR_ENTRIES = ['extract/index.ts', 'ner/index.ts'];

/** Extraction results kept on disk between builds. */
export interface ExtractionCache {
  /** The record extracted from `source` by an earlier build, if any. */
  get(source: Source): Promise<ArticleRecord | undefined>;
  /** Keep `record`, extracted from `source`, for later builds. */
  set(source: Source, record: ArticleRecord): Promise<void>;
}

/**
 * Open the extraction cache in `dir` for builds with this `curation`.
 *
 * An entry is keyed by a hash of the source as read (its file path, front matter, blocks and
 * reading problems: everything extraction sees of the file, including what other files decide,
 * such as a clash of ids), the curation, the tagger's model files, and the extractor's code (the
 * sources that `extract/` and `ner/` import). Changing any of them misses; nothing is ever stale.
 * Entries are never pruned: delete the folder to reclaim the space.
 */
export async function openExtractionCache(dir: string, curation: Curation): Promise<ExtractionCache> {
  const salt = createHash('sha256').update(FORMAT).update(await extractorHash()).update(JSON.stringify(curation)).digest();
  const made = new Set<string>();
  const fileOf = (source: Source): string => {
    const key = createHash('sha256').update(salt).update(JSON.stringify(source)).digest('hex');
    return path.join(dir, key.slice(0, 2), `${key}.json`);
  };
  return {
    async get(source) {
      try {
        const record = JSON.parse(await readFile(fileOf(source), 'utf8')) as ArticleRecord;
        return record.file === source.file ? record : undefined;
      } catch {
        // Missing, or cut short by a crash: extract again.
        return undefined;
      }
    },
    async set(source, record) {
      const file = fileOf(source);
      const folder = path.dirname(file);
      if (!made.has(folder)) await mkdir(folder, { recursive: true });
      made.add(folder);
      // Write then rename, so that a reader never sees half an entry.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(record));
      await rename(tmp, file);
    },
  };
}

/**
 * Extract every source, through `cache` when there is one.
 *
 * Returns the records in the order of `sources`, and the files that were extracted rather than read from the cache.
 * `extractMany`, when given, extracts the misses all at once (on several threads) instead of `extract`.
 */
export async function extractSources(
  sources: readonly Source[],
  extract: (source: Source) => ArticleRecord,
  cache: ExtractionCache | null,
  extractMany?: (sources: readonly Source[]) => Promise<ArticleRecord[]>,
): Promise<{ records: ArticleRecord[]; extracted: string[] }> {
  const cached = cache ? await Promise.all(sources.map((s) => cache.get(s))) : [];
  const misses = sources.filter((_, i) => !cached[i]);
  const fresh = extractMany ? await extractMany(misses) : misses.map(extract);
  let k = 0;
  const records = sources.map((s, i) => cached[i] ?? fresh[k++]!);
  const extracted = misses.map((s) => s.file);
  if (cache) await Promise.all(sources.map((s, i) => (cached[i] ? undefined : cache.set(s, records[i]!))));
  return { records, extracted };
}

// ---------------------------------------------------------------- the extractor's code

let extractorHashOnce: Promise<string> | undefined;
/** A hash of the extractor's code and the tagger's model files, computed once per process. */
export function extractorHash(): Promise<string> {
  extractorHashOnce ??= (async () => {
    const hash = createHash('sha256');
    for (const file of await importClosure(EXTRACTOR_ENTRIES.map((e) => path.join(SRC, e)))) {
      hash.update(path.relative(SRC, file)).update('\0').update(await readFile(file)).update('\0');
    }
    const models = (await readdir(path.join(SRC, 'ner'))).filter((n) => /^model.*\.gz$/u.test(n)).sort();
    for (const m of models) hash.update(m).update('\0').update(await readFile(path.join(SRC, 'ner', m))).update('\0');
    // Dependencies (chrono-node, remark) extract too: a change of the lock file is a change of code.
    hash.update(await readFile(path.join(SRC, '..', 'package-lock.json')).catch(() => readFile(path.join(SRC, '..', 'package.json'))));
    return hash.digest('hex');
  })();
  return extractorHashOnce;
}

/** `entries` and every file they import by a relative path, transitively, sorted. */
async function importClosure(entries: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8').catch(() => '');
    // Any quoted relative path to a module or data file: imports, re-exports, dynamic imports.
    for (const m of text.matchAll(/['"](\.\.?\/[^'"\s]+\.(?:ts|js|json))['"]/gu)) queue.push(path.resolve(path.dirname(file), m[1]!));
  }
  return [...seen].sort();
}
