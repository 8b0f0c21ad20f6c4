import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleRecord, Curation, FrontMatter, Source } from './model.ts';
import { idClashes, sourceOf, type ArticleFile } from './read/index.ts';
import { mark } from './timing.ts';
import { SRC } from './root.ts';

/** Bump when the layout of the cache or of its entries changes. */
const FORMAT = 'dossier-extract-2';

/** Entry points of the code that decides what reading and extraction return; their relative imports are followed. */
const EXTRACTOR_ENTRIES = ['read/index.ts', 'extract/index.ts', 'ner/index.ts'];

/** What the cache keeps of one article file: what extraction made of it, and the front matter that decides its id. */
export interface CacheEntry {
  readonly file: string;
  readonly frontMatter: FrontMatter;
  readonly record: ArticleRecord;
  /** A hash of the record: what linking sees of the file. */
  readonly recordHash: string;
}

/** Extraction results kept on disk between builds. */
export interface ExtractionCache {
  /** Whether an earlier build kept an entry for `file` with these `bytes` (the entry is not read: it may still be unreadable). */
  has(file: string, bytes: Uint8Array): boolean;
  /** What an earlier build made of `file` with these `bytes`, if any. */
  get(file: string, bytes: Uint8Array): Promise<CacheEntry | undefined>;
  /** Keep what this build made of `file` with these `bytes`: settles when it is on disk. */
  set(bytes: Uint8Array, entry: CacheEntry): Promise<void>;
}

/**
 * Open the extraction cache in `dir` for builds with this `curation`.
 *
 * An entry is keyed by a hash of the article file (its path and bytes), the curation, the tagger's
 * model files, and the code that reads and extracts (the sources that `read/`, `extract/` and
 * `ner/` import): reading a file is a function of its path and bytes, so a hit needs neither
 * reading nor extraction. What other files decide (a clash of ids) is checked on every build, and
 * a record made under such a clash is never kept. Changing any of them misses; nothing is ever
 * stale. Entries are never pruned: delete the folder to reclaim the space.
 */
export async function openExtractionCache(dir: string, curation: Curation): Promise<ExtractionCache> {
  const salt = createHash('sha256').update(FORMAT).update(await extractorHash()).update(JSON.stringify(curation)).digest();
  const made = new Set<string>();
  const fileOf = (file: string, bytes: Uint8Array): string => {
    const key = createHash('sha256').update(salt).update(file).update('\0').update(bytes).digest('hex');
    return path.join(dir, key.slice(0, 2), `${key}.json`);
  };
  return {
    has: (file, bytes) => existsSync(fileOf(file, bytes)),
    async get(file, bytes) {
      try {
        // Synchronously: thousands of small reads are several times faster so than as promises.
        const entry = JSON.parse(readFileSync(fileOf(file, bytes), 'utf8')) as CacheEntry;
        return entry.file === file && entry.record.file === file && typeof entry.recordHash === 'string' ? entry : undefined;
      } catch {
        // Missing, or cut short by a crash: extract again.
        return undefined;
      }
    },
    set(bytes, entry) {
      // The JSON and the folder now, the writing on libuv's threads: the caller goes on meanwhile.
      const file = fileOf(entry.file, bytes);
      const folder = path.dirname(file);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      // Write then rename, so that a reader never sees half an entry.
      const tmp = `${file}.${process.pid}.tmp`;
      return writeFile(tmp, entryJson(entry)).then(() => rename(tmp, file));
    },
  };
}

/**
 * Read and extract every article file, through `cache` when there is one.
 *
 * Returns the records in the order of `files`, the files that were extracted rather than read from the
 * cache, and a hash of each record.
 * `extractMany`, when given, extracts the misses all at once (on several threads) instead of `extract`,
 * and runs `meanwhile` (which reads the cache's entries) while they are extracted: the misses are known
 * from the cache's index before any entry is read.
 * The new entries are still being written when it returns: `cached` settles when they are.
 * Two files that would get the same id are an error on the later one, cached or not.
 */
