import type { Archive, Article, Entity, Organization, Person, Place, Role } from '../model.ts';
import { relativeHref } from '../link/paths.ts';
import { byId, mentionsIn } from './lookup.ts';

/** A JSON-LD node. */
type Node = Record<string, unknown>;

/** Turns a page path relative to the site root (`people/jane-roe/`) into the URL a page should print. */
export type UrlOf = (target: string) => string;

/**
 * The URL of `target` (a page path relative to the site root) as printed on the page at `from`:
 * absolute under `siteUrl` when one is configured, otherwise relative to `from` (ending in `index.html`).
 *
 * Relative identifiers still name one thing: a JSON-LD processor resolves them against the page's
 * own address, so `../../people/x/index.html` on an article and `index.html` on the person's page agree.
 */
export function publicUrl(from: string, target: string, siteUrl: string | null | undefined): string {
  if (!siteUrl) return relativeHref(from, target);
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(target.replace(/^\/+/, ''), base).href;
}

/** The Wikidata page of a curated id, or nothing when the id is missing or malformed. */
export function wikidataUrl(id: string | null | undefined): string | undefined {
  return id && /^Q[1-9]\d*$/.test(id) ? `https://www.wikidata.org/wiki/${id}` : undefined;
}

const TYPE = { person: 'Person', organization: 'Organization', place: 'Place' } as const;

/** A reference to an entity's node: its type, `@id` (its page) and name, enough to read without following it. */
function ref(entity: Entity, url: UrlOf): Node {
  return { '@type': TYPE[entity.kind], '@id': url(entity.url), name: entity.name };
}

/** The fields every entity node has. */
function entityNode(entity: Entity, url: UrlOf, archive: Archive): Node {
  return {
    ...ref(entity, url),
    url: url(entity.url),
    ...(entity.aliases.length ? { alternateName: entity.aliases } : {}),
    ...(entity.description ? { description: entity.description } : {}),
    ...(wikidataUrl(entity.wikidata) ? { sameAs: wikidataUrl(entity.wikidata) } : {}),
    subjectOf: entity.articles.flatMap((id) => {
      const article = byId(archive.articles, id);
      return article ? [{ '@type': 'NewsArticle', '@id': url(article.url), headline: article.headline }] : [];
    }),
  };
}

/** Drop undefined entries, so that a missing fact is absent rather than `null`. */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));
}

/**
 * A NewsArticle: headline, date, language, and its people, organizations and places as `mentions`;
 * the people and organizations named more than once in it are also what it is `about`.
 */
export function articleData(article: Article, archive: Archive, url: UrlOf, siteName: string): Node {
  const entities: Entity[] = [
    ...article.people.map((id) => byId(archive.people, id)),
    ...article.organizations.map((id) => byId(archive.organizations, id)),
    ...article.places.map((id) => byId(archive.places, id)),
  ].filter((e): e is Entity => e !== undefined);
  const timesNamed = (e: Entity): number => mentionsIn(e.mentions, article.id);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url(article.url),
    url: url(article.url),
    headline: article.headline,
    datePublished: article.date?.iso,
    author: article.author ? { '@type': 'Person', name: article.author } : undefined,
    description: article.summary || undefined,
    inLanguage: article.language,
    isBasedOn: article.sourceUrl ?? undefined,
    isPartOf: { '@type': 'WebSite', '@id': url(''), name: siteName },
    about: entities.filter((e) => e.kind !== 'place' && timesNamed(e) > 1).map((e) => ref(e, url)),
    mentions: entities.map((e) => ref(e, url)),
  });
}

/** One role as schema.org's Role pattern: Person → memberOf → OrganizationRole → memberOf → Organization. */
function memberOf(role: Role, archive: Archive, url: UrlOf): Node | undefined {
  const org = role.organization ? byId(archive.organizations, role.organization) : undefined;
  const target = org ? ref(org, url) : role.organizationName ? { '@type': 'Organization', name: role.organizationName } : undefined;
  return target && { '@type': 'OrganizationRole', roleName: role.title, memberOf: target };
}

