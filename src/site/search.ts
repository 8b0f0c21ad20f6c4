import path from 'node:path';
import * as pagefind from 'pagefind';

/** The folder, inside the site, that holds the search index and Pagefind's UI. */
export const SEARCH_FOLDER = 'pagefind';

/** The pages Pagefind indexes, as a glob relative to the site: the articles (`templates/articles/article.njk`). */
const ARTICLE_PAGES = 'articles/*/index.html';

/**
 * Index the rendered site in `siteDir` with Pagefind and write the index to `siteDir/pagefind/`.
 *
 * Only pages marked `data-pagefind-body` (the article pages) are indexed; their filters
 * (person, organization, year) and sort key (date) come from `<meta>` tags the head include writes.
 * Throws when Pagefind reports an error, so that a site without a working search is never swapped in.
 */
export async function indexSite(siteDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({
    // Result links end in index.html like every other link, so that they work from any folder.
    keepIndexUrl: true,
    // Paragraph numbers are anchors, not words of the article.
    excludeSelectors: ['.pn'],
  });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    // Only article pages carry `data-pagefind-body`: reading just them gives the same index, without
    // parsing thousands of entity pages and feeds first.
    const added = await index.addDirectory({ path: path.resolve(siteDir), glob: ARTICLE_PAGES });
    const written = await index.writeFiles({ outputPath: path.resolve(siteDir, SEARCH_FOLDER) });
    const problems = [...errors, ...added.errors, ...written.errors];
    if (problems.length) throw new Error(`pagefind: ${problems.join('; ')}`);
  } finally {
    // The Pagefind binary runs as a child process; close it so that a build does not keep Node alive.
    await pagefind.close();
  }
}
