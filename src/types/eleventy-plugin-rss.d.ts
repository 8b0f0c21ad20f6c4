// @11ty/eleventy-plugin-rss 3 ships JavaScript without declarations: the parts Dossier uses.
declare module '@11ty/eleventy-plugin-rss' {
  import type { UserConfig } from '@11ty/eleventy';
  /** Adds the feed filters (`dateToRfc3339`, `absoluteUrl`, `htmlToAbsoluteUrls`, …) and Eleventy's HTML base plugin. */
  export function rssPlugin(config: UserConfig): void;
  export default rssPlugin;
}
