import type { Archive, EntityId } from '../model.ts';

/** The public shape of `data/archive.json`: stable ids and page paths, no body text. */
export function archiveJson(archive: Archive): unknown {
  const demandsById = new Map(archive.demands.map((d) => [d.id, d]));
  return {
    articles: archive.articles.map((a) => ({
      id: a.id,
      url: a.url,
      headline: a.headline,
      date: a.date?.iso ?? null,
      dateApproximate: a.date?.approximate ?? null,
      summary: a.summary,
      author: a.author,
      file: a.file,
      originalFile: a.originalFile,
      language: a.language,
      translatedFrom: a.translatedFrom,
      people: a.people,
      organizations: a.organizations,
      places: a.places,
      demands: a.demands.map((id) => demandsById.get(id)!).map((d) => ({ id: d.id, text: d.text, label: d.label, by: d.by as readonly EntityId[], paragraph: d.evidence.block })),
      quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, paragraph: q.evidence.block })),
    })),
    people: archive.people.map((p) => ({
      id: p.id,
      url: p.url,
      name: p.name,
      aliases: p.aliases,
      description: p.description,
      wikidata: p.wikidata,
      roles: p.roles.map((r) => ({ title: r.title, organization: r.organization, ...(r.organization ? {} : { organizationName: r.organizationName }) })),
      articles: p.articles,
    })),
    organizations: archive.organizations.map((o) => ({
      id: o.id,
      url: o.url,
      name: o.name,
      aliases: o.aliases,
      description: o.description,
      wikidata: o.wikidata,
      partOf: o.partOf,
      articles: o.articles,
    })),
    places: archive.places.map((p) => ({ id: p.id, url: p.url, name: p.name, aliases: p.aliases, articles: p.articles })),
  };
}
