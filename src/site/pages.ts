/**
 * Which pages a build must render, and which it can take unchanged from the previous build.
 *
 * Every article, person, organization and place has pages of its own (its page, and a person's or
 * organization's two feeds). Each gets a fingerprint of everything its templates read: the record
 * itself, and the few facts it shows of the records it links to (their names and addresses, the
 * headlines of its articles, its connections graph). A page whose fingerprint and whose build-wide
 * fingerprint (code, templates, settings, the article count in every footer) match the previous
 * build's is copied from the previous site instead of being rendered again; so editing one article
 * re-renders that article and the pages of what it names, not the whole archive.
 *
 * The site-wide pages (home, indexes, timeline, demands, graph, search, feeds, sitemap) are rendered
 * again when the part of the archive they show changed (`SITE_WIDE`), or always, for the few that are
 * not fingerprinted. `tests/perf/incremental.test.ts` checks that a site built this way is
 * byte-identical to one built from scratch.
 */
import { hash as cryptoHash } from 'node:crypto';
import type { Archive, Article, ArticleId, Cited, Entity, Organization, Person, Place, Role } from '../model.ts';
import { pageUrl } from '../link/paths.ts';
import { byId, entityOf } from './lookup.ts';
import { archiveGraph, neighbourhoodGraph } from './graph.ts';
import { SITE_FEED_ENTRIES } from './feeds.ts';
import { mostMentioned } from './filters.ts';

/** The pages of one article or entity. */
export interface PagePlan {
  /** `article:<id>`, `person:<id>`, `organization:<id>` or `place:<id>`. */
  readonly key: string;
  /** Files, relative to the site folder. */
  readonly files: readonly string[];
  readonly fingerprint: string;
}

/** The items whose pages the templates paginate over (global data `render`): all of them, or the changed ones. */
export interface RenderLists {
  readonly articles: readonly Article[];
  readonly people: readonly Person[];
  readonly organizations: readonly Organization[];
  readonly places: readonly Place[];
}

/** What a build remembers of its pages for the next one. */
export interface PageFingerprints {
  /** Fingerprint of what every page depends on. */
  readonly global: string;
  /** Page key → fingerprint. */
  readonly pages: Readonly<Record<string, string>>;
  /** Search shard → fingerprint (`src/site/search.ts`). */
  readonly shards?: Readonly<Record<string, string>>;
  /** Site-wide template (`timeline/index.njk`) → fingerprint, for those of `SITE_WIDE`. */
  readonly siteWide?: Readonly<Record<string, string>>;
  /** What each page's fingerprint read (`PageReads`): the next build recomputes only those some of whose reads changed. */
  readonly reads?: PageReads;
  /** The hash of an article's record → the digest of its timeline events (`Cards.eventsOf`): the next build takes these as they are. */
  readonly events?: Readonly<Record<string, string>>;
}

/**
 * What the fingerprints of a build's pages read, each thing by a key and its digest when read:
 * `article:<id>` (the article as its own page shows it), `person:<id>`, `organization:<id>`, `place:<id>`
 * (the entity as its own page shows it), `card:<kind>:<id>` (its name and address, as other pages
 * show it), `demand:<id>`. A fingerprint is a function of what it read, so a page none of whose reads
 * changed has the fingerprint it had: the next build takes it as it is instead of computing it again.
 */
export interface PageReads {
  readonly keys: readonly string[];
  /** The digest of each of `keys` (`MISSING` for a thing that was looked up and not there). */
  readonly digests: readonly string[];
  /** Page key → the indexes in `keys` of what its fingerprint read. */
  readonly pages: Readonly<Record<string, readonly number[]>>;
}

/** Every page rendered. */
export const renderAll = (archive: Archive): RenderLists => ({ articles: archive.articles, people: archive.people, organizations: archive.organizations, places: archive.places });

// One-shot hashing (Node 20.12): twice as fast as a Hash object for the short JSON of most pages.
const hash = (value: unknown): string => cryptoHash('sha1', JSON.stringify(value), 'base64url');

