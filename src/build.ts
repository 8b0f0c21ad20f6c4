import type { Archive, ArticleRecord, Curation, Problem } from './model.ts';
import { readCuration, readSources } from './read/index.ts';
import { buildLexicon, extractArticle, type NameTagger } from './extract/index.ts';
import { loadTagger } from './ner/index.ts';
import { linkArchive } from './link/index.ts';
import { extractSources, openExtractionCache } from './cache.ts';

/** What a build of the archive gives: the archive, the records it was linked from, and every problem. */
export interface BuildResult {
  readonly archive: Archive;
  readonly records: readonly ArticleRecord[];
  readonly curation: Curation;
  readonly problems: readonly Problem[];
  /** Files extracted by this build; the other records came from the cache. */
  readonly extracted: readonly string[];
}

export interface BuildOptions {
  /** Folder of the extraction cache (`src/cache.ts`), or false to extract every article. @default false */
  readonly cache?: string | false;
}

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
  const [sources, { curation, problems: curationProblems }] = await Promise.all([readSources(contentDir), readCuration(contentDir)]);
  const lexicon = buildLexicon(curation);
  const cache = options.cache ? await openExtractionCache(options.cache, curation) : null;
  // The tagger loads on the first miss: a build served wholly from the cache never loads it.
  const { records, extracted } = await extractSources(sources, (s) => extractArticle(s, { tagger: tagger(), lexicon }), cache);
  const usable = records.filter((r) => !r.problems.some((p) => p.severity === 'error'));
  const archive = linkArchive(usable, curation);
  const recordProblems = records.flatMap((r) => r.problems);
  const own = new Set(recordProblems);
  const problems = [...curationProblems, ...recordProblems, ...archive.problems.filter((p) => !own.has(p))];
  if (sources.length === 0) problems.push({ file: 'articles/', message: 'no articles found: put .txt or .md files in content/articles/', severity: 'error' });
  return { archive, records, curation, problems: dedupeProblems(problems), extracted };
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