export async function extractFiles(
  files: readonly ArticleFile[],
  extract: (source: Source) => ArticleRecord,
  cache: ExtractionCache | null,
  extractMany?: (sources: readonly Source[], meanwhile: () => Promise<void>) => Promise<ArticleRecord[]>,
): Promise<{ records: ArticleRecord[]; extracted: string[]; hashes: string[]; cached: Promise<void> }> {
  const kept = files.map((f) => cache !== null && 'bytes' in f && cache.has(f.file, f.bytes));
  // The misses are read (front matter, blocks) and extracted first; a hit knows its front matter, all the id check needs.
  const sources = files.map((f, i) => (kept[i] ? null : sourceOf(f)));
  const early = sources.flatMap((s, i) => (s ? [i] : []));
  let cached: (CacheEntry | undefined)[] = [];
  const readEntries = async (): Promise<void> => {
    cached = await Promise.all(files.map((f, i) => (kept[i] && cache && 'bytes' in f ? cache.get(f.file, f.bytes) : undefined)));
  };
  const earlySources = early.map((i) => sources[i]!);
  let extractedEarly: ArticleRecord[];
  if (extractMany) extractedEarly = await extractMany(earlySources, readEntries);
  else {
    await readEntries();
    extractedEarly = earlySources.map(extract);
  }
  const fresh = new Map(early.map((i, k) => [i, extractedEarly[k]!]));
  const clashes = idClashes(files.map((f, i) => cached[i] ?? (sources[i] ??= sourceOf(f))));
  const missed: number[] = [];
  const toExtract: Source[] = [];
  files.forEach((f, i) => {
    const clash = clashes.get(i);
    if (cached[i] && !clash) return;
    const source = sources[i] ?? sourceOf(f);
    missed.push(i);
    toExtract.push(clash ? { ...source, problems: [...source.problems, clash] } : source);
    // Extracted early, but an entry that could not be read or a clash of ids changes what it must be: again, here.
    if (clash || !fresh.has(i)) fresh.set(i, extract(toExtract.at(-1)!));
  });
  mark('cache lookups and extraction');
  const records = cached.map((c) => c?.record);
  // A hash of each record (kept with it in the cache): a cheap fingerprint of what linking sees.
  const hashes = cached.map((c) => c?.recordHash ?? '');
  for (const i of missed) {
    records[i] = fresh.get(i)!;
    hashes[i] = hashRecord(fresh.get(i)!);
  }
  mark('record hashes');
  // Written by libuv's threads while this one goes on (linking): the caller awaits `cached` when it is done.
  const written = cache
    ? Promise.all(
        missed.map((i, k) => {
          const f = files[i]!;
          // A record made under a clash of ids depends on another file: never kept.
          if (!('bytes' in f) || clashes.has(i)) return undefined;
          return cache.set(f.bytes, { file: f.file, frontMatter: toExtract[k]!.frontMatter, record: fresh.get(i)!, recordHash: hashes[i]! });
        }),
      ).then(() => undefined)
    : Promise.resolve();
  // Awaited by the caller; until then, a failure must not count as unhandled.
  written.catch(() => undefined);
  return { records: records as ArticleRecord[], extracted: missed.map((i) => files[i]!.file), hashes, cached: written };
}

/** The JSON of records hashed by this process, so that their cache entries do not make it again. */
const recordJson = new WeakMap<ArticleRecord, string>();

function hashRecord(record: ArticleRecord): string {
  const json = JSON.stringify(record);
  recordJson.set(record, json);
  return createHash('sha256').update(json).digest('base64url');
}

/** `JSON.stringify(entry)`, with the record's JSON taken from its hashing when there was one. */
function entryJson(entry: CacheEntry): string {
  const record = recordJson.get(entry.record);
  recordJson.delete(entry.record);
  if (record === undefined || entry.frontMatter === undefined) return JSON.stringify(entry);
  return `{"file":${JSON.stringify(entry.file)},"frontMatter":${JSON.stringify(entry.frontMatter)},"record":${record},"recordHash":${JSON.stringify(entry.recordHash)}}`;
}

// ---------------------------------------------------------------- the extractor's code

/** The bytes of `file`, or null if it is a folder or cannot be read. */
export function readIfFile(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

let extractorHashOnce: Promise<string> | undefined;
/** A hash of the extractor's code and the tagger's model files, computed once per process. */
export function extractorHash(): Promise<string> {
  extractorHashOnce ??= (async () => {
    const hash = createHash('sha256');
    // Synchronously: a few dozen files, several times faster so than as promises, one after the other.
    for (const file of importClosure(EXTRACTOR_ENTRIES.map((e) => path.join(SRC, e)))) {
      hash.update(path.relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    const models = readdirSync(path.join(SRC, 'ner')).filter((n) => /^model.*\.gz$/u.test(n)).sort();
    for (const m of models) hash.update(m).update('\0').update(readFileSync(path.join(SRC, 'ner', m))).update('\0');
    // Dependencies (chrono-node, remark) extract too: a change of the lock file is a change of code.
    hash.update(readIfFile(path.join(SRC, '..', 'package-lock.json')) ?? readFileSync(path.join(SRC, '..', 'package.json')));
    return hash.digest('hex');
  })();
  return extractorHashOnce;
}

/** `entries` and every file they import by a relative path, transitively, sorted: those that can be read. */
function importClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readIfFile(file)?.toString('utf8');
    // A path that only looks like an import (in a comment, say): not code.
    if (text === undefined) continue;
    found.push(file);
    // Any quoted relative path to a module or data file: imports, re-exports, dynamic imports.
    for (const m of text.matchAll(/['"](\.\.?\/[^'"\s]+\.(?:ts|js|json))['"]/gu)) queue.push(path.resolve(path.dirname(file), m[1]!));
  }
  return found.sort();
}
