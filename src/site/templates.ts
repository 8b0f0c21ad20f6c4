/**
 * The site's templates as their front matter describes them, read once per call: which are
 * site-wide (not one page per article or entity), and the addresses of the site's own pages.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { TEMPLATES } from '../root.ts';

/** A template outside the `_` folders: its path in `templates/` and its front matter. */
interface TemplateHead {
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
}

async function templateHeads(templatesDir: string): Promise<TemplateHead[]> {
  const names = (await readdir(templatesDir, { recursive: true })).map(String).filter((n) => n.endsWith('.njk') && !n.split(path.sep).some((part) => part.startsWith('_')));
  return Promise.all(names.map(async (name) => ({ name, data: matter(await readFile(path.join(templatesDir, name), 'utf8')).data as Record<string, unknown> })));
}

/** Does the template paginate over the articles or entities to render (global data `render`)? */
const perItem = (t: TemplateHead): boolean => {
  const data = (t.data['pagination'] as { data?: unknown } | undefined)?.data;
  return typeof data === 'string' && data.startsWith('render.');
};

/** The templates that are not one page per article or entity, as paths Eleventy's ignores match (`templates/timeline/index.njk`). */
export async function siteWideTemplates(templatesDir: string = TEMPLATES): Promise<string[]> {
  return (await templateHeads(templatesDir)).filter((t) => !perItem(t)).map((t) => `templates/${t.name.split(path.sep).join('/')}`);
}

/**
 * The addresses of the site's own pages (home, indexes, timeline, …) for `sitemap.xml`, as Eleventy's
 * `page.url` has them (`/`, `/timeline/`), sorted.
 *
 * Every template that has an HTML page of its own: not paginated (the article and entity pages come
 * from the archive), not excluded from collections, its permalink ending in `.html`. Read from the
 * front matter rather than from Eleventy's collections: a build that leaves an unchanged site-wide
 * page in place does not run its template (`SITE_WIDE` in `pages.ts`), and the sitemap must list it.
 */
export async function sitePages(templatesDir: string = TEMPLATES): Promise<string[]> {
  const urls: string[] = [];
  for (const { name, data } of await templateHeads(templatesDir)) {
    const permalink: unknown = data['permalink'];
    if (data['pagination'] || data['eleventyExcludeFromCollections'] === true || typeof permalink !== 'string' || !permalink.endsWith('.html')) continue;
    if (permalink.includes('{')) throw new Error(`templates/${name}: a site-wide page needs a plain permalink for sitemap.xml (src/site/templates.ts), not ${JSON.stringify(permalink)}`);
    urls.push(`/${permalink.replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return urls.sort();
}
