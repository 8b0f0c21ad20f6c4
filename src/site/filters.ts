import type { UserConfig } from '@11ty/eleventy';
import type { Archive, Block, Entity, Organization, PartialDate, Person } from '../model.ts';
import { relativeHref } from '../link/paths.ts';
import { renderBlockHtml } from '../link/html.ts';
import { jsonLd, publicUrl, structuredData } from './jsonld.ts';
import { bodyHtml, feedDate, feedId, feedUpdated, SITE_FEED_ENTRIES } from './feeds.ts';
import { sitePages } from './templates.ts';
import { byId, entityOf } from './lookup.ts';
import { archiveGraphLayout, neighbourhoodGraphLayout } from './graph.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A partial date at its real precision: `2021`, `May 2021`, `19 May 2021`. */
export function displayDate(date: PartialDate | null | undefined): string {
  if (!date) return 'undated';
  const [y, m, d] = date.iso.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  const text = d ? `${Number(d)} ${month} ${y}` : month ? `${month} ${y}` : `${y}`;
  return date.approximate ? `about ${text}` : text;
}

/** Consecutive list items as one list, other blocks alone: what the article template walks. */
export function groupBlocks<B extends Block>(blocks: readonly B[]): ({ kind: 'list'; items: B[] } | { kind: 'block'; block: B })[] {
  const out: ({ kind: 'list'; items: B[] } | { kind: 'block'; block: B })[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (b.kind === 'item' && last?.kind === 'list') last.items.push(b);
    else if (b.kind === 'item') out.push({ kind: 'list', items: [b] });
    else out.push({ kind: 'block', block: b });
  }
  return out;
}

/** First letter for A–Z groups, accents folded. */
export function initial(name: string): string {
  const c = name.replace(/^(?:the|l['’])\s*/iu, '').normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
}

/** People and organizations the home page lists as most mentioned, of each. */
export const HOME_MOST_MENTIONED = 8;

/** The `n` entities with the most mentions, most first, by name on a tie. */
export function mostMentioned<T extends { name: string; mentions: readonly unknown[] }>(list: readonly T[], n: number = HOME_MOST_MENTIONED): T[] {
  return [...list].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name, 'en')).slice(0, n);
}

/** Group entities by `initial` of their names, in order. */
export function byInitial<T extends { name: string }>(list: readonly T[]): { letter: string; items: T[] }[] {
  const out: { letter: string; items: T[] }[] = [];
  for (const item of list) {
    const letter = initial(item.name);
    const last = out.at(-1);
    if (last?.letter === letter) last.items.push(item);
    else out.push({ letter, items: [item] });
  }
  return out;
}

/** `fr` → `French`, through the platform's own language names. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sentence as safe HTML, with the first occurrence of `text` in `<mark>`. */
export function highlight(sentence: string, text: string): string {
  const at = text ? sentence.indexOf(text) : -1;
  if (at < 0) return escapeHtml(sentence);
  return `${escapeHtml(sentence.slice(0, at))}<mark>${escapeHtml(text)}</mark>${escapeHtml(sentence.slice(at + text.length))}`;
}

/** One timeline entry: an article's publication, or a dated event its text mentions. */
export type TimelineItem =
  | { readonly kind: 'article'; readonly date: PartialDate; readonly article: string }
  | { readonly kind: 'event'; readonly date: PartialDate; readonly article: string; readonly expression: string; readonly sentence: string; readonly block: number };

/** Articles and events in date order (a partial date sorts before the days it contains), articles first on a tie. */
export function timeline(archive: Archive): TimelineItem[] {
  const items: TimelineItem[] = [
    ...archive.articles.filter((a) => a.date).map((a) => ({ kind: 'article' as const, date: a.date!, article: a.id })),
    ...archive.events.map((e) => ({ kind: 'event' as const, date: e.date, article: e.article, expression: e.expression, sentence: e.evidence.sentence, block: e.evidence.block })),
  ];
  return items.sort((a, b) => (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : a.kind === b.kind ? 0 : a.kind === 'article' ? -1 : 1));
}

/** The people and organizations `entity` appears alongside, in the order of `entity.related` (most articles in common first). */
export function alongside(entity: Entity, archive: Archive): { people: Person[]; organizations: Organization[] } {
  const people: Person[] = [];
  const organizations: Organization[] = [];
  for (const r of entity.related) {
    const e = entityOf(archive, r.kind, r.id);
    if (e?.kind === 'person') people.push(e);
    else if (e?.kind === 'organization') organizations.push(e);
  }
  return { people, organizations };
}

/** The items whose `key` equals `value` (Nunjucks' `selectattr` takes no value to compare with). */
export function whereEq<T extends object>(list: readonly T[], key: keyof T, value: unknown): T[] {
  return list.filter((item) => item[key] === value);
}

/** What the `href` filter reads of the page it is on: Eleventy's `page`, and Nunjucks' context (`this.ctx`). */
export interface HrefContext {
  readonly page?: { readonly url?: string };
  readonly ctx?: { readonly absoluteLinks?: boolean; readonly site?: { readonly url?: string | null } };
}

/**
 * A link from the page being rendered to `target` (a path from the site root): relative, so that the
 * site works from any folder. A page that sets `absoluteLinks` (the 404 page, which a server shows at
 * whatever address was missing) gets absolute links instead, when `site.url` is set.
 */
export function pageHref(context: HrefContext, target: string): string {
  const from = context.page?.url ?? '/';
  const siteUrl = context.ctx?.absoluteLinks ? context.ctx.site?.url : null;
  return siteUrl ? publicUrl(from, target, siteUrl) : relativeHref(from, target);
}

/** Eleventy filters: formatting and lookups only, no extraction. */
export default function filters(config: UserConfig): void {
  // https://www.11ty.dev/docs/filters/#scoped-data-in-filters: `this.page` is the page being rendered.
  config.addFilter('href', function (this: HrefContext, target: string) {
    return pageHref(this, target);
  } as never);
  // Plain functions of their arguments, registered by name.
  const plain: Record<string, (...args: never[]) => unknown> = {
    alongside, displayDate, groupBlocks, byId, blockHtml: renderBlockHtml, initial, mostMentioned, byInitial, languageName, timeline, whereEq, highlight,
    byIds: (list: readonly { id: unknown }[], ids: readonly unknown[]) => ids.map((id) => byId(list, id)).filter(Boolean),
  };
  for (const [name, fn] of Object.entries(plain)) config.addFilter(name, fn);
  // Structured data, feeds and absolute URLs (when `site.url` is set): src/site/jsonld.ts, src/site/feeds.ts.
  config.addFilter('publicUrl', function (this: { page?: { url?: string } }, target: string, siteUrl?: string) {
    return publicUrl(this.page?.url ?? '/', target, siteUrl);
  } as never);
  for (const [name, fn] of Object.entries({ structuredData, jsonLd, feedDate, feedUpdated, feedId, bodyHtml })) config.addFilter(name, fn as never);
  // How many articles the site's feeds list: src/site/feeds.ts (page fingerprints read it too).
  config.addGlobalData('feedEntries', SITE_FEED_ENTRIES);
  // The addresses of the site's own pages, for the sitemap: src/site/templates.ts.
  config.addGlobalData('sitePages', () => sitePages());
  // The connections graph, laid out once per archive (and per entity): src/site/graph.ts.
  config.addFilter('archiveGraph', archiveGraphLayout as never);
  config.addFilter('neighbourhoodGraph', neighbourhoodGraphLayout as never);
}
