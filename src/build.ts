import type { Archive, ArticleRecord, Curation, Problem } from './model.ts';
import { readCuration, readSources } from './read/index.ts';
import { buildLexicon, extractArticle, type NameTagger } from './extract/index.ts';
import { loadTagger } from './ner/index.ts';
import { linkArchive } from './link/index.ts';

/** What a build of the archive gives: the archive, the records it was linked from, and every problem. */
export interface BuildResult {
  readonly archive: Archive;
  readonly records: readonly ArticleRecord[];
  readonly curation: Curation;
  readonly problems: readonly Problem[];
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
export async function buildArchive(contentDir: string): Promise<BuildResult> {
  const [sources, { curation, problems: curationProblems }] = await Promise.all([readSources(contentDir), readCuration(contentDir)]);
  const lexicon = buildLexicon(curation);
  const t = tagger();
  const records = sources.map((s) => extractArticle(s, { tagger: t, lexicon }));
  const usable = records.filter((r) => !r.problems.some((p) => p.severity === 'error'));
  const archive = linkArchive(usable, curation);
  const problems = [...curationProblems, ...records.flatMap((r) => r.problems), ...archive.problems.filter((p) => !records.some((r) => r.problems.includes(p)))];
  if (sources.length === 0) problems.push({ file: 'articles/', message: 'no articles found: put .txt or .md files in content/articles/', severity: 'error' });
  return { archive, records, curation, problems: dedupeProblems(problems) };
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