/**
 * The short fingerprints of what a page shows of the records it links to, each computed once per
 * build: a much-mentioned entity's page lists thousands of articles, and each article is listed
 * on the pages of everything it names.
 */
class Cards {
  readonly #archive: Archive;
  readonly #records: ReadonlyMap<string, string> | undefined;
  /** Each card's hash, and the keys (`PageReads`) of what it read. */
  readonly #memo = new Map<unknown, { readonly hash: string; readonly reads: readonly string[] }>();
  /** The keys read since `reading` began, or null when nobody asks. */
  #reads: Set<string> | null = null;
  /** The previous build's digests of the events of each record (`PageFingerprints.events`), and this build's. */
  readonly #eventsBefore: Readonly<Record<string, string>>;
  readonly events: Record<string, string> = {};
  constructor(archive: Archive, recordHashes?: ReadonlyMap<string, string>, eventsBefore: Readonly<Record<string, string>> = {}) {
    this.#archive = archive;
    this.#records = recordHashes;
    this.#eventsBefore = eventsBefore;
  }
  /** `make()`, and the keys of everything it read. */
  reading<T>(make: () => T): { value: T; reads: Set<string> } {
    const outer = this.#reads;
    const reads = (this.#reads = new Set<string>());
    try {
      return { value: make(), reads };
    } finally {
      this.#reads = outer;
      if (outer) for (const k of reads) outer.add(k);
    }
  }
  /** Note that `key` (`PageReads`) was read. */
  read(key: string): void {
    this.#reads?.add(key);
  }
  #once(key: unknown, make: () => unknown): string {
    let card = this.#memo.get(key);
    if (card === undefined) {
      const { value, reads } = this.reading(make);
      this.#memo.set(key, (card = { hash: hash(value), reads: [...reads] }));
    } else if (this.#reads) for (const k of card.reads) this.#reads.add(k);
    return card.hash;
  }
  /**
   * What a page shows of an entity it links to: its name and address. Without `kind`, the person,
   * else the organization, else the place with that id, as the templates look up a demand's makers.
   */
  entity(id: string | null, kind?: Entity['kind']): string | null {
    if (id === null) return null;
    const a = this.#archive;
    for (const k of kind ? [kind] : ENTITY_KINDS) {
      this.read(`card:${k}:${id}`);
      const e = entityOf(a, k, id);
      if (e) return this.#once(e, () => [e.kind, e.id, e.url, e.name, e.aliases, e.description, e.wikidata]);
    }
    return null;
  }
  /** What a page shows of an article it lists: the list item, a feed entry with its categories, and the hash of its record. */
  article(id: ArticleId): string | null {
    this.read(`article:${id}`);
    const a = byId(this.#archive.articles, id);
    return a ? this.#once(a, () => [a.id, a.url, a.headline, a.date, a.summary, a.language, a.people.map((x) => this.entity(x, 'person')), a.organizations.map((x) => this.entity(x, 'organization')), this.#records?.get(a.id) ?? null]) : null;
  }
  /** A demand as pages list it: its text, who makes it, and the article it is in. */
  demand(id: string): string | null {
    this.read(`demand:${id}`);
    const d = byId(this.#archive.demands, id);
    return d ? this.#once(d, () => [d, d.by.map((x) => this.entity(x)), this.article(d.article)]) : null;
  }
  /**
   * Where a fact was read (a sentence of an article): by the hash of its article's record and its place
   * in it, when the hash is known; the sentence itself otherwise.
   */
  cited(ev: Cited): unknown {
    const record = this.#records?.get(ev.article);
    if (record === undefined) return ev;
    this.read(`article:${ev.article}`);
    return [record, ev.block, ev.start, ev.end];
  }
  /**
   * A role as pages show it: who, what, where, and where it was read. An entity's page lists every
   * article of the evidence, so their records are in its fingerprint anyway. An article's page (`only`)
   * is of one record: a role gathers evidence across articles, and the other articles' sentences are
   * kept as they are, so that an edit elsewhere in those articles leaves the page be.
   */
  role(r: Role, only?: ArticleId): unknown {
    return [r.person, r.title, r.organization, r.organizationName, r.evidence.map((ev) => (only === undefined || ev.article === only ? this.cited(ev) : ev))];
  }
  /**
   * An article itself, for its own page. Most of the JSON a large archive makes is texts copied from
   * the article records: the text of each block, each mention's text and sentence, the sentences of
   * its events and quotes. With the hash of every article's record, what comes from the record is
   * known by the hash (its card holds it too), and only what linking added is hashed: the links of
   * each block (their titles are the names on the cards of the article's entities), who said each
   * quote, the roles (gathered across articles). Without the hashes, the article is hashed as it is.
   * `evidence: 'cited'` takes the roles' evidence in other articles by their records too (`digest`).
   */
  articleItself(a: Article, evidence: 'own' | 'cited' = 'own'): unknown {
    this.read(`article:${a.id}`);
    const record = this.#records?.get(a.id);
    if (record === undefined) return a;
    const { blocks, events: _events, quotes, roles, ...rest } = a;
    return [record, rest, blocks.map((b) => b.links.map((l) => [l.start, l.end, l.href])), quotes.map((q) => q.speaker), roles.map((r) => this.role(r, evidence === 'own' ? a.id : undefined))];
  }
  /**
   * An entity itself, for its own pages: the texts of its mentions, roles and quotes left to the records
   * of their articles (see `articleItself`), and each related entity by its card.
   */
  entityItself(e: Entity, related: 'cards' | 'ids' = 'cards'): unknown {
    this.read(`${e.kind}:${e.id}`);
    const records = this.#records;
    const own: Record<string, unknown> = { ...e, related: e.related.map((r) => [related === 'cards' ? this.entity(r.id, r.kind) : `${r.kind}:${r.id}`, r.articles]) };
    if (records !== undefined && e.mentions.every((m) => records.has(m.article))) own['mentions'] = e.mentions.map((m) => [m.article, m.block, m.start, m.end]);
    if (e.kind === 'person') {
      own['roles'] = e.roles.map((r) => this.role(r));
      own['quotes'] = e.quotes.map((q) => [q.text, q.speaker, this.cited(q.evidence)]);
    }
    if (e.kind === 'organization') own['members'] = e.members.map((r) => this.role(r));
    return own;
  }
  /**
   * The digest of an article's timeline events, as they are (their sentences, not the hash of the record:
   * an edit elsewhere in the article leaves it). The events of an article are a function of its record,
   * so a record the previous build had keeps the digest it had then: 4,000 articles' events are 5.5 MB of
   * JSON, hashed again by every build before.
   */
  eventsOf(a: Article): string {
    const record = this.#records?.get(a.id);
    if (record === undefined) return hash(a.events);
    let d = this.events[record];
    if (d === undefined) this.events[record] = d = Object.hasOwn(this.#eventsBefore, record) ? this.#eventsBefore[record]! : hash(a.events);
    return d;
  }
  /**
   * The digest of what the key (`PageReads`) names, now: whatever page reads it reads no more of it than
   * this covers. An entity by its related entities' ids, not their cards: a page that shows the cards reads them too.
   */
  digest(key: string): string {
    const [kind, id] = splitKey(key);
    const a = this.#archive;
    if (kind === 'card') {
      const [k, entityId] = splitKey(id) as [Entity['kind'], string];
      return this.entity(entityId, k) ?? MISSING;
    }
    if (kind === 'article') {
      const x = byId(a.articles, id);
      // The roles' evidence by the records it is in: smaller, and it covers the sentences the page shows.
      return x ? hash(this.articleItself(x, 'cited')) : MISSING;
    }
    if (kind === 'demand') {
      const d = byId(a.demands, id);
      return d ? hash(d) : MISSING;
    }
    const e = entityOf(a, kind as Entity['kind'], id);
    return e ? hash(this.entityItself(e, 'ids')) : MISSING;
  }
}

const ENTITY_KINDS: readonly Entity['kind'][] = ['person', 'organization', 'place'];

/** `person:jane-roe` → `['person', 'jane-roe']`: split at the first colon (an id may hold more). */
const splitKey = (key: string): [string, string] => key.split(/:(.*)/su) as [string, string];

/** The digest of a thing looked up and not found (`PageReads`). */
const MISSING = '-';

/** What an article's page reads. */
function articleDeps(cards: Cards, a: Article): unknown {
  return [
    cards.articleItself(a),
    [...a.people.map((id) => cards.entity(id, 'person')), ...a.organizations.map((id) => cards.entity(id, 'organization')), ...a.places.map((id) => cards.entity(id, 'place'))],
    a.roles.map((r) => cards.entity(r.organization, 'organization')),
    a.demands.map((id) => cards.demand(id)),
    a.quotes.map((q) => cards.entity(q.speaker, 'person')),
  ];
}

/** What an entity's page (and its feeds) read. */
function entityDeps(archive: Archive, cards: Cards, e: Entity): unknown {
  const articles = new Set<ArticleId>(e.articles);
  for (const m of e.mentions) articles.add(m.article);
  // The related entities' cards are in `cards.entityItself(e)`.
  const linked: (string | null)[] = [];
  if (e.kind === 'person') {
    for (const r of e.roles) {
      linked.push(cards.entity(r.organization, 'organization'));
      for (const ev of r.evidence) articles.add(ev.article);
    }
    for (const q of e.quotes) articles.add(q.article);
  }
  if (e.kind === 'organization') linked.push(...e.members.map((r) => cards.entity(r.person, 'person')), cards.entity(e.partOf, 'organization'), ...e.branches.map((id) => cards.entity(id, 'organization')));
  const graph = e.kind === 'place' ? null : neighbourhoodGraph(archive, `${e.kind}:${e.id}`);
  // The graph is drawn from its nodes as their own pages show them (names, roles, counts of articles in common),
  // chosen from `e`'s related entities and roles (in `entityItself`); the organizations of its roles and the
  // members are looked up, there or not.
  if (graph) for (const n of graph.nodes) cards.read(n.key);
  if (e.kind === 'person') for (const r of e.roles) if (r.organization !== null) cards.read(`organization:${r.organization}`);
  if (e.kind === 'organization') for (const r of e.members) cards.read(`person:${r.person}`);
  return [
    cards.entityItself(e),
    [...articles].map((id) => cards.article(id)),
    linked,
    e.kind === 'organization' ? e.demands.map((id) => cards.demand(id)) : [],
    // The graph's nodes and edges: its layout is a function of them (and of the code, in the build-wide
    // fingerprint). Every node is `e`, a related entity or one of `linked`, whose cards hold its name and address.
    graph && [graph.nodes.map((n) => [n.key, n.mentions]), graph.edges.map((x) => [x.source, x.target, x.kind, x.label, x.weight])],
  ];
}

/**
 * The site-wide pages that read a known part of the archive, and that part: the others (the search and
 * data pages, …) are rendered by every build. An edit that adds a sentence changes few of these, and they
 * are the slowest to render (4,000 articles: the timeline alone is a 5.6 MB page, the home page lists
 * every article). Each `reads` must cover everything its template shows (the templates say so in their
 * front matter): a template that shows more than its `reads` hashes goes stale after an edit.
 * `tests/perf/incremental.test.ts` compares every file with a build from scratch.
 */
const SITE_WIDE: Readonly<Record<string, { readonly file: string; readonly reads: (archive: Archive, cards: Cards) => unknown }>> = {
  // Each article's events by their digest (`Cards.eventsOf`): the page lists them by date, in the order of
  // the articles, which is here too; an edit elsewhere in an article leaves the timeline in place.
  'timeline/index.njk': { file: 'timeline/index.html', reads: (a, cards) => [a.articles.map((x) => [x.id, x.url, x.headline, x.date]), a.articles.map((x) => cards.eventsOf(x))] },
  'articles/index.njk': { file: 'articles/index.html', reads: (a) => a.articles.map((x) => [x.id, x.url, x.headline, x.date, x.summary]) },
  // The home page: every article as the articles index lists it, the counts, the most mentioned.
  'index.njk': {
    file: 'index.html',
    reads: (a) => [
      a.articles.map((x) => [x.id, x.url, x.headline, x.date, x.summary]),
      [a.people.length, a.organizations.length, a.places.length, a.demands.length],
      [...mostMentioned<Entity>(a.people), ...mostMentioned<Entity>(a.organizations)].map((e) => [e.url, e.name, e.mentions.length]),
    ],
  },
  'people/index.njk': { file: 'people/index.html', reads: (a) => azIndex(a.people) },
  'organizations/index.njk': { file: 'organizations/index.html', reads: (a) => azIndex(a.organizations) },
  'places/index.njk': { file: 'places/index.html', reads: (a) => azIndex(a.places) },
  // Every page's address (the site's own pages come from the templates, in the build-wide fingerprint), an article's with its date.
  'sitemap.njk': { file: 'sitemap.xml', reads: (a) => [a.articles.map((x) => [x.url, x.date]), [...a.people, ...a.organizations, ...a.places].map((e) => e.url)] },
  'demands/index.njk': {
    file: 'demands/index.html',
    reads: (a, cards) => [
      a.themes,
      a.demands.map((d) => cards.demand(d.id)),
      a.organizations.filter((o) => o.demands.length > 0).map((o) => [o.id, o.url, o.name, o.demands]),
      a.articles.filter((x) => x.demands.length > 0).map((x) => [x.id, x.url, x.headline, x.demands]),
    ],
  },
  // Its nodes and edges; the layout is a function of them.
  'graph/index.njk': { file: 'graph/index.html', reads: (a) => archiveGraph(a) },
  'feeds/atom.njk': { file: 'feed.xml', reads: (a, cards) => siteFeed(a, cards) },
  'feeds/json.njk': { file: 'feed.json', reads: (a, cards) => siteFeed(a, cards) },
};

/** What an A–Z index shows of each entity, in the archive's order (by name). */
const azIndex = (list: readonly Entity[]): unknown => list.map((e) => [e.url, e.name, e.articles.length, e.description]);

/** What the site's feeds read: their articles, bodies included, and the entities they name. */
const siteFeed = (a: Archive, cards: Cards): unknown => a.articles.slice(0, SITE_FEED_ENTRIES).map((x) => [cards.articleItself(x), cards.article(x.id)]);

/** A site-wide page whose fingerprint is known (`SITE_WIDE`). */
export interface SiteWidePlan {
  /** The template, relative to `templates/`. */
  readonly template: string;
  /** Its file, relative to the site folder. */
  readonly file: string;
  readonly fingerprint: string;
}

/** The files of the pages of the article or entity with this key (`person:jane-roe`), relative to the site folder. */
export function pageFiles(key: string): string[] {
  const [kind, id] = splitKey(key) as ['article' | Entity['kind'], string];
  const url = pageUrl(kind, id);
  return kind === 'person' || kind === 'organization' ? [`${url}index.html`, `${url}feed.xml`, `${url}feed.json`] : [`${url}index.html`];
}

/**
 * The pages of every article and entity of `archive`, with their fingerprints. With `recordHashes`
 * (article id → a hash of the record it was linked from) they are cheaper to compute (see `Cards`).
 *
 * With `previous`, the fingerprints of the previous build by the same code (the same `global`), a page
 * none of whose reads (`PageReads`) changed keeps its previous fingerprint without computing it: after
 * an edit, only the pages that read the edited articles, or the entities and cards that changed with
 * them, are fingerprinted again. `tests/perf/pages.test.ts` checks that the fingerprints are those
 * computed from nothing.
 */
export function planPages(
  archive: Archive,
  recordHashes?: ReadonlyMap<string, string>,
  previous?: PageFingerprints | null,
): {
  pages: PagePlan[];
  siteWide: SiteWidePlan[];
  reads: PageReads;
  /** The digests of the articles' events, by the hash of their record (`PageFingerprints.events`). */
  events: Record<string, string>;
  /** How many fingerprints were computed, not taken from `previous`. */
  computed: number;
} {
  const cards = new Cards(archive, recordHashes, previous?.events);
  const digests = new Map<string, string>();
  const digest = (key: string): string => {
    let d = digests.get(key);
    if (d === undefined) digests.set(key, (d = cards.digest(key)));
    return d;
  };
  // What changed since the previous build, of what its pages read.
  const before = previous?.reads;
  const changed = before ? before.keys.map((k, i) => digest(k) !== before.digests[i]) : [];
  const keys: string[] = [];
  const index = new Map<string, number>();
  const indexOf = (k: string): number => {
    let i = index.get(k);
    if (i === undefined) {
      index.set(k, (i = keys.length));
      keys.push(k);
    }
    return i;
  };
  const reads: Record<string, number[]> = {};
  let computed = 0;
  const plan = (key: string, deps: () => unknown): PagePlan => {
    const was = before?.pages[key];
    const fingerprint = previous?.pages[key];
    if (was && fingerprint !== undefined && !was.some((i) => changed[i])) {
      reads[key] = was.map((i) => indexOf(before!.keys[i]!));
      return { key, files: pageFiles(key), fingerprint };
    }
    computed++;
    const { value, reads: read } = cards.reading(deps);
    reads[key] = [...read].map(indexOf);
    return { key, files: pageFiles(key), fingerprint: hash(value) };
  };
  const entityPlan = (e: Entity): PagePlan => plan(`${e.kind}:${e.id}`, () => entityDeps(archive, cards, e));
  const pages = [
    ...archive.articles.map((a) => plan(`article:${a.id}`, () => articleDeps(cards, a))),
    ...archive.people.map(entityPlan),
    ...archive.organizations.map(entityPlan),
    ...archive.places.map(entityPlan),
  ];
  const siteWide = Object.entries(SITE_WIDE).map(([template, { file, reads }]) => ({ template, file, fingerprint: hash(reads(archive, cards)) }));
  return { pages, siteWide, reads: { keys, digests: keys.map(digest), pages: reads }, events: cards.events, computed };
}

/** A fingerprint of what every page of `archive` depends on, given one of the code and templates that render it. */
export const globalFingerprint = (archive: Archive, renderer: string): string => hash([renderer, archive.articles.length]);

/**
 * Split the pages of `archive` into those to render and those to take from the previous build
 * (`previous`, or null when there is none to trust). `exists` says whether a previous file is still there.
 */
export function selectPages(
  archive: Archive,
  plans: readonly PagePlan[],
  global: string,
  previous: PageFingerprints | null,
  exists: (file: string) => boolean,
): { render: RenderLists; reuse: string[] } {
  if (!previous || previous.global !== global) return { render: renderAll(archive), reuse: [] };
  const fresh = new Set<string>();
  const reuse: string[] = [];
  for (const p of plans) {
    if (previous.pages[p.key] === p.fingerprint && p.files.every(exists)) reuse.push(...p.files);
    else fresh.add(p.key);
  }
  const pick = <T extends { id: string }>(list: readonly T[], kind: string): T[] => list.filter((x) => fresh.has(`${kind}:${x.id}`));
  return {
    render: { articles: pick(archive.articles, 'article'), people: pick(archive.people, 'person'), organizations: pick(archive.organizations, 'organization'), places: pick(archive.places, 'place') },
    reuse,
  };
}
