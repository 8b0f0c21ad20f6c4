import { createHash } from 'node:crypto';
import type { Archive, ArticleRecord, Curation, Problem, Source } from './model.ts';
import { readArticleFiles, readCuration } from './read/index.ts';
import { buildLexicon, extractArticle, type NameTagger } from './extract/index.ts';
import { loadTagger } from './ner/index.ts';
import { linkArchive } from './link/index.ts';
import { extractFiles, openExtractionCache } from './cache.ts';
import { ExtractionWorker } from './extract/parallel.ts';
import { mark } from './timing.ts';

/** What a build of the archive gives: the archive, the records it was linked from, and every problem. */
export interface BuildResult {
  readonly archive: Archive;
  readonly records: readonly ArticleRecord[];
  readonly curation: Curation;
  readonly problems: readonly Problem[];
  /** Files extracted by this build; the other records came from the cache. */
  readonly extracted: readonly string[];
  /** A fingerprint of what the archive is linked from: the records and the curation (cheap: from hashes the cache keeps). */
  readonly fingerprint: string;
  /** Article id → a hash of its record (kept by the cache): page fingerprints use it (`src/site/pages.ts`). */
  readonly recordHashes: ReadonlyMap<string, string>;
}

export interface BuildOptions {
  /** Folder of the extraction cache (`src/cache.ts`), or false to extract every article. @default false */
  readonly cache?: string | false;
  /** Extract on a second thread when there are many articles to extract. @default true */
  readonly threads?: boolean;
  /** Bytes of content files (articles and the curation file) already read, by absolute path (`inputsFingerprint`): not read again. */
  readonly read?: ReadonlyMap<string, Uint8Array>;
  /**
   * An extraction worker started beforehand (`ExtractionWorker.start()`), so that it has loaded its modules by
   * the time it gets work: used if a worker pays (else one is started when it does), and closed either way.
   */
  readonly worker?: Pick<ExtractionWorker, 'extractAll' | 'close'> | null;
}

/**
 * Articles to extract from which a second thread pays for its start (see `src/extract/parallel.ts`).
 * Measured on two cores: 1,000 articles no faster, 2,000 about 0.2 s faster, 4,000 about 1.6 s.
 */
const PARALLEL_MIN = 2000;

/**
 * Cache entries to read from which a worker pays for a few articles to extract: it extracts them while
 * this thread reads the entries (4,000 entries: 0.2 s; a worker starts in about 0.06 s).
 */
const OVERLAP_MIN = 1000;

let defaultTagger: NameTagger | undefined;
/** The tagger extraction uses. */
export function tagger(): NameTagger {
  defaultTagger ??= loadTagger();
  return defaultTagger;
}

/**
 * The one orchestrator: read `contentDir`, extract every article, link them into an archive.
 *
 * Never throws on bad content; errors are in `problems`, and the caller decides.
 */
export async function buildArchive(contentDir: string, options: Readonly<BuildOptions> = {}): Promise<BuildResult> {
  const [{ files, skipped }, { curation, problems: curationProblems }] = await Promise.all([readArticleFiles(contentDir, options.read), readCuration(contentDir, options.read)]);
  mark('read files');
  const lexicon = buildLexicon(curation);
  const cache = options.cache ? await openExtractionCache(options.cache, curation) : null;
  // The tagger loads on the first miss: a build served wholly from the cache never loads it.
  const extract = (s: Source): ArticleRecord => extractArticle(s, { tagger: tagger(), lexicon });
  // Many misses are shared with a worker thread; a few go to one while this thread reads many cache
  // entries. The worker is the caller's (`options.worker`, started before the content was read: it has
  // loaded its modules by now), or one started now. (`dossier build` gives one only after a previous build: in a
  // build from scratch, a worker started before the reading did not make the extraction faster.)
  const extractMany = async (misses: readonly Source[], meanwhile: () => Promise<void>): Promise<ArticleRecord[]> => {
    const many = misses.length >= PARALLEL_MIN;
    const pays = many || (misses.length > 0 && files.length - misses.length >= OVERLAP_MIN);
    const worker = pays && options.threads !== false ? (options.worker ?? ExtractionWorker.start()) : null;
    if (!worker) {
      await meanwhile();
      return misses.map(extract);
    }
    try {
      // Few misses beside many cache entries: the worker likely takes them all, with a model of its own.
      return await worker.extractAll(misses, curation, extract, meanwhile, many ? 'shared' : 'own');
    } finally {
      // Its memory is better freed before linking.
      worker.close();
    }
  };
  const { records, extracted, hashes, cached } = await extractFiles(files, extract, cache, extractMany).finally(() => options.worker?.close());
  const fingerprint = createHash('sha256').update(JSON.stringify(curation)).update(hashes.join('\0')).digest('hex');
  mark('read and extract');
  const usable = records.filter((r) => !r.problems.some((p) => p.severity === 'error'));
  const archive = linkArchive(usable, curation);
  mark('link');
  // The new cache entries were written while the archive was linked.
  await cached;
  mark('cache written');
  const recordProblems = records.flatMap((r) => r.problems);
  const own = new Set(recordProblems);
  const problems = [...curationProblems, ...skipped, ...recordProblems, ...archive.problems.filter((p) => !own.has(p))];
  if (files.length === 0) problems.push({ file: 'articles/', message: 'no articles found: put .txt or .md files in content/articles/', severity: 'error' });
  const recordHashes = new Map(records.map((r, i) => [r.id, hashes[i]!]));
  return { archive, records, curation, problems: dedupeProblems(problems), extracted, fingerprint, recordHashes };
}

function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}|${p.line ?? ''}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