/** A Person: names, Wikidata `sameAs`, roles as `memberOf` OrganizationRoles, and the articles naming them. */
export function personData(person: Person, archive: Archive, url: UrlOf): Node {
  const roles = person.roles.map((r) => memberOf(r, archive, url));
  return compact({
    '@context': 'https://schema.org',
    ...entityNode(person, url, archive),
    memberOf: roles.filter((r) => r !== undefined),
    // Titles with no organization at all (`minister`) still say what the person does.
    jobTitle: person.roles.filter((_, i) => roles[i] === undefined).map((r) => r.title),
  });
}

/** An Organization: names, Wikidata `sameAs`, parent and branches, and its people as `member` OrganizationRoles. */
export function organizationData(org: Organization, archive: Archive, url: UrlOf): Node {
  const orgRef = (id: string): Node | undefined => {
    const o = byId(archive.organizations, id);
    return o && ref(o, url);
  };
  return compact({
    '@context': 'https://schema.org',
    ...entityNode(org, url, archive),
    parentOrganization: org.partOf ? orgRef(org.partOf) : undefined,
    subOrganization: org.branches.map(orgRef).filter((o) => o !== undefined),
    member: org.members.flatMap((role) => {
      const person = byId(archive.people, role.person);
      return person ? [{ '@type': 'OrganizationRole', roleName: role.title, member: ref(person, url) }] : [];
    }),
  });
}

/** A Place: names, Wikidata `sameAs`, and the articles naming it. */
export function placeData(place: Place, archive: Archive, url: UrlOf): Node {
  return compact({ '@context': 'https://schema.org', ...entityNode(place, url, archive) });
}

/** Any other page: a WebPage (a CollectionPage for lists) that is part of the site. */
export function pageData(page: { url: string; title: string; description?: string | undefined; collection: boolean }, url: UrlOf, site: { name: string; about?: string }): Node {
  const website = { '@type': 'WebSite', '@id': url(''), url: url(''), name: site.name, description: site.about };
  if (page.url === '') return compact({ '@context': 'https://schema.org', ...website });
  return compact({
    '@context': 'https://schema.org',
    '@type': page.collection ? 'CollectionPage' : 'WebPage',
    '@id': url(page.url),
    url: url(page.url),
    name: page.title,
    description: page.description,
    isPartOf: compact(website),
  });
}

/**
 * Serialize a JSON-LD value for a `<script type="application/ld+json">` element.
 *
 * `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026` (same JSON value), so that no string
 * in the data can close the element (`</script>`) or open a comment (`<!--`); U+2028/U+2029 likewise.
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What the head include knows about the page being rendered. */
export interface PageFacts {
  /** Path of the page relative to the site root (`people/jane-roe/`; `` for the home page). */
  readonly url: string;
  readonly title: string;
  readonly description?: string;
  /** The article or entity the page is about, if it is one's page. */
  readonly article?: Article;
  readonly entity?: Entity;
  /** True for list pages (articles, people, …). */
  readonly collection?: boolean;
}

/** The JSON-LD of any page: what kind of page it is decides the node. */
export function structuredData(page: PageFacts, archive: Archive, site: { name: string; about?: string; url?: string }): Node {
  // Eleventy's `page.url` starts with a slash and drops `index.html`: `/people/jane-roe/`.
  const from = page.url.replace(/^\/+/, '');
  const url: UrlOf = (target) => publicUrl(from, target, site.url);
  if (page.article) return articleData(page.article, archive, url, site.name);
  if (page.entity?.kind === 'person') return personData(page.entity, archive, url);
  if (page.entity?.kind === 'organization') return organizationData(page.entity, archive, url);
  if (page.entity?.kind === 'place') return placeData(page.entity, archive, url);
  return pageData({ url: from, title: page.title, description: page.description, collection: Boolean(page.collection) }, url, site);
}
