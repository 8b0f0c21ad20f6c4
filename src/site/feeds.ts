import { renderBlockHtml } from '../link/html.ts';
import type { Archive, LinkedBlock, Organization, PartialDate, Person } from '../model.ts';
import { publicUrl } from './jsonld.ts';
import { byId } from './lookup.ts';
import { slugify } from '../text/slug.ts';
import { groupBlocks } from './filters.ts';

/**
 * The first instant of a partial date, in UTC: `2021-05` → 2021-05-01T00:00:00Z.
 *
 * Feeds want full timestamps; an article known only to the month is dated to its first day.
 */
export function feedDate(date: PartialDate | null | undefined): Date | undefined {
  if (!date) return undefined;
  const [y, m = '01', d = '01'] = date.iso.split('-');
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

/**
 * When a feed last changed: the date of its newest dated article.
 *
 * Not the build time, so that building the same archive twice writes the same feed.
 * A feed with no dated article at all says 1970-01-01.
 */
export function feedUpdated(articles: readonly { date: PartialDate | null }[]): Date {
  const times = articles.map((a) => feedDate(a.date)?.getTime()).filter((t) => t !== undefined);
  return new Date(times.length ? Math.max(...times) : 0);
}

/**
 * A stable id for a feed or an entry: its absolute URL when the site has one, otherwise a URN
 * named after the site and the page path (`urn:dossier:dossier:articles/some-id`), since Atom ids
 * must be absolute and a relative link is not.
 */
export function feedId(target: string, siteUrl: string | null | undefined, siteName: string): string {
  const pathPart = target.replace(/^\/+/, '').replace(/\/$/, '');
  if (siteUrl) return new URL(target.replace(/^\/+/, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
  return `urn:dossier:${siteSlug(siteName)}:${pathPart || 'site'}`;
}

/** The site name's slug, made once: every entry of every feed names it (4,000 articles: about 0.2 s of slugify). */
const siteSlug = (() => {
  let name: string | undefined;
  let slug = '';
  return (siteName: string): string => {
    if (siteName !== name) [name, slug] = [siteName, slugify(siteName)];
    return slug;
  };
})();

/** An article's body as one HTML fragment (paragraphs, subheadings, lists), for a feed entry's content. */
export function bodyHtml(blocks: readonly LinkedBlock[]): string {
  return groupBlocks(blocks)
    .map((g) => (g.kind === 'list' ? `<ul>${g.items.map((b) => `<li>${renderBlockHtml(b)}</li>`).join('')}</ul>` : g.block.kind === 'heading' ? `<h2>${renderBlockHtml(g.block)}</h2>` : `<p>${renderBlockHtml(g.block)}</p>`))
    .join('\n');
}

/** The site settings a feed names (`templates/_data/site.json`). */
export interface FeedSite {
  readonly name: string;
  readonly about?: string;
  readonly url?: string | null;
}

/** Entries in a person's or organization's feeds: the newest articles that name them. */
export const ENTITY_FEED_ENTRIES = 50;

/** Entries in the site's own feeds (`feed.xml`, `feed.json`): the newest articles. Templates read it as `feedEntries`. */
export const SITE_FEED_ENTRIES = 50;

/** Text for XML content and attributes: the five characters Nunjucks escapes, and the backslash it escapes too. */
const xml = (s: string): string => s.replace(/[&"'<>\\]/g, (c) => ({ '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' })[c]!);
/** RFC 3339 without milliseconds, as Atom has it (what @11ty/eleventy-plugin-rss's `dateToRfc3339` writes). */
const rfc3339 = (d: Date): string => `${d.toISOString().split('.')[0]}Z`;

/**
 * The Atom and JSON feeds of a person or organization: its newest articles, each with its title,
 * link, dates and summary; no bodies or categories (thousands of entities, each a feed to follow).
 *
 * Written by `writeSite` rather than by a template: Eleventy's work for each page, twice per
 * entity, was a third of a large archive's build. The archive's own feeds (bodies included) are
 * templates: `templates/feeds/`.
 */
export function entityFeeds(archive: Archive, entity: Person | Organization, site: FeedSite): { atom: string; json: string } {
  const articles = entity.articles.map((id) => byId(archive.articles, id)).filter((a) => a !== undefined).slice(0, ENTITY_FEED_ENTRIES);
  const title = `${entity.name} · ${site.name}`;
  const updated = feedUpdated(articles);
  const atomFrom = `${entity.url}feed.xml`;
  const jsonFrom = `${entity.url}feed.json`;
  const id = (target: string): string => feedId(target, site.url, site.name);
  const atom = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <title>${xml(title)}</title>`,
    `  <subtitle>${xml(site.about ?? '')}</subtitle>`,
    `  <id>${xml(id(atomFrom))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(publicUrl(atomFrom, atomFrom, site.url))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(publicUrl(atomFrom, entity.url, site.url))}"/>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <author><name>${xml(site.name)}</name></author>`,
    '  <generator>Dossier</generator>',
    ...articles.map((a) => {
      const published = feedDate(a.date);
      return [
        '  <entry>',
        `    <title>${xml(a.headline)}</title>`,
        `    <link rel="alternate" type="text/html" href="${xml(publicUrl(atomFrom, a.url, site.url))}"/>`,
        `    <id>${xml(id(a.url))}</id>`,
        `    <updated>${rfc3339(published ?? updated)}</updated>`,
        ...(published ? [`    <published>${rfc3339(published)}</published>`] : []),
        `    <summary>${xml(a.summary)}</summary>`,
        '  </entry>',
      ].join('\n');
    }),
    '</feed>',
  ].join('\n');
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    description: site.about ?? '',
    home_page_url: publicUrl(jsonFrom, entity.url, site.url),
    feed_url: publicUrl(jsonFrom, jsonFrom, site.url),
    language: 'en',
    authors: [{ name: site.name }],
    items: articles.map((a) => ({
      id: id(a.url),
      url: publicUrl(jsonFrom, a.url, site.url),
      title: a.headline,
      summary: a.summary,
      content_text: a.summary || a.headline,
      ...(a.date ? { date_published: rfc3339(feedDate(a.date)!) } : {}),
      language: a.language,
    })),
  };
  return { atom: `${atom}\n`, json: `${JSON.stringify(json, null, 2)}\n` };
}
