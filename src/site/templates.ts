/**
 * The addresses of the site's own pages (home, indexes, timeline, …) for `sitemap.xml`.
 *
 * Every template outside the `_` folders that has an HTML page of its own: not paginated (the
 * article and entity pages come from the archive), not excluded from collections, its permalink
 * ending in `.html`. Read from the templates' front matter rather than from Eleventy's collections:
 * a build that leaves an unchanged site-wide page in place does not run its template
 * (`SITE_WIDE` in `pages.ts`), and the sitemap must list it all the same.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';

/** The templates folder of this package. */
const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** Page addresses as Eleventy's `page.url` has them (`/`, `/timeline/`), sorted. */
export async function sitePages(templatesDir: string = TEMPLATES): Promise<string[]> {
  const names = (await readdir(templatesDir, { recursive: true })).map(String).filter((n) => n.endsWith('.njk') && !n.split(path.sep).some((part) => part.startsWith('_')));
  const urls: string[] = [];
  for (const name of names) {
    const { data } = matter(await readFile(path.join(templatesDir, name), 'utf8'));
    const permalink: unknown = data['permalink'];
    if (data['pagination'] || data['eleventyExcludeFromCollections'] === true || typeof permalink !== 'string' || !permalink.endsWith('.html')) continue;
    if (permalink.includes('{')) throw new Error(`templates/${name}: a site-wide page needs a plain permalink for sitemap.xml (src/site/sitemap.ts), not ${JSON.stringify(permalink)}`);
    urls.push(`/${permalink.replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return urls.sort();
}
