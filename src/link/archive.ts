import type {
  LinkSpan,
  Archive, Article, ArticleId, ArticleRecord, Cited, CuratedEntity, Curation, Demand, EntityId, EntityKind, Evidence, LinkedMention,
  Organization, OrganizationId, Person, PersonId, Place, PlaceId, Problem, Quote, Related, Role, TimelineEvent,
} from '../model.ts';
import { nameKey } from '../text/normalize.ts';
import { mergeEntities, type MergedEntity } from './entities.ts';
import { uniqueSlugs } from '../text/slug.ts';
import { pageUrl, relativeHref } from './paths.ts';
import { groupDemands } from './themes.ts';

/** Newest first; undated last; then by id, so the order is stable. */
function byDateDesc(a: ArticleRecord, b: ArticleRecord): number {
  const da = a.date?.iso ?? '';
  const db = b.date?.iso ?? '';
  return da !== db ? (da < db ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Cross-link extracted articles into one archive: one entity per person, organization and
 * place across articles, each with its articles, mentions, roles, quotes and related entities.
 */
export function linkArchive(records: readonly ArticleRecord[], curation: Curation): Archive {
  const problems: Problem[] = records.flatMap((r) => r.problems);
  const articleIds = uniqueArticleIds(records, problems);
  const clashing = new Set(articleIds.values()).size < records.length;
  const sorted = [...records].sort(byDateDesc);
  const { entities, localKey } = mergeEntities(sorted, curation);

  // Organizations named by curated roles or as a parent get a page even if no article names them.
  const byKey = new Map(entities.map((e) => [e.key, e]));
  // Indexes over the curation, built once: the first entry that has the name, as a scan would find it.
  const curatedByName = new Map<string, CuratedEntity>();
  const curatedByKey = new Map<string, CuratedEntity>();
  for (const c of curation.entities) {
    for (const n of [c.name, ...c.aliases]) if (!curatedByName.has(nameKey(n))) curatedByName.set(nameKey(n), c);
    if (!curatedByKey.has(`@${nameKey(c.name)}`)) curatedByKey.set(`@${nameKey(c.name)}`, c);
  }
  const curatedKey = (name: string): string => `@${nameKey(curatedByName.get(nameKey(name))?.name ?? name)}`;
  for (const e of [...entities]) {
    for (const orgName of [...(e.curated?.roles.map((r) => r.organization) ?? []), ...(e.curated?.partOf ? [e.curated.partOf] : [])]) {
      const key = curatedKey(orgName);
      const c = curatedByKey.get(key);
      if (!byKey.has(key) && c) {
        const merged: MergedEntity = { key, kind: 'organization', name: c.name, aliases: c.aliases, curated: c };
        entities.push(merged);
        byKey.set(key, merged);
      }
    }
  }
  const slugs = new Map<EntityKind, Map<string, string>>();
  for (const kind of ['person', 'organization', 'place'] as const) {
    slugs.set(kind, uniqueSlugs(entities.filter((e) => e.kind === kind).map((e) => ({ key: e.key, name: e.name }))));
  }
  const idByKey = new Map<string, EntityId>();
  for (const e of byKey.values()) idByKey.set(e.key, slugs.get(e.kind)!.get(e.key) as EntityId);
  const idOf = (key: string): EntityId | undefined => idByKey.get(key);
  const kindOfKey = (key: string): EntityKind | undefined => byKey.get(key)?.kind;
  const urlOf = (kind: EntityKind, id: string): string => pageUrl(kind, id);
  // The first entity with a name, in the order of `byKey`, for names an article's own entities do not have.
  const keyByName = new Map<string, string>();
  for (const e of byKey.values()) if (!keyByName.has(nameKey(e.name))) keyByName.set(nameKey(e.name), e.key);

  // Per-entity accumulators.
  const articlesOf = new Map<string, ArticleId[]>();
  const mentionsOf = new Map<string, LinkedMention[]>();
  const roles: Role[] = [];
  const quotes: Quote[] = [];
  const demands: Demand[] = [];
  const events: TimelineEvent[] = [];
  // Their roles are the merged ones, set when all are known.
  const articles: { -readonly [K in keyof Article]: Article[K] }[] = [];

  for (const r of sorted) {
    const aid = articleIds.get(r)!;
    const local = localKey.get(r.id)!;
    const keyOf = (name: string | null): string | undefined => (name === null ? undefined : local.get(name) ?? keyByName.get(nameKey(name)));
    const cite = (ev: Evidence): Cited => ({ block: ev.block, sentence: ev.sentence, start: ev.start, end: ev.end, article: aid });
    const inArticle = new Map<EntityKind, Set<EntityId>>([['person', new Set()], ['organization', new Set()], ['place', new Set()]]);
    const spansByBlock = new Map<number, LinkSpan[]>();
    const articleUrl = pageUrl('article', aid);
    for (const e of r.entities) {
      const key = local.get(e.name)!;
      const merged = byKey.get(key)!;
      const id = idOf(key)!;
      inArticle.get(merged.kind)!.add(id);
      let list = articlesOf.get(key);
      if (!list) articlesOf.set(key, (list = []));
      // One record at a time: an article already listed is the last one listed (unless two share an id, an error).
      if (list.at(-1) !== aid && !(clashing && list.includes(aid))) list.push(aid);
      let ms = mentionsOf.get(key);
      if (!ms) mentionsOf.set(key, (ms = []));
      const href = relativeHref(articleUrl, urlOf(merged.kind, id));
      for (const m of e.mentions) {
        // Spelled out rather than spread: tens of thousands of mentions, each copied once.
        ms.push({ block: m.block, start: m.start, end: m.end, text: m.text, sentence: m.sentence, article: aid });
        const spans = spansByBlock.get(m.block);
        const span = { start: m.start, end: m.end, href, title: merged.name };
        if (spans) spans.push(span);
        else spansByBlock.set(m.block, [span]);
      }
    }
    const articleRoles: Role[] = [];
    for (const fr of r.roles) {
      const pk = keyOf(fr.person);
      const ok = keyOf(fr.organization);
      if (!pk || kindOfKey(pk) !== 'person') continue;
      const orgId = ok && kindOfKey(ok) === 'organization' ? (idOf(ok) as OrganizationId) : null;
      const role: Role = { person: idOf(pk) as PersonId, title: fr.title, organization: orgId, organizationName: orgId ? null : fr.organization, evidence: [cite(fr.evidence)] };
      articleRoles.push(role);
      roles.push(role);
    }
    const articleQuotes: Quote[] = r.quotes.map((q) => {
      const sk = keyOf(q.speaker);
      return { article: aid, text: q.text, speaker: sk && kindOfKey(sk) === 'person' ? (idOf(sk) as PersonId) : null, evidence: cite(q.evidence) };
    });
    quotes.push(...articleQuotes);
    const articleDemands: Demand[] = r.demands.map((d, i) => ({
      id: `${aid}-d${i + 1}`,
      article: aid,
      label: d.label,
      text: d.text,
      // Only people and organizations make demands: a name that linked to a place is left out.
      by: [...new Set(d.by.map(keyOf).filter((k): k is string => k !== undefined && kindOfKey(k) !== 'place').map((k) => idOf(k)!))],
      evidence: cite(d.evidence),
    }));
    demands.push(...articleDemands);
    const articleEvents = r.events.map((e) => ({ article: aid, date: e.date, expression: e.expression, evidence: cite(e.evidence) }));
    events.push(...articleEvents);
    const fm = r.frontMatter;
    articles.push({
      id: aid,
      url: pageUrl('article', aid),
      file: r.file,
      originalFile: fm.originalFile ?? r.file.replace(/^.*\//u, ''),
      headline: r.headline,
      date: r.date,
      summary: r.summary,
      author: r.author,
      source: fm.source ?? null,
      sourceUrl: fm.sourceUrl ?? null,
      language: fm.language ?? 'en',
      translatedFrom: fm.translatedFrom ?? null,
      blocks: r.blocks.map((b) => ({ ...b, links: (spansByBlock.get(b.n) ?? []).sort((x, y) => x.start - y.start) })),
      people: [...inArticle.get('person')!] as PersonId[],
      organizations: [...inArticle.get('organization')!] as OrganizationId[],
      places: [...inArticle.get('place')!] as PlaceId[],
      roles: articleRoles,
      demands: articleDemands.map((d) => d.id),
      quotes: articleQuotes,
      events: articleEvents,
    });
  }

  // Curated roles join the roles read from the text.
  for (const e of entities) {
    if (e.kind !== 'person' || !e.curated) continue;
    for (const cr of e.curated.roles) {
      const ok = curatedKey(cr.organization);
      const orgId = byKey.has(ok) ? (idOf(ok) as OrganizationId) : null;
      roles.push({ person: idOf(e.key) as PersonId, title: cr.title, organization: orgId, organizationName: orgId ? null : cr.organization, evidence: [] });
    }
  }
  const mergedRoles = mergeRoles(roles);

  // Co-mentions through an index of article → entities: no scan over all pairs of entities. Entities are
  // counted by number, in an array reused for each, and listed in the order they were first met.
  const keyList = [...articlesOf.keys()];
  const numberOf = new Map(keyList.map((k, i) => [k, i]));
  const entitiesOfArticle = new Map<ArticleId, number[]>();
  keyList.forEach((key, i) => {
    for (const a of articlesOf.get(key)!) {
      const keys = entitiesOfArticle.get(a);
      if (keys) keys.push(i);
      else entitiesOfArticle.set(a, [i]);
    }
  });
  const counts = new Int32Array(keyList.length);
  // Each entity's place in the order of ids (then kinds): ties in articles in common, most of them, are broken
  // by comparing these numbers rather than the ids.
  const rank = new Int32Array(keyList.length);
  keyList
    .map((k, i) => ({ i, id: idOf(k)!, kind: kindOfKey(k)! }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
    .forEach((x, r) => (rank[x.i] = r));
  /** The entities that share articles with `key`'s, most articles in common first, then by id. */
  const relatedOf = (key: string): Related[] => {
    const self = numberOf.get(key);
    if (self === undefined) return [];
    const met: number[] = [];
    for (const a of articlesOf.get(key)!) {
      for (const other of entitiesOfArticle.get(a)!) {
        if (other === self) continue;
        if (counts[other] === 0) met.push(other);
        counts[other]!++;
      }
    }
    met.sort((x, y) => counts[y]! - counts[x]! || rank[x]! - rank[y]!);
    return met.map((i) => {
      const k = keyList[i]!;
      const n = counts[i]!;
      counts[i] = 0;
      return { id: idOf(k)!, kind: kindOfKey(k)!, articles: n };
    });
  };

  const base = (e: MergedEntity) => {
    const id = idOf(e.key)!;
    return {
      id,
      url: urlOf(e.kind, id),
      name: e.name,
      aliases: e.aliases,
      description: e.curated?.description ?? null,
      wikidata: e.curated?.wikidata ?? null,
      articles: articlesOf.get(e.key) ?? [],
      mentions: mentionsOf.get(e.key) ?? [],
      related: relatedOf(e.key),
    };
  };
  const rolesOfPerson = groupBy(mergedRoles, (r) => [r.person]);
  const rolesOfOrganization = groupBy(mergedRoles, (r) => (r.organization === null ? [] : [r.organization]));
  const rolesOfArticle = groupBy(mergedRoles, (r) => r.evidence.map((ev) => ev.article));
  const quotesOfSpeaker = groupBy(quotes, (q) => (q.speaker === null ? [] : [q.speaker]));
  const branchesOf = groupBy(entities, (x) => (x.curated?.partOf ? [curatedKey(x.curated.partOf)] : []));
  const demandsOf = demandsByOrganization(demands, new Set(entities.filter((e) => e.kind === 'organization').map((e) => idOf(e.key)!)), rolesOfOrganization);
  const byName = <T extends { name: string }>(list: T[]): T[] => {
    // Each name's sort key once, not once per comparison.
    const keys = new Map(list.map((x) => [x, sortName(x.name)]));
    return list.sort((a, b) => collator.compare(keys.get(a)!, keys.get(b)!) || (a.name < b.name ? -1 : 1));
  };
  // Each entity's fields added to its `base`, not copied into another object: thousands of them.
  const people: Person[] = byName(entities.filter((e) => e.kind === 'person').map((e) => {
    const b = base(e);
    return Object.assign(b, { id: b.id as PersonId, kind: 'person' as const, roles: rolesOfPerson.get(b.id) ?? [], quotes: quotesOfSpeaker.get(b.id) ?? [] });
  }));
  const orgIdOfKey = (k: string): OrganizationId | null => (byKey.has(k) ? (idOf(k) as OrganizationId) : null);
  const organizations: Organization[] = byName(entities.filter((e) => e.kind === 'organization').map((e) => {
    const b = base(e);
    const oid = b.id as OrganizationId;
    const branches = (branchesOf.get(e.key) ?? []).map((x) => idOf(x.key) as OrganizationId);
    return Object.assign(b, {
      id: oid,
      kind: 'organization' as const,
      members: rolesOfOrganization.get(oid) ?? [],
      demands: demandsOf.get(oid) ?? [],
      partOf: e.curated?.partOf ? orgIdOfKey(curatedKey(e.curated.partOf)) : null,
      branches,
    });
  }));
  const places: Place[] = byName(entities.filter((e) => e.kind === 'place').map((e) => {
    const b = base(e);
    return Object.assign(b, { id: b.id as PlaceId, kind: 'place' as const });
  }));
  return {
    articles: articles.map((a) => ((a.roles = rolesOfArticle.get(a.id) ?? []), a)),
    people,
    organizations,
    places,
    demands,
    themes: groupDemands(demands),
    events: events.sort((a, b) => (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : 0)),
    problems,
  };
}

/** The items of `list` under each of their keys, in list order, each item once per key: one pass instead of a filter per key. */
function groupBy<T>(list: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    for (const k of new Set(keysOf(item))) {
      const group = out.get(k);
      if (group) group.push(item);
      else out.set(k, [item]);
    }
  }
  return out;
}

/**
 * The demands of each organization, in demand order: those it makes, and those made only by its
 * members (with it or not). Candidates come from the demanders' memberships, not a scan per organization.
 */
function demandsByOrganization(demands: readonly Demand[], organizations: ReadonlySet<string>, members: ReadonlyMap<string, readonly Role[]>): Map<string, string[]> {
  const orgsOfMember = new Map<string, Set<string>>();
  const memberIds = new Map<string, Set<string>>();
  for (const [org, roles] of members) {
    memberIds.set(org, new Set(roles.map((r) => r.person)));
    for (const r of roles) orgsOfMember.set(r.person, (orgsOfMember.get(r.person) ?? new Set()).add(org));
  }
  const out = new Map<string, string[]>();
  for (const d of demands) {
    const first = d.by[0];
    if (first === undefined) continue;
    const candidates = new Set([...d.by.filter((x) => organizations.has(x)), ...(orgsOfMember.get(first) ?? [])]);
    for (const org of candidates) {
      if (!organizations.has(org)) continue;
      if (d.by.includes(org as EntityId) || d.by.every((x) => memberIds.get(org)?.has(x) || x === org)) {
        const list = out.get(org);
        if (list) list.push(d.id);
        else out.set(org, [d.id]);
      }
    }
  }
  return out;
}

/** Surname first for people would need to know which word is the surname; sort on the name as written, minus a leading article. */
function sortName(name: string): string {
  return name.replace(/^(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)/iu, '');
}

/** One role per person, title and organization; evidence gathered. */
function mergeRoles(roles: readonly Role[]): Role[] {
  const out = new Map<string, Role>();
  for (const r of roles) {
    const k = `${r.person}|${r.title.toLowerCase().replace(/^(?:new|current|then|the)\s+/u, '')}|${r.organization ?? r.organizationName ?? ''}`;
    const prev = out.get(k);
    out.set(k, prev ? { ...prev, evidence: [...prev.evidence, ...r.evidence] } : r);
  }
  return [...out.values()];
}

/** Article ids must be unique: a clash is an error naming both files. */
function uniqueArticleIds(records: readonly ArticleRecord[], problems: Problem[]): Map<ArticleRecord, ArticleId> {
  const out = new Map<ArticleRecord, ArticleId>();
  const owner = new Map<string, string>();
  for (const r of [...records].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const prev = owner.get(r.id);
    if (prev !== undefined) problems.push({ file: r.file, message: `has the id \`${r.id}\`, which ${prev} already has: give one of them another \`id:\` in its front matter`, severity: 'error' });
    owner.set(r.id, r.file);
    out.set(r, r.id as ArticleId);
  }
  return out;
}
