import type { UserConfig } from '@11ty/eleventy';
import type { Archive } from './src/model.ts';
import { rssPlugin } from '@11ty/eleventy-plugin-rss';
import filters from './src/site/filters.ts';
import nunjucksCompileCache from './src/site/nunjucks.ts';
import { buildArchive } from './src/build.ts';
import { renderAll } from './src/site/pages.ts';
import { writeEntityFeeds } from './src/site/write.ts';
import { searchBundles } from './src/site/search.ts';

/**
 * Eleventy wiring only: directories, the archive as global data, filters.
 * Eleventy renders; `src/` reads and extracts.
 */
export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(filters);
  // https://www.11ty.dev/docs/plugins/rss/#supplies-the-following-nunjucks-filters: feed dates and absolute URLs.
  eleventyConfig.addPlugin(rssPlugin);
  // One Nunjucks compile per template and build, not per page: src/site/nunjucks.ts.
  eleventyConfig.addPlugin(nunjucksCompileCache);
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  // `dossier build` passes the archive it already checked; plain `eleventy` (and `npm start`) builds it here.
  if (!('archive' in eleventyConfig.globalData)) {
    const content = process.env['DOSSIER_CONTENT'] ?? 'content';
    // https://www.11ty.dev/docs/watch-serve/#add-your-own-watch-targets
    eleventyConfig.addWatchTarget(content);
    // Built once per build (the dev server rebuilds on every change), shared by both global data.
    let archive: Promise<Archive> | null = null;
    const load = (): Promise<Archive> => (archive ??= buildArchive(content).then((r) => r.archive));
    // https://www.11ty.dev/docs/events/#eleventy.before
    eleventyConfig.on('eleventy.before', () => {
      archive = null;
    });
    eleventyConfig.addGlobalData('archive', load);
    eleventyConfig.addGlobalData('render', async () => renderAll(await load()));
    eleventyConfig.addGlobalData('search', async () => searchBundles(await load()));
    // The feeds of people and organizations are not templates (src/site/feeds.ts): write them beside their pages.
    // https://www.11ty.dev/docs/events/#eleventy.after
    eleventyConfig.on('eleventy.after', async (...args: unknown[]) => {
      // `directories`, not `dir`: it has the output folder the command line chose.
      const { directories } = args[0] as { directories: { output: string } };
      const a = await load();
      await writeEntityFeeds(a, [...a.people, ...a.organizations], directories.output);
    });
  }
}

export const config = {
  // No `output` here: it would override the folder `dossier build --out` passes. Eleventy's default is _site.
  dir: { input: 'templates', includes: '_includes', layouts: '_layouts' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
